package org.collapselab.market;

/**
 * Welfare of one generation, {@code W = W_prod + W_cons - L_coll - L_info}, at subsidy s,
 * watermark w and drift Delta (docs/market.md, "Welfare"). Delta is a state of the generation
 * that no single producer moves (mean field). With x the authentic threshold
 * ({@link MarketParameters#authenticThreshold}), A = beta x the authentic switchable units,
 * rho = m - beta x, g = max(0, (1 - psi) s - psi w) the gain of a false claim and F = rho when
 * g &gt; 0 (every synthetic unit claims), else 0:
 * <pre>
 *   W_prod = s A - beta x^2 / 2 - (1 + lambda) s A = -beta x^2 / 2 - lambda s beta x
 *   W_cons = log Q - tau w
 *   L_coll = rho Delta
 *   L_info = lambda g F + (1 - psi) F Delta
 * </pre>
 * W_prod is the producers' surplus on authentic units (subsidy received minus the extra cost)
 * net of the subsidy's cost to public funds. L_info is the subsidy leaked to undetected false
 * claims, valued at lambda, and the drift carried by synthetic data certified as authentic.
 * With credible claims and s &le; cbar,
 * {@code W(s) = log Q - tau w - m Delta + beta Delta s - beta kappa s^2}.
 *
 * @param production W_prod
 * @param consumption W_cons
 * @param collapseLoss L_coll
 * @param informationLoss L_info
 * @param contamination rho, the share of synthetic units the producers chose
 * @param falseClaims F, the share of units that falsely claim provenance
 */
public record Welfare(double production, double consumption, double collapseLoss,
                      double informationLoss, double contamination, double falseClaims) {

    /**
     * The welfare terms of a generation.
     *
     * @param market the parameters
     * @param drift Delta = KL(q || p) of the generation's model
     * @param logQuality log Q of the model serving users this generation (a state)
     * @param subsidy s &ge; 0
     * @param watermark w &ge; 0
     */
    public static Welfare of(MarketParameters market, double drift, double logQuality,
                             double subsidy, double watermark) {
        if (!(subsidy >= 0) || !(watermark >= 0)) {
            throw new IllegalArgumentException("subsidy and watermark must be non-negative, "
                + "found " + subsidy + " and " + watermark);
        }
        double beta = market.beta();
        double threshold = market.authenticThreshold(subsidy, watermark);
        double rho = market.contamination(subsidy, watermark);
        double gain = Math.max(0, market.falseClaimPayoff(subsidy, watermark));
        double falseClaims = gain > 0 ? rho : 0;

        double production = -beta * threshold * threshold / 2
            - market.lambda() * subsidy * beta * threshold;
        double consumption = logQuality - market.fidelityCost() * watermark;
        double collapse = rho * drift;
        double information = market.lambda() * gain * falseClaims
            + (1 - market.psi()) * falseClaims * drift;
        return new Welfare(production, consumption, collapse, information, rho, falseClaims);
    }

    /**
     * These terms without the two that need a working detector: W_cons (through the watermark's
     * fidelity cost) and L_info (through psi) become NaN, and so does the total. For a round whose
     * measured detector does not separate synthetic from real units (psi &le; phi); W_prod and
     * L_coll stay, being those of credible claims, which the loop's producers assume.
     */
    public Welfare withoutDetector() {
        return new Welfare(production, Double.NaN, collapseLoss, Double.NaN, contamination,
            falseClaims);
    }

    /** W = W_prod + W_cons - L_coll - L_info. */
    public double total() {
        return production + consumption - collapseLoss - informationLoss;
    }
}
