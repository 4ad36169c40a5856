package org.collapselab.market;

/**
 * The regulator's optimum for one generation (docs/market.md, "Optimal subsidy and watermark").
 *
 * <p>Subsidy: with credible claims and a fixed watermark, {@code W(s) = const + beta Delta s
 * - beta kappa s^2} on [0, cbar] is strictly concave, so {@code s* = Delta / (2 kappa)}
 * (the published formula, {@code KL(q || p) / (2 kappa)}). Beyond cbar every switchable unit is
 * already authentic and more subsidy only costs, so the maximiser is {@code min(Delta /
 * (2 kappa), cbar)}; {@link #interior()} says whether the published formula applies unchanged.
 *
 * <p>Watermark: a false claim pays iff {@code (1 - psi) s - psi w > 0}; beyond credibility a
 * stronger watermark only costs fidelity, so {@code w* = (1 - psi) s* / psi} (published:
 * {@code (1 - psi) KL(q || p) / (2 kappa psi)}).
 *
 * @param subsidy s*
 * @param watermark w*
 * @param interior whether {@code Delta / (2 kappa) <= cbar}, so that s* is the published formula
 */
public record OptimalPolicy(double subsidy, double watermark, boolean interior) {

    /** The optimum at drift Delta; a negative Delta (an estimator's noise) counts as 0. */
    public static OptimalPolicy of(MarketParameters market, double drift) {
        double formula = Math.max(0, drift) / (2 * market.kappa());
        double subsidy = Math.min(formula, market.maxExtraCost());
        return new OptimalPolicy(subsidy, credibleWatermark(market, subsidy),
            formula <= market.maxExtraCost());
    }

    /** The smallest watermark making claims credible at subsidy s: {@code (1 - psi) s / psi}. */
    public static double credibleWatermark(MarketParameters market, double subsidy) {
        return (1 - market.psi()) * subsidy / market.psi();
    }
}
