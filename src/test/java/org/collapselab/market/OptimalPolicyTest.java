package org.collapselab.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * s* and w* against maximisers of the welfare function found numerically, without the
 * formulas: golden-section search on W(s) and a refined scan on W(w).
 */
class OptimalPolicyTest {

    /** The tolerance issue 5 sets on the maximisers. */
    private static final double TOLERANCE = 1e-6;

    /** A grid point: the market and the generation's drift. */
    private record Case(MarketParameters market, double drift) {
    }

    /**
     * m x cbar x kappa x psi x Delta. kappa starts above 1/2 so that lambda &gt; 0, and the
     * fidelity cost is tau = psi lambda m / 2: below psi lambda m, the condition under which
     * every non-credible watermark loses to the credible one (docs/market.md).
     */
    private static List<Case> grid() {
        List<Case> cases = new ArrayList<>();
        for (double m : new double[] {0.3, 0.8, 1}) {
            for (double cbar : new double[] {0.5, 1, 4}) {
                for (double kappa : new double[] {0.75, 1, 2.5}) {
                    for (double psi : new double[] {0.2, 0.5, 0.9, 1}) {
                        for (double drift : new double[] {0.05, 0.3, 1.2, 3}) {
                            double tau = psi * (kappa - 0.5) * m / 2;
                            cases.add(new Case(new MarketParameters(m, cbar, kappa, psi,
                                psi / 4, tau), drift));
                        }
                    }
                }
            }
        }
        return cases;
    }

    @Test
    void subsidyMaximisesWelfareAtAFixedCredibleWatermark() {
        int interior = 0;
        for (Case c : grid()) {
            MarketParameters market = c.market();
            // A watermark credible for every subsidy searched: the s-problem of the model.
            double watermark = OptimalPolicy.credibleWatermark(market, market.maxExtraCost());
            double found = goldenSectionMaximum(
                s -> Welfare.of(market, c.drift(), 0, s, watermark).total(),
                0, market.maxExtraCost());
            OptimalPolicy policy = OptimalPolicy.of(market, c.drift());
            assertEquals(policy.subsidy(), found, TOLERANCE, c.toString());
            if (policy.interior()) {
                interior++;
                // The published formula s* = KL(q || p) / (2 kappa).
                assertEquals(c.drift() / (2 * market.kappa()), found, TOLERANCE, c.toString());
            }
        }
        assertTrue(interior > 100, "the grid must hold interior optima, has " + interior);
    }

    @Test
    void watermarkMaximisesWelfareAtTheOptimalSubsidy() {
        for (Case c : grid()) {
            MarketParameters market = c.market();
            OptimalPolicy policy = OptimalPolicy.of(market, c.drift());
            double s = policy.subsidy();
            double found = refinedScanMaximum(
                w -> Welfare.of(market, c.drift(), 0, s, w).total(), 0, 2 * policy.watermark() + 1);
            assertEquals(policy.watermark(), found, TOLERANCE, c.toString());
            if (policy.interior()) {
                // The published formula w* = (1 - psi) KL(q || p) / (2 kappa psi).
                double published = (1 - market.psi()) * c.drift()
                    / (2 * market.kappa() * market.psi());
                assertEquals(published, found, TOLERANCE, c.toString());
            }
        }
    }

    @Test
    void credibleWelfareIsTheConcaveQuadraticOfTheModel() {
        // W(s) = log Q - tau w - m Delta + beta Delta s - beta kappa s^2 for s <= cbar.
        MarketParameters market = new MarketParameters(0.8, 1, 1.5, 0.6, 0.1, 0.02);
        double drift = 0.4;
        double logQuality = -0.7;
        double watermark = 2;
        for (double s : new double[] {0, 0.1, 0.35, 0.9, 1}) {
            double expected = logQuality - 0.02 * watermark - 0.8 * drift + 0.8 * drift * s
                - 0.8 * 1.5 * s * s;
            Welfare welfare = Welfare.of(market, drift, logQuality, s, watermark);
            assertEquals(expected, welfare.total(), 1e-14);
            assertEquals(0, welfare.informationLoss(), 0);
            assertEquals(0.8 - 0.8 * s, welfare.contamination(), 1e-15);
        }
    }

    @Test
    void payingFalseClaimsLeakSubsidyAndKeepSyntheticProducers() {
        // psi = 0.5, s = 0.4, w = 0.1: a false claim gains 0.5 * 0.4 - 0.5 * 0.1 = 0.15, so
        // producers go authentic below x = 0.4 - 0.15 = 0.25; rho = 0.8 - 0.8 * 0.25 = 0.6.
        MarketParameters market = new MarketParameters(0.8, 1, 1, 0.5, 0.1, 0);
        Welfare welfare = Welfare.of(market, 0.3, 0, 0.4, 0.1);
        assertEquals(0.6, welfare.contamination(), 1e-15);
        assertEquals(0.6, welfare.falseClaims(), 1e-15);
        // L_info = lambda g F + (1 - psi) F Delta = 0.5 * 0.15 * 0.6 + 0.5 * 0.6 * 0.3.
        assertEquals(0.045 + 0.09, welfare.informationLoss(), 1e-15);
        // W_prod = -beta x^2 / 2 - lambda s beta x = -0.8 * 0.0625 / 2 - 0.5 * 0.4 * 0.8 * 0.25.
        assertEquals(-0.025 - 0.04, welfare.production(), 1e-15);
    }

    /** Golden-section search for the maximum of a unimodal function on [low, high]. */
    private static double goldenSectionMaximum(DoubleUnaryOperator f, double low, double high) {
        double ratio = (Math.sqrt(5) - 1) / 2;
        double a = low;
        double b = high;
        double c = b - ratio * (b - a);
        double d = a + ratio * (b - a);
        double fc = f.applyAsDouble(c);
        double fd = f.applyAsDouble(d);
        while (b - a > 1e-10) {
            if (fc >= fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - ratio * (b - a);
                fc = f.applyAsDouble(c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + ratio * (b - a);
                fd = f.applyAsDouble(d);
            }
        }
        return (a + b) / 2;
    }

    /**
     * The maximum of f on [low, high] by a scan of 1001 points, then scans of the interval
     * between the best point's neighbours, until it is narrower than 1e-10.
     */
    private static double refinedScanMaximum(DoubleUnaryOperator f, double low, double high) {
        int points = 1001;
        double a = low;
        double b = high;
        double best = a;
        while (b - a > 1e-10) {
            double spacing = (b - a) / (points - 1);
            int bestIndex = 0;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < points; i++) {
                double value = f.applyAsDouble(a + i * spacing);
                if (value > bestValue) {
                    bestValue = value;
                    bestIndex = i;
                }
            }
            best = a + bestIndex * spacing;
            double nextLow = Math.max(a, best - spacing);
            b = Math.min(b, best + spacing);
            a = nextLow;
        }
        return best;
    }
}
