package org.collapselab.metric;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.collapselab.model.GenerativeModel;
import org.collapselab.model.NgramOptions.Unit;

/**
 * What the text metrics of one generation see: the model, the cell's text reference and a random
 * stream. Model lines are drawn once, on first use, and their n-gram counts computed once, shared
 * by every metric of the generation. Any {@code GenerativeModel<String>} serves; metrics that need
 * line probabilities are left empty for a model without {@link GenerativeModel#hasDensity()}.
 */
public final class TextMeasurement {

    private final GenerativeModel<String> model;
    private final TextReference reference;
    private final Baseline baseline;
    private final RandomGenerator random;
    /** Model lines, drawn lazily. */
    private List<String> samples;
    /** sum over the probe of log q(line), computed lazily; NaN until then. */
    private double probeLogProbability = Double.NaN;
    /** Counts of the samples' unigrams and bigrams by unit, computed lazily. */
    private final Map<Unit, Map<String, Long>> unigrams = new EnumMap<>(Unit.class);
    private final Map<Unit, Map<String, Long>> bigrams = new EnumMap<>(Unit.class);

    /**
     * @param baseline generation 0's values, or null when measuring generation 0 itself
     */
    public TextMeasurement(GenerativeModel<String> model, TextReference reference,
                           Baseline baseline, RandomGenerator random) {
        this.model = model;
        this.reference = reference;
        this.baseline = baseline;
        this.random = random;
    }

    public GenerativeModel<String> model() {
        return model;
    }

    public TextReference reference() {
        return reference;
    }

    /** Generation 0's values; empty while measuring generation 0. */
    public Optional<Baseline> baseline() {
        return Optional.ofNullable(baseline);
    }

    /** {@code reference().evaluationSamples()} lines of q_t, drawn once per generation. */
    public List<String> samples() {
        if (samples == null) {
            samples = model.sample(reference.evaluationSamples(), random);
        }
        return samples;
    }

    /**
     * The log-probability of the whole probe, sum_lines log q(line), in nats, computed once
     * (compensated sum).
     *
     * @throws UnsupportedOperationException when the model has no density
     */
    public double probeLogProbability() {
        if (Double.isNaN(probeLogProbability)) {
            probeLogProbability = java.util.Arrays.stream(model.logDensities(reference.probe()))
                .sum();
        }
        return probeLogProbability;
    }

    /** The samples' counts of n-grams (n = 1, 2) of the unit. */
    public Map<String, Long> sampleCounts(Unit unit, int n) {
        Map<Unit, Map<String, Long>> cache = n == 1 ? unigrams : bigrams;
        return cache.computeIfAbsent(unit, u -> TextMetrics.ngramCounts(samples(), u, n));
    }

    /**
     * A seed for a metric that runs its own seeded procedure (the classifier two-sample test),
     * taken from the generation's metric stream after the model samples were drawn.
     */
    public long metricSeed() {
        return random.nextLong();
    }
}
