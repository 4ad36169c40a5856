package org.collapselab.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CollapseLawTest {

    private static final double[] RHOS = {0.25, 0.5, 0.75, 1.0};
    private static final double B = 0.05;
    private static final double SIGMA = 0.05;
    /** 4 rho x 10 replicates x 31 generations of the law with independent noise. */
    private static final List<Observation> LAW = SyntheticPanel.generate("g", RHOS, 10, 31,
        SyntheticPanel.collapse(B), SIGMA, 11);

    @Test
    void recoversBWithinThreeClassicalStandardErrors() {
        // Independent errors: the classical standard error is the right yardstick here.
        CollapseFit fit = CollapseLaw.fit(LAW, null, 199, 1);
        assertEquals(B, fit.b().estimate(), 3 * fit.b().seClassical());
        assertEquals(0, fit.a().estimate(), 3 * fit.a().seClassical());
    }

    @Test
    void countsObservationsClustersAndStatesTheDefaultLag() {
        CollapseFit fit = CollapseLaw.fit(LAW, null, 199, 1);
        assertEquals(4 * 10 * 31, fit.observationCount());
        assertEquals(40, fit.clusterCount());
        // The rule on the longest series (31 generations): floor(4 (0.31)^(2/9)) = floor(3.08).
        assertEquals(3, fit.hacLag());
        assertEquals(5, CollapseLaw.fit(LAW, 5, 199, 1).hacLag());
    }

    @Test
    void bootstrapIsReproducibleFromItsSeed() {
        BootstrapInterval first = CollapseLaw.fit(LAW, null, 999, 42).bootstrap();
        BootstrapInterval again = CollapseLaw.fit(LAW, null, 999, 42).bootstrap();
        BootstrapInterval other = CollapseLaw.fit(LAW, null, 999, 43).bootstrap();
        assertEquals(first, again);
        assertNotEquals(first.low(), other.low());
        assertEquals(999, first.replicatesUsed());
        assertEquals(42, first.seed());
    }

    @Test
    void bootstrapIntervalWidthAgreesWithTheClusterStandardError() {
        // Both estimate the sampling spread of b over replicates. The 2.5% and 97.5% quantiles
        // of 999 resamples carry ~3% noise in the width, and the resampling variance differs
        // from CR0's by O(1/G) with G = 40: 15% is ample and still catches a wrong slope.
        CollapseFit fit = CollapseLaw.fit(LAW, null, 999, 5);
        BootstrapInterval interval = fit.bootstrap();
        double normalWidth = 2 * 1.959964 * fit.b().seCluster();
        assertEquals(1, (interval.high() - interval.low()) / normalWidth, 0.15);
        assertTrue(interval.low() < fit.b().estimate() && fit.b().estimate() < interval.high());
    }

    @Test
    void identicalReplicatesGiveAnIntervalOfZeroWidthAtTheEstimate() {
        // Every resample stacks copies of the same series: its slope is the full-sample slope.
        List<Observation> copies = new ArrayList<>();
        for (Observation o : LAW) {
            if (o.cluster().endsWith("/rep=0")) {
                for (int copy = 0; copy < 3; copy++) {
                    copies.add(new Observation("g", o.cluster() + "#" + copy, o.rho(),
                        o.generation(), o.logQualityChange()));
                }
            }
        }
        // Within one rho the three copies are identical; across rho they differ, so resamples
        // of clusters change the mix of rho. Keep one rho to make every resample equivalent.
        List<Observation> oneRho = copies.stream().filter(o -> o.rho() == 0.5).toList();
        CollapseFit fit = CollapseLaw.fit(oneRho, null, 99, 3);
        double b = fit.b().estimate();
        assertEquals(b, fit.bootstrap().low(), 1e-12 * Math.abs(b));
        assertEquals(b, fit.bootstrap().high(), 1e-12 * Math.abs(b));
    }

    @Test
    void exactLawDataGiveBExactlyAndUnitRSquared() {
        List<Observation> exact = SyntheticPanel.generate("g", RHOS, 2, 11,
            SyntheticPanel.collapse(B), 0, 1);
        CollapseFit fit = CollapseLaw.fit(exact, null, 99, 1);
        assertEquals(B, fit.b().estimate(), 1e-14);
        assertEquals(1, fit.rSquared(), 1e-14);
    }

    @Test
    void aSingleReplicateHasNoClusterErrorAndNoInterval() {
        List<Observation> one = LAW.stream().filter(o -> o.cluster().equals("rho=0.5/rep=0"))
            .toList();
        CollapseFit fit = CollapseLaw.fit(one, null, 99, 1);
        assertEquals(1, fit.clusterCount());
        assertNull(fit.b().seCluster());
        assertNull(fit.bootstrap());
        assertNotNull(fit.b().seHac());
    }

    @Test
    void onlyRhoZeroIsADegenerateDesign() {
        List<Observation> flat = SyntheticPanel.generate("g", new double[] {0}, 3, 5,
            SyntheticPanel.collapse(B), SIGMA, 1);
        assertThrows(DegenerateDesignException.class, () -> CollapseLaw.fit(flat, null, 99, 1));
    }
}
