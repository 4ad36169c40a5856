package org.collapselab.model;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A fitted generative model q_t: it draws samples and, where the family has one, evaluates its
 * log-density. Instances are immutable, so one model can be sampled from several threads as long
 * as each passes its own random stream.
 *
 * @param <X> the sample type: {@code double[]} for numeric data
 */
public interface GenerativeModel<X> {

    /** Draws {@code count} independent samples. */
    List<X> sample(int count, RandomGenerator random);

    /**
     * {@link #logDensity} of each sample, in order. Families that evaluate many samples faster
     * together (a network's batched forward pass) override it.
     */
    default double[] logDensities(List<X> samples) {
        double[] out = new double[samples.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = logDensity(samples.get(i));
        }
        return out;
    }

    /** Whether {@link #logDensity} is available. */
    boolean hasDensity();

    /**
     * The log-density (or log-probability) of one sample, in nats.
     *
     * @throws UnsupportedOperationException when {@link #hasDensity()} is false
     */
    double logDensity(X sample);

    /**
     * How {@link #logDensity} is computed when it is an estimate rather than exact, e.g.
     * {@code importance-sampled(k=64)}; empty when it is exact. Metrics built on the density
     * name it in their estimator column.
     */
    default Optional<String> densityEstimator() {
        return Optional.empty();
    }

    /**
     * The model's moments when it is exactly a Gaussian, so that metrics can use closed forms
     * (KL and 2-Wasserstein between Gaussians) instead of estimates.
     */
    default Optional<GaussianMoments> gaussianMoments() {
        return Optional.empty();
    }

    /**
     * The total variance (trace of the covariance) if the family knows it exactly, else NaN, in
     * which case metrics estimate it from samples.
     */
    default double totalVariance() {
        return gaussianMoments().map(GaussianMoments::totalVariance).orElse(Double.NaN);
    }
}
