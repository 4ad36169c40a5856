package org.collapselab.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The PMIR loop when the retraining measures its detector's rates (a trained classifier): the
 * measured psi and phi replace the market's in the estimate and the watermark, and a round whose
 * detector does not separate (psi &le; phi) leaves the detector's figures empty and nothing else
 * changed.
 */
class PmirMeasuredDetectorTest {

    /** The market's own rates, 0.9 and 0.05, are never the measured ones below. */
    private static final MarketParameters MARKET = new MarketParameters(0.8, 0.5, 1, 0.9, 0.05,
        0.01);
    private static final double DRIFT = 0.3;

    /**
     * Round k: drift 0.3, 60 flags of 100 units, and the rates of the k-th pair (psi, phi).
     */
    private static Retraining measuring(List<double[]> rates) {
        return (round, rho) -> new RetrainingResult(DRIFT, 60, 100, new TreeMap<>(),
            rates.get(round)[0], rates.get(round)[1]);
    }

    private static PmirResult run(boolean regulated, List<double[]> rates) {
        return Pmir.run(MARKET, measuring(rates),
            new PmirSettings(regulated, 0.5, 1e-9, rates.size(), false));
    }

    @Test
    void theMeasuredRatesGiveTheEstimateAndTheWatermark() {
        PmirResult result = run(true, List.of(new double[] {0.8, 0.2}, new double[] {0.8, 0.2}));
        PmirRound second = result.rounds().get(1);
        // (f - phi) / (psi - phi) = (0.6 - 0.2) / 0.6 = 2/3, not (0.6 - 0.05) / 0.85 = 0.647.
        assertEquals(2.0 / 3, second.rhoEstimate(), 1e-12);
        // Cramer-Rao at rho = 2/3: f = 0.6, f (1 - f) / (n (psi - phi)^2) = 0.24 / 36.
        assertEquals(Math.sqrt(0.24 / 36), second.rhoStandardError(), 1e-12);
        // s_1 = 0.5 * 0 + 0.5 * 0.3 / 2 = 0.075; w_1 = (1 - 0.8) s_1 / 0.8 = 0.01875.
        assertEquals(0.075, second.subsidy(), 1e-12);
        assertEquals(0.01875, second.watermark(), 1e-12);
        assertEquals(0.8, second.psi());
        assertEquals(0.2, second.phi());
        assertTrue(second.detectorSeparates());
        // Credible claims: no information loss, and W is finite.
        assertEquals(0, second.welfare().informationLoss());
        assertTrue(Double.isFinite(second.welfare().total()));
    }

    @Test
    void aDetectorWithPsiNotAbovePhiLeavesItsFiguresEmptyAndTheLoopUnchanged() {
        List<double[]> separating = List.of(new double[] {0.8, 0.2}, new double[] {0.8, 0.2},
            new double[] {0.8, 0.2});
        List<double[]> blind = List.of(new double[] {0.8, 0.2}, new double[] {0.4, 0.4},
            new double[] {0, 0.3});
        PmirResult good = run(true, separating);
        PmirResult bad = run(true, blind);
        for (int k = 1; k < 3; k++) {
            PmirRound round = bad.rounds().get(k);
            assertFalse(round.detectorSeparates(), "round " + k);
            assertTrue(Double.isNaN(round.rhoEstimate()), "round " + k);
            assertTrue(Double.isNaN(round.rhoStandardError()), "round " + k);
            assertTrue(Double.isNaN(round.watermark()), "round " + k);
            assertTrue(Double.isNaN(round.welfare().consumption()), "round " + k);
            assertTrue(Double.isNaN(round.welfare().informationLoss()), "round " + k);
            assertTrue(Double.isNaN(round.welfare().total()), "round " + k);
            // The subsidy follows the drift alone, so the rest is what a working detector gives.
            PmirRound reference = good.rounds().get(k);
            assertEquals(reference.subsidy(), round.subsidy());
            assertEquals(reference.rho(), round.rho());
            assertEquals(reference.step(), round.step());
            assertEquals(reference.welfare().production(), round.welfare().production(), 1e-15);
            assertEquals(reference.welfare().collapseLoss(), round.welfare().collapseLoss());
        }
        assertEquals(good.finalSubsidy(), bad.finalSubsidy());
    }

    @Test
    void theLaissezFaireArmKeepsItsWelfareWhenTheDetectorIsBlind() {
        PmirRound round = run(false, List.of(new double[] {0.3, 0.6})).rounds().get(0);
        assertTrue(Double.isNaN(round.rhoEstimate()));
        // s = w = 0: W = log Q_0 - L_coll = 0 - rho Delta = -0.8 * 0.3, whatever the detector.
        assertEquals(0, round.watermark());
        assertEquals(-0.8 * DRIFT, round.welfare().total(), 1e-12);
    }

    @Test
    void claimsAtTheCredibleWatermarkNeverPayThroughRounding() {
        // In floating point (1 - psi) s - psi ((1 - psi) s / psi) is a few ulps above 0 for some
        // s and psi (psi = 0.8, s = 0.075 among them); the claims must still count as credible.
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        for (int i = 0; i < 10_000; i++) {
            MarketParameters market = MARKET.withDetector(0.05 + 0.95 * random.nextDouble(), 0);
            double subsidy = random.nextDouble() * market.maxExtraCost();
            double watermark = OptimalPolicy.credibleWatermark(market, subsidy);
            Welfare welfare = Welfare.of(market, DRIFT, 0, subsidy, watermark);
            assertEquals(0, welfare.falseClaims(), "psi " + market.psi() + ", s " + subsidy);
            assertEquals(0, welfare.informationLoss());
        }
    }

    @Test
    void withoutMeasuredRatesTheMarketsOwnAreUsed() {
        PmirRound round = Pmir.run(MARKET, (k, rho) -> new RetrainingResult(DRIFT, 60, 100,
            new TreeMap<>()), new PmirSettings(true, 0.5, 1e-9, 1, false)).rounds().get(0);
        assertEquals(0.9, round.psi());
        assertEquals(0.05, round.phi());
        assertEquals((0.6 - 0.05) / 0.85, round.rhoEstimate(), 1e-12);
    }
}
