package org.collapselab.market;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The SDCE solver against the closed form rho* = 2 kappa m / (2 kappa + beta b). */
class EquilibriumTest {

    private static MarketParameters market(double m, double cbar, double kappa) {
        return new MarketParameters(m, cbar, kappa, 0.8, 0.05, 0);
    }

    @Test
    void bisectionMatchesThePublishedClosedFormUnderTheOptimalRule() {
        for (double m : new double[] {0.1, 0.5, 0.78, 1}) {
            for (double cbar : new double[] {0.05, 0.4, 1, 10}) {
                for (double kappa : new double[] {0.1, 0.5, 1, 4}) {
                    for (double b : new double[] {0, 0.183, 1, 25}) {
                        MarketParameters market = market(m, cbar, kappa);
                        double beta = m / cbar;
                        Sdce solved = Equilibrium.solve(market, LinearDrift.of(b),
                            PolicyRule.optimal(market));
                        double expected = 2 * kappa * m / (2 * kappa + beta * b);
                        String label = "m " + m + " cbar " + cbar + " kappa " + kappa + " b " + b;
                        assertEquals(expected, solved.rho(), 1e-12, label);
                        assertEquals(b * expected, solved.drift(), 1e-11, label);
                        assertEquals(b * expected / (2 * kappa), solved.subsidy(), 1e-10, label);
                    }
                }
            }
        }
    }

    @Test
    void bisectionMatchesTheClippedClosedFormWithADriftIntercept() {
        // With D(rho) = b rho the fixed point 2 kappa m / (2 kappa + beta b) lies in (0, m], so
        // it is never clipped. An intercept d0 (drift without contamination) moves it to
        // (m - beta g d0) / (1 + beta g b), which clips to 0 once beta g d0 >= m.
        int clipped = 0;
        for (double d0 : new double[] {0, 0.1, 0.5, 2, 8}) {
            for (double b : new double[] {0, 0.3, 3}) {
                for (double kappa : new double[] {0.25, 1}) {
                    MarketParameters market = market(0.8, 0.5, kappa);
                    LinearDrift drift = new LinearDrift(d0, b);
                    PolicyRule rule = PolicyRule.optimal(market);
                    double beta = 1.6;
                    double gain = 1 / (2 * kappa);
                    double expected = Math.max(0, (0.8 - beta * gain * d0) / (1 + beta * gain * b));
                    Sdce solved = Equilibrium.solve(market, drift, rule);
                    assertEquals(expected, solved.rho(), 1e-12, "d0 " + d0 + " b " + b);
                    assertEquals(expected, Equilibrium.closedForm(market, drift, rule).rho(),
                        1e-15);
                    if (expected == 0) {
                        clipped++;
                    }
                }
            }
        }
        assertTrue(clipped >= 4, "the grid must reach the clipped region, reached " + clipped);
    }

    @Test
    void laissezFaireLeavesEverySwitchableUnitSynthetic() {
        MarketParameters market = market(0.78, 1, 1);
        Sdce solved = Equilibrium.solve(market, LinearDrift.of(0.183), PolicyRule.laissezFaire());
        assertEquals(0.78, solved.rho(), 1e-15);
        assertEquals(0, solved.subsidy(), 0);
    }

    @Test
    void aCurveThroughLinearPointsGivesTheLinearEquilibrium() {
        double[] rho = {0, 0.25, 0.5, 0.75, 1};
        double[] kl = new double[rho.length];
        for (int i = 0; i < rho.length; i++) {
            kl[i] = 0.9 * rho[i];
        }
        MarketParameters market = market(0.9, 0.6, 0.7);
        Sdce solved = Equilibrium.solve(market, DriftCurve.isotonic(rho, kl),
            PolicyRule.optimal(market));
        assertEquals(2 * 0.7 * 0.9 / (2 * 0.7 + 1.5 * 0.9), solved.rho(), 1e-12);
    }

    @Test
    void aNoisyCurveIsMadeMonotoneAndItsEquilibriumIsAFixedPoint() {
        // Pooling: (0, 1) and (0.5, 0) fall, so both take their mean 0.5; (1, 2) stays.
        DriftCurve curve = DriftCurve.isotonic(new double[] {1, 0.5, 0}, new double[] {2, 0, 1});
        assertArrayEquals(new double[] {0, 0.5, 1}, curve.rho());
        assertArrayEquals(new double[] {0.5, 0.5, 2}, curve.drift());
        assertEquals(0.5, curve.at(0.25), 0);
        assertEquals(1.25, curve.at(0.75), 1e-15);
        assertEquals(2, curve.at(1), 0);

        MarketParameters market = market(1, 1, 1);
        PolicyRule rule = PolicyRule.optimal(market);
        Sdce solved = Equilibrium.solve(market, curve, rule);
        // m = beta = kappa = 1, so Phi(rho) = 1 - D(rho) / 2; on [0.5, 1], D(rho) = 3 rho - 1
        // and rho = 1 - (3 rho - 1) / 2 gives rho = 0.6.
        assertEquals(0.6, solved.rho(), 1e-12);
        assertTrue(solved.residual(market, curve, rule) < 1e-12);
    }

    @Test
    void repeatedSharesAreAveragedBeforePooling() {
        DriftCurve curve = DriftCurve.isotonic(new double[] {0, 0, 1}, new double[] {0.1, 0.3, 1});
        assertEquals(0.2, curve.at(0), 1e-15);
        assertEquals(0.6, curve.at(0.5), 1e-15);
    }

    @Test
    void aCurveRefusesSharesOutsideTheUnitInterval() {
        assertThrows(IllegalArgumentException.class,
            () -> DriftCurve.isotonic(new double[] {1.5}, new double[] {0.2}));
    }
}
