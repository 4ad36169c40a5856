package org.collapselab.market;

/**
 * Solves for the contamination equilibrium (docs/market.md, "SDCE").
 *
 * <p>Substituting the three conditions gives {@code rho = Phi(rho) = clip(m - beta
 * sigma(D(rho)), 0, 1)}. With D non-decreasing and sigma non-decreasing, Phi is continuous and
 * non-increasing, so {@code rho - Phi(rho)} is strictly increasing, at most 0 at rho = 0 and at
 * least 0 at rho = 1: exactly one root, found by bisection on [0, 1].
 */
public final class Equilibrium {

    /** Bisection halvings: 2^-64 is below the spacing of doubles near 1. */
    private static final int HALVINGS = 64;

    private Equilibrium() {
    }

    /** Phi(rho): the contamination producers choose when the generator trained at rho. */
    public static double response(MarketParameters market, Drift curve, PolicyRule rule,
                                  double rho) {
        return market.contamination(rule.subsidy(curve.at(rho)));
    }

    /** The SDCE by bisection on {@code rho - Phi(rho)}. */
    public static Sdce solve(MarketParameters market, Drift curve, PolicyRule rule) {
        double low = 0;
        double high = 1;
        for (int i = 0; i < HALVINGS && high - low > 0; i++) {
            double middle = low + (high - low) / 2;
            if (middle == low || middle == high) {
                break;
            }
            if (middle - response(market, curve, rule, middle) < 0) {
                low = middle;
            } else {
                high = middle;
            }
        }
        // The root lies in [low, high]; take the end with the smaller violation.
        double rho = Math.abs(low - response(market, curve, rule, low))
            <= Math.abs(high - response(market, curve, rule, high)) ? low : high;
        return state(market, curve, rule, rho);
    }

    /**
     * The closed form for the affine drift {@code D(rho) = d0 + b rho} and the rule
     * {@code s = g Delta}: {@code rho* = clip((m - beta g d0) / (1 + beta g b), 0, 1)}; with
     * d0 = 0 and g = 1/(2 kappa), {@code rho* = 2 kappa m / (2 kappa + beta b)}.
     */
    public static Sdce closedForm(MarketParameters market, LinearDrift curve, PolicyRule rule) {
        double beta = market.beta();
        double rho = (market.switchableShare() - beta * rule.gain() * curve.intercept())
            / (1 + beta * rule.gain() * curve.slope());
        return state(market, curve, rule, Math.min(1, Math.max(0, rho)));
    }

    private static Sdce state(MarketParameters market, Drift curve, PolicyRule rule, double rho) {
        double drift = curve.at(rho);
        double subsidy = rule.subsidy(drift);
        return new Sdce(rho, drift, subsidy, OptimalPolicy.credibleWatermark(market, subsidy));
    }
}
