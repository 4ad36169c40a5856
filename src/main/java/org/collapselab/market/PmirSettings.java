package org.collapselab.market;

/**
 * The settings of a PMIR loop.
 *
 * @param regulated whether the regulator sets subsidy and watermark (false: the laissez-faire
 *     baseline, s = w = 0 in every round)
 * @param eta the damping of the subsidy update, &gt; 0 (MARKET's range is (0, 1]; values up to 2
 *     over-relax and are allowed so that the convergence condition can be explored)
 * @param epsilon the tolerance on {@code |s_{k+1} - s_k|}, &gt; 0
 * @param horizon T, the largest number of rounds, &ge; 1
 * @param stopAtEquilibrium whether to stop at the first epsilon-SDCE (false: run all T rounds,
 *     as a comparison at a fixed generation needs)
 */
public record PmirSettings(boolean regulated, double eta, double epsilon, int horizon,
                           boolean stopAtEquilibrium) {

    public PmirSettings {
        if (!(eta > 0 && eta < 2)) {
            throw new IllegalArgumentException("damping eta must be in (0, 2), found " + eta);
        }
        if (!(epsilon > 0 && Double.isFinite(epsilon))) {
            throw new IllegalArgumentException(
                "tolerance epsilon must be positive and finite, found " + epsilon);
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon T must be at least 1, found " + horizon);
        }
    }
}
