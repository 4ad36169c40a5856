package org.collapselab.data;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.collapselab.model.GaussianMoments;

/**
 * The exact real distribution p of an analytic source, so that metrics can be computed against p
 * itself rather than against a finite probe.
 *
 * @param <X> the sample type
 */
public interface Truth<X> {

    /** log p(x) in nats. */
    double logDensity(X sample);

    /** Independent draws from p. */
    List<X> sample(int count, RandomGenerator random);

    /** p's moments when p is Gaussian. */
    default Optional<GaussianMoments> gaussianMoments() {
        return Optional.empty();
    }

    /** tr Cov(p), exact. */
    double totalVariance();

    /**
     * The p-quantile of coordinate {@code coordinate} of p, or NaN when it has no closed form (the
     * tail thresholds are then taken from the probe).
     */
    default double marginalQuantile(int coordinate, double probability) {
        return Double.NaN;
    }
}
