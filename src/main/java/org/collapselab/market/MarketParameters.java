package org.collapselab.market;

/**
 * The structural parameters of the synthetic-data market (docs/market.md).
 *
 * <p>A unit mass of data units: a share {@code 1 - m} is always authentic, the switchable share
 * {@code m} chooses between authentic and synthetic production. Authentic production costs a
 * switchable producer an extra {@code c ~ Uniform[0, cbar]}, so one unit of subsidy induces
 * {@code beta = m / cbar} authentic units. The cost of fighting collapse has curvature
 * {@code kappa = 1/2 + lambda}, lambda being the shadow cost of public funds.
 *
 * @param switchableShare m in (0, 1]: the share of data units that can switch
 * @param maxExtraCost cbar &gt; 0: the largest extra cost of authentic production
 * @param kappa the curvature of the cost of fighting collapse, &gt; 0
 * @param psi the probability that a false provenance claim is detected, in (0, 1]
 * @param phi the detector's false-positive rate on authentic data, in [0, psi)
 * @param fidelityCost tau &ge; 0: the loss of model value per unit of watermark strength
 */
public record MarketParameters(double switchableShare, double maxExtraCost, double kappa,
                               double psi, double phi, double fidelityCost) {

    public MarketParameters {
        require(switchableShare > 0 && switchableShare <= 1, "switchable share m", "in (0, 1]",
            switchableShare);
        require(maxExtraCost > 0 && Double.isFinite(maxExtraCost), "largest extra cost cbar",
            "positive and finite", maxExtraCost);
        require(kappa > 0 && Double.isFinite(kappa), "kappa", "positive and finite", kappa);
        require(psi > 0 && psi <= 1, "detection rate psi", "in (0, 1]", psi);
        require(phi >= 0 && phi < psi, "false-positive rate phi", "in [0, psi)", phi);
        require(fidelityCost >= 0 && Double.isFinite(fidelityCost), "fidelity cost tau",
            "non-negative and finite", fidelityCost);
    }

    private static void require(boolean holds, String name, String expected, double found) {
        if (!holds) {
            throw new IllegalArgumentException(name + " must be " + expected + ", found " + found);
        }
    }

    /** These parameters with another detector: rates measured in a round, for instance. */
    public MarketParameters withDetector(double detectionRate, double falsePositiveRate) {
        return new MarketParameters(switchableShare, maxExtraCost, kappa, detectionRate,
            falsePositiveRate, fidelityCost);
    }

    /** beta = m / cbar: authentic units induced per unit of subsidy. */
    public double beta() {
        return switchableShare / maxExtraCost;
    }

    /** lambda = kappa - 1/2: the shadow cost of public funds (negative when kappa &lt; 1/2). */
    public double lambda() {
        return kappa - 0.5;
    }

    /**
     * The expected gain of a synthetic unit that falsely claims provenance:
     * {@code (1 - psi) s - psi w}. Claims are credible when it is not positive.
     */
    public double falseClaimPayoff(double subsidy, double watermark) {
        double gain = (1 - psi) * subsidy;
        double sanction = psi * watermark;
        // At the credible watermark (1 - psi) s / psi the two terms agree only up to rounding:
        // a difference of a few ulps must not make claims pay (and L_info jump).
        if (Math.abs(gain - sanction) <= 1e-12 * Math.max(gain, sanction)) {
            return 0;
        }
        return gain - sanction;
    }

    /**
     * The extra cost below which a switchable producer goes authentic:
     * {@code s - max(0, (1 - psi) s - psi w)}, at most cbar. With credible claims it is s; with
     * paying false claims, {@code psi (s + w)}, since synthetic producers then keep the gain.
     */
    public double authenticThreshold(double subsidy, double watermark) {
        double threshold = subsidy - Math.max(0, falseClaimPayoff(subsidy, watermark));
        return Math.min(Math.max(threshold, 0), maxExtraCost);
    }

    /**
     * The contamination share the producers choose: {@code m - beta x} with x the authentic
     * threshold; with credible claims, {@code rho(s) = clip(m - beta s, 0, 1)}.
     */
    public double contamination(double subsidy, double watermark) {
        return Math.max(0, switchableShare - beta() * authenticThreshold(subsidy, watermark));
    }

    /** The contamination share under credible claims: {@code clip(m - beta s, 0, 1)}. */
    public double contamination(double subsidy) {
        return Math.min(1, Math.max(0, switchableShare - beta() * subsidy));
    }
}
