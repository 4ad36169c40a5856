package org.collapselab.market;

import java.util.random.RandomGenerator;

/**
 * Estimates the contamination share from detector flags (docs/market.md, "Provenance
 * estimation").
 *
 * <p>n units drawn at random from the pool are inspected; each is synthetic with probability
 * rho, and the detector flags a synthetic unit with probability psi and an authentic one with
 * probability phi, so each flag is Bernoulli with rate {@code f = phi + (psi - phi) rho} and the
 * count is Binomial(n, f). The Fisher information of rho is {@code n (psi - phi)^2 / (f (1 - f))},
 * so every unbiased estimator has {@code Var >= f (1 - f) / (n (psi - phi)^2)} (Cramer-Rao). The
 * moment estimator {@code (f_hat - phi) / (psi - phi)} is unbiased, being linear in f_hat, and
 * its variance {@code Var(f_hat) / (psi - phi)^2} equals the bound. It is not clipped to [0, 1]:
 * clipping would bias it.
 */
public final class ProvenanceEstimator {

    /** The detection rate psi. */
    private final double psi;
    /** The false-positive rate phi. */
    private final double phi;

    public ProvenanceEstimator(double psi, double phi) {
        if (!(psi > 0 && psi <= 1) || !(phi >= 0 && phi < psi)) {
            throw new IllegalArgumentException("a detector needs 0 <= phi < psi <= 1, found psi "
                + psi + " and phi " + phi);
        }
        this.psi = psi;
        this.phi = phi;
    }

    /** The detector of a market. */
    public static ProvenanceEstimator of(MarketParameters market) {
        return new ProvenanceEstimator(market.psi(), market.phi());
    }

    /** The flag rate {@code f = phi + (psi - phi) rho}. */
    public double flagRate(double rho) {
        return phi + (psi - phi) * rho;
    }

    /** {@code rho_hat = (flagged / inspected - phi) / (psi - phi)}. */
    public double estimate(long flagged, long inspected) {
        if (inspected <= 0 || flagged < 0 || flagged > inspected) {
            throw new IllegalArgumentException("flags need 0 <= flagged <= inspected and "
                + "inspected > 0, found " + flagged + " of " + inspected);
        }
        return ((double) flagged / inspected - phi) / (psi - phi);
    }

    /** The Cramer-Rao bound {@code f (1 - f) / (n (psi - phi)^2)} at the true rho. */
    public double cramerRaoBound(double rho, long inspected) {
        double f = flagRate(rho);
        return f * (1 - f) / (inspected * (psi - phi) * (psi - phi));
    }

    /**
     * Flags of {@code inspected} units drawn from a pool with contamination rho: each unit is
     * synthetic with probability rho, then flagged with probability psi or phi.
     */
    public long simulateFlags(double rho, long inspected, RandomGenerator random) {
        long flagged = 0;
        for (long i = 0; i < inspected; i++) {
            boolean synthetic = random.nextDouble() < rho;
            if (random.nextDouble() < (synthetic ? psi : phi)) {
                flagged++;
            }
        }
        return flagged;
    }
}
