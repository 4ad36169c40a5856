package org.collapselab.metric;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.collapselab.data.Truth;
import org.collapselab.model.GaussianMoments;
import org.collapselab.model.GenerativeModel;

/**
 * What the metrics of one generation see: the model, the cell's precomputed reference data and a
 * random stream. Model samples for sample-based estimators are drawn once, on first use, and
 * shared by every metric of the generation.
 */
public final class Measurement {

    private final GenerativeModel<double[]> model;
    private final ProbeReference reference;
    private final Baseline baseline;
    private final int generation;
    private final RandomGenerator random;
    /** Model samples, drawn lazily. */
    private List<double[]> samples;

    /**
     * @param baseline generation 0's values, or null when measuring generation 0 itself
     */
    public Measurement(GenerativeModel<double[]> model, ProbeReference reference,
                       Baseline baseline, int generation, RandomGenerator random) {
        this.model = model;
        this.reference = reference;
        this.baseline = baseline;
        this.generation = generation;
        this.random = random;
    }

    public GenerativeModel<double[]> model() {
        return model;
    }

    public ProbeReference reference() {
        return reference;
    }

    /** Generation 0's values; empty while measuring generation 0. */
    public Optional<Baseline> baseline() {
        return Optional.ofNullable(baseline);
    }

    public int generation() {
        return generation;
    }

    public Optional<Truth<double[]>> truth() {
        return reference.truth();
    }

    /** Both q_t and p Gaussian: the closed forms apply. */
    public Optional<GaussianMoments[]> gaussianPair() {
        Optional<GaussianMoments> q = model.gaussianMoments();
        Optional<GaussianMoments> p = reference.truthGaussian();
        if (q.isPresent() && p.isPresent()) {
            return Optional.of(new GaussianMoments[] {q.get(), p.get()});
        }
        return Optional.empty();
    }

    /** {@code reference().evaluationSamples()} samples of q_t, drawn once per generation. */
    public List<double[]> modelSamples() {
        if (samples == null) {
            samples = model.sample(reference.evaluationSamples(), random);
        }
        return samples;
    }

    /**
     * A seed for a metric that runs its own seeded procedure (the classifier two-sample test),
     * taken from the generation's metric stream after the model samples were drawn.
     */
    public long metricSeed() {
        return random.nextLong();
    }
}
