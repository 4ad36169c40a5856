package org.collapselab.market;

/**
 * A synthetic-data contamination equilibrium (SDCE) {@code (rho*, Delta*, s*)}, or a state
 * measured against its three conditions.
 *
 * @param rho the contamination share
 * @param drift Delta = D(rho)
 * @param subsidy s = sigma(Delta)
 * @param watermark the credible watermark at s, {@code (1 - psi) s / psi}
 */
public record Sdce(double rho, double drift, double subsidy, double watermark) {

    /**
     * The largest violation of the three conditions {@code rho = clip(m - beta s, 0, 1)},
     * {@code Delta = D(rho)}, {@code s = sigma(Delta)}: a state is an epsilon-SDCE when this is
     * at most epsilon.
     */
    public double residual(MarketParameters market, Drift curve, PolicyRule rule) {
        double producers = Math.abs(rho - market.contamination(subsidy));
        double generator = Math.abs(drift - curve.at(rho));
        double regulator = Math.abs(subsidy - rule.subsidy(drift));
        return Math.max(producers, Math.max(generator, regulator));
    }
}
