package org.collapselab.market;

/**
 * A subsidy rule linear in the drift, {@code s = sigma(Delta) = gain Delta}: gain 0 is
 * laissez-faire, gain {@code 1 / (2 kappa)} the optimal rule.
 *
 * @param gain the subsidy per nat of drift, &ge; 0
 */
public record PolicyRule(double gain) {

    public PolicyRule {
        if (!(gain >= 0 && Double.isFinite(gain))) {
            throw new IllegalArgumentException(
                "a policy gain must be non-negative and finite, found " + gain);
        }
    }

    /** No subsidy. */
    public static PolicyRule laissezFaire() {
        return new PolicyRule(0);
    }

    /** {@code sigma(Delta) = Delta / (2 kappa)}. */
    public static PolicyRule optimal(MarketParameters market) {
        return new PolicyRule(1 / (2 * market.kappa()));
    }

    /** sigma(Delta), with a negative Delta counted as 0. */
    public double subsidy(double drift) {
        return gain * Math.max(0, drift);
    }
}
