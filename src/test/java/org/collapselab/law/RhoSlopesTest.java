package org.collapselab.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class RhoSlopesTest {

    private static final double B = 0.05;
    private static final double[] NINE_RHOS = {0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};

    @Test
    void slopesOfExactLawDataAreMinusBRhoSquared() {
        List<Observation> exact = SyntheticPanel.generate("g", NINE_RHOS, 2, 11,
            SyntheticPanel.collapse(B), 0, 1);
        List<RhoSlope> slopes = RhoSlopes.fit(exact, null);
        assertEquals(NINE_RHOS.length, slopes.size());
        for (RhoSlope s : slopes) {
            assertEquals(-B * s.rho() * s.rho(), s.slope().estimate(), 1e-14);
            assertEquals("slope@rho=" + s.rho(), s.slope().name());
            assertEquals(22, s.observationCount());
            assertEquals(2, s.clusterCount());
        }
    }

    @Test
    void exponentOfExactLawDataIsTwo() {
        List<Observation> exact = SyntheticPanel.generate("g", NINE_RHOS, 2, 11,
            SyntheticPanel.collapse(B), 0, 1);
        ExponentFit fit = RhoSlopes.exponent(RhoSlopes.fit(exact, null));
        assertEquals(9, fit.rhoCount());
        assertEquals(2, fit.gamma().estimate(), 1e-10);
        assertEquals(Math.log(B), fit.logC().estimate(), 1e-10);
    }

    @Test
    void exponentOfNoisyLawDataIsTwoWithinThreeStandardErrors() {
        // Seven residual degrees of freedom: |t_7| > 3 has probability 0.02.
        List<Observation> noisy = SyntheticPanel.generate("g", NINE_RHOS, 5, 31,
            SyntheticPanel.collapse(B), 0.05, 21);
        ExponentFit fit = RhoSlopes.exponent(RhoSlopes.fit(noisy, null));
        assertEquals(9, fit.rhoCount());
        assertEquals(2, fit.gamma().estimate(), 3 * fit.gamma().seClassical());
        assertNull(fit.note());
    }

    @Test
    void noisySlopeIsWithinThreeHacErrorsOfTheLaw() {
        List<Observation> noisy = SyntheticPanel.generate("g", new double[] {0.5}, 8, 31,
            SyntheticPanel.collapse(B), 0.05, 4);
        RhoSlope s = RhoSlopes.fit(noisy, null).get(0);
        assertEquals(-B * 0.25, s.slope().estimate(), 3 * s.slope().seHac());
        assertNotNull(s.slope().seCluster());
    }

    @Test
    void exponentIsSkippedWithAReasonBelowTwoUsableRho() {
        // rho = 0 cannot enter log rho: one usable value is left.
        List<Observation> data = SyntheticPanel.generate("g", new double[] {0, 0.5}, 2, 11,
            SyntheticPanel.collapse(B), 0.01, 1);
        ExponentFit fit = RhoSlopes.exponent(RhoSlopes.fit(data, null));
        assertEquals(1, fit.rhoCount());
        assertNull(fit.gamma());
        assertTrue(fit.note().startsWith("skipped"), fit.note());
    }

    @Test
    void twoUsableRhoGiveGammaWithoutStandardError() {
        List<Observation> data = SyntheticPanel.generate("g", new double[] {0.5, 1.0}, 2, 11,
            SyntheticPanel.collapse(B), 0, 1);
        ExponentFit fit = RhoSlopes.exponent(RhoSlopes.fit(data, null));
        assertEquals(2, fit.gamma().estimate(), 1e-10);
        assertNull(fit.gamma().seClassical());
        assertNotNull(fit.note());
    }

    @Test
    void aRhoWhoseQualityNeverMovesHasSlopeZeroAndNoRSquared() {
        // At rho = 0 the law's curve is flat; without noise the response is exactly 0.
        List<Observation> data = SyntheticPanel.generate("g", new double[] {0, 0.5}, 2, 11,
            SyntheticPanel.collapse(B), 0, 1);
        RhoSlope flat = RhoSlopes.fit(data, null).get(0);
        assertEquals(0, flat.slope().estimate(), 0);
        assertNull(flat.rSquared());
    }

    @Test
    void aRhoObservedAtOneGenerationOnlyIsNamedInTheError() {
        List<Observation> data = List.of(new Observation("g", "c1", 0.5, 0, 0),
            new Observation("g", "c2", 0.5, 0, 0), new Observation("g", "c3", 0.5, 0, 0));
        DegenerateDesignException e = assertThrows(DegenerateDesignException.class,
            () -> RhoSlopes.fit(data, null));
        assertTrue(e.getMessage().startsWith("rho 0.5"), e.getMessage());
    }
}
