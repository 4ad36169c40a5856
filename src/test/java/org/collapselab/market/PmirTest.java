package org.collapselab.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The PMIR loop with D(rho) = b rho: it converges iff 0 &lt; eta &lt; 2 / (1 + a),
 * a = beta b / (2 kappa).
 */
class PmirTest {

    /** m = 0.8, cbar = 0.5 (beta = 1.6), kappa = 1, b = 2.5: a = 2, so the bound is 2/3. */
    private static final MarketParameters STEEP = new MarketParameters(0.8, 0.5, 1, 0.9, 0.05,
        0.01);
    private static final LinearDrift STEEP_DRIFT = LinearDrift.of(2.5);
    /** m = 0.8, cbar = 1 (beta = 0.8), kappa = 1, b = 0.5: a = 0.2, so the bound is 5/3. */
    private static final MarketParameters GENTLE = new MarketParameters(0.8, 1, 1, 0.9, 0.05,
        0.01);
    private static final LinearDrift GENTLE_DRIFT = LinearDrift.of(0.5);

    private static PmirResult run(MarketParameters market, Drift drift, double eta,
                                  double epsilon, int horizon) {
        Retraining closedForm = new ClosedFormRetraining(drift, ProvenanceEstimator.of(market),
            0, 1);
        return Pmir.run(market, closedForm, new PmirSettings(true, eta, epsilon, horizon, true));
    }

    private static double sdceSubsidy(MarketParameters market, LinearDrift drift) {
        double rho = 2 * market.kappa() * market.switchableShare()
            / (2 * market.kappa() + market.beta() * drift.slope());
        return drift.slope() * rho / (2 * market.kappa());
    }

    @Test
    void convergesToTheSdceInsideTheBound() {
        // The map's factor is |1 - eta (1 + a)| < 1, at worst 0.98 here (eta = 0.66 with a = 2,
        // 1.6 with a = 0.2 gives 0.92): 1e-10 is reached in about 1,200 rounds.
        assertConverges(STEEP, STEEP_DRIFT, new double[] {0.05, 0.3, 0.5, 0.6, 0.66});
        assertConverges(GENTLE, GENTLE_DRIFT, new double[] {0.1, 0.5, 1, 1.3, 1.6});
    }

    private static void assertConverges(MarketParameters market, LinearDrift drift,
                                        double[] etas) {
        double expected = sdceSubsidy(market, drift);
        for (double eta : etas) {
            PmirResult result = run(market, drift, eta, 1e-10, 100_000);
            assertTrue(result.converged(), "eta " + eta);
            // |s_K - s*| <= step * r / (1 - r) with r <= 0.98: below 5e-9.
            assertEquals(expected, result.finalSubsidy(), 5e-9, "eta " + eta);
        }
    }

    @Test
    void failsToConvergeOutsideTheBound() {
        // eta at and beyond 2 / (1 + a): the fixed point repels (slope <= -1), and the clip of
        // rho at 0 keeps the subsidy bounded, so it oscillates forever.
        assertDiverges(STEEP, STEEP_DRIFT, new double[] {2.0 / 3, 0.67, 0.8, 1, 1.5});
        assertDiverges(GENTLE, GENTLE_DRIFT, new double[] {1.7, 1.9});
    }

    private static void assertDiverges(MarketParameters market, LinearDrift drift,
                                       double[] etas) {
        double expected = sdceSubsidy(market, drift);
        for (double eta : etas) {
            PmirResult result = run(market, drift, eta, 1e-10, 100_000);
            assertFalse(result.converged(), "eta " + eta);
            double last = result.rounds().get(result.rounds().size() - 1).subsidy();
            assertTrue(Math.abs(last - expected) > 1e-3, "eta " + eta + " ended at " + last);
        }
    }

    @Test
    void roundsToEquilibriumFollowTheGeometricRate() {
        // With eta (1 + a) < 1 the subsidy rises monotonically without clipping:
        // s_k = s* (1 - r^k), r = 1 - eta (1 + a), and the step of round k (from 0) is
        // s* eta (1 + a) r^k. The loop stops after the first round whose step is below epsilon.
        double eta = 0.2;
        double a = 2;
        double r = 1 - eta * (1 + a);
        double sStar = sdceSubsidy(STEEP, STEEP_DRIFT);
        for (double epsilon : new double[] {1e-2, 1e-4, 1e-7, 1e-11}) {
            int k = 0;
            while (sStar * eta * (1 + a) * Math.pow(r, k) >= epsilon) {
                k++;
            }
            PmirResult result = run(STEEP, STEEP_DRIFT, eta, epsilon, 10_000);
            assertEquals(k + 1, result.roundsToEquilibrium().getAsInt(), "epsilon " + epsilon);
            assertEquals(k + 1, result.rounds().size());
        }
    }

    @Test
    void unregulatedBaselineFollowsTheCollapseLaw() {
        // s = 0 every round, so rho = m and log Q_T = -b T m^2.
        Retraining closedForm = new ClosedFormRetraining(GENTLE_DRIFT,
            ProvenanceEstimator.of(GENTLE), 0, 1);
        PmirResult result = Pmir.run(GENTLE, closedForm, new PmirSettings(false, 0.5, 1e-9, 10,
            false));
        assertEquals(10, result.rounds().size());
        for (PmirRound round : result.rounds()) {
            assertEquals(0.8, round.rho(), 0);
            assertEquals(0, round.subsidy(), 0);
            assertEquals(-0.5 * round.round() * 0.64, round.welfare().consumption(), 1e-14);
        }
    }

    @Test
    void flagEstimatesTrackTheContaminationAndReproduceFromTheSeed() {
        Retraining first = new ClosedFormRetraining(GENTLE_DRIFT, ProvenanceEstimator.of(GENTLE),
            10_000, 7);
        Retraining second = new ClosedFormRetraining(GENTLE_DRIFT,
            ProvenanceEstimator.of(GENTLE), 10_000, 7);
        PmirSettings settings = new PmirSettings(true, 0.5, 1e-12, 20, false);
        PmirResult result = Pmir.run(GENTLE, first, settings);
        assertEquals(result, Pmir.run(GENTLE, second, settings));
        for (PmirRound round : result.rounds()) {
            // 6 standard errors: a miss by chance in any of 20 rounds has probability 4e-8.
            assertEquals(round.rho(), round.rhoEstimate(), 6 * round.rhoStandardError());
        }
    }
}
