package org.collapselab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RealSyntheticClassifierTest {

    /** Per side; the held-out half has k = 500 samples a side. */
    private static final int SIZE = 1000;

    private static List<double[]> normal(int count, int dim, double mean, double sd, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double[] x = new double[dim];
            for (int j = 0; j < dim; j++) {
                x[j] = mean + sd * gaussian(random);
            }
            out.add(x);
        }
        return out;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: enough for test data.
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
            * Math.cos(2 * Math.PI * random.nextDouble());
    }

    @Test
    void samplesOfTheTrueDistributionGiveAnAucNearOneHalf() {
        // Under the null the held-out AUC has mean 1/2 and sd sqrt((2k + 1) / (12 k^2)) = 0.0129
        // at k = 500; the trained classifier is independent of the held-out half, so the null
        // distribution holds. Five runs, each within 4 sd (a false alarm about 1 in 3000 each).
        RealSyntheticClassifier<double[]> classifier =
            new RealSyntheticClassifier<>(SampleFeatures.numeric());
        double sd = Math.sqrt((2 * 500 + 1) / (12.0 * 500 * 500));
        for (long seed = 1; seed <= 5; seed++) {
            double auc = classifier.fit(normal(SIZE, 2, 0, 1, seed), normal(SIZE, 2, 0, 1,
                100 + seed), seed).auc();
            assertEquals(0.5, auc, 4 * sd, "seed " + seed);
        }
    }

    @Test
    void aShiftOfFiveStandardDeviationsIsSeparatedAlmostPerfectly() {
        // Means 0 and 5, unit variance: the best classifier's AUC is Phi(5 / sqrt 2) = 0.9998.
        RealSyntheticClassifier.Fit<double[]> fit = new RealSyntheticClassifier<>(
            SampleFeatures.numeric()).fit(normal(SIZE, 1, 0, 1, 1), normal(SIZE, 1, 5, 1, 2), 7);
        assertTrue(fit.auc() > 0.99, "auc " + fit.auc());
        assertTrue(fit.psi() > 0.95 && fit.phi() < 0.05, fit.psi() + " " + fit.phi());
    }

    @Test
    void aChangeOfSpreadAloneIsVisibleThroughTheSquares() {
        // Same mean, standard deviation 1 against 3: |x| separates them, with AUC
        // P(|3 Z'| > |Z|) = 1 - (2/pi) atan(1/3) = 0.795 for the best rule.
        double auc = new RealSyntheticClassifier<>(SampleFeatures.numeric())
            .fit(normal(SIZE, 1, 0, 1, 3), normal(SIZE, 1, 0, 3, 4), 11).auc();
        assertEquals(0.795, auc, 0.06);
    }

    @Test
    void theSameSeedGivesTheSameFit() {
        List<double[]> real = normal(400, 3, 0, 1, 5);
        List<double[]> synthetic = normal(400, 3, 0.3, 1.2, 6);
        RealSyntheticClassifier<double[]> classifier =
            new RealSyntheticClassifier<>(SampleFeatures.numeric());
        RealSyntheticClassifier.Fit<double[]> first = classifier.fit(real, synthetic, 42);
        RealSyntheticClassifier.Fit<double[]> second = classifier.fit(real, synthetic, 42);
        assertEquals(first.auc(), second.auc(), 0.0);
        assertEquals(first.psi(), second.psi(), 0.0);
        assertEquals(first.phi(), second.phi(), 0.0);
    }

    @Test
    void textLinesOfOtherLettersAreSeparated() {
        List<String> real = new ArrayList<>();
        List<String> synthetic = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 200; i++) {
            real.add(word(random, "abcde"));
            synthetic.add(word(random, "vwxyz"));
        }
        RealSyntheticClassifier.Fit<String> fit =
            new RealSyntheticClassifier<>(SampleFeatures.text()).fit(real, synthetic, 3);
        assertEquals(1.0, fit.auc(), 1e-9);
        assertTrue(fit.detector().flags("zzyxw vw"));
    }

    @Test
    void textLinesOfOneSourceGiveAnAucNearOneHalf() {
        // k = 100 a side held out: sd sqrt(201 / 120000) = 0.041; 4 sd.
        List<String> real = new ArrayList<>();
        List<String> synthetic = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(10);
        for (int i = 0; i < 200; i++) {
            real.add(word(random, "abcdefgh "));
            synthetic.add(word(random, "abcdefgh "));
        }
        double auc = new RealSyntheticClassifier<>(SampleFeatures.text()).fit(real, synthetic, 4)
            .auc();
        assertEquals(0.5, auc, 4 * 0.041);
    }

    private static String word(SplittableRandom random, String letters) {
        StringBuilder out = new StringBuilder();
        int length = 20 + random.nextInt(20);
        for (int i = 0; i < length; i++) {
            out.append(letters.charAt(random.nextInt(letters.length())));
        }
        return out.toString();
    }
}
