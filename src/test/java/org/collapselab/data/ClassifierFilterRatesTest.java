package org.collapselab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.collapselab.model.GenerativeModel;
import org.junit.jupiter.api.Test;

/**
 * The classifier filter removes what it flags at the rates it measured: given the trained
 * classifier, a batch's removed share of synthetic samples is Binomial(N, p_s) / N and its
 * held-out psi is an independent Binomial(k, p_s) / k (k = the held-out samples a side), where
 * p_s is the classifier's true detection rate; likewise for real samples, phi and p_r. So each
 * removal share differs from the measured rate by a difference of two independent proportions,
 * with standard deviation {@code sqrt(p (1 - p) (1 / N + 1 / k))}; the tests allow 4 of them,
 * p estimated by pooling both counts.
 */
class ClassifierFilterRatesTest {

    /** Samples a side the detector learns from; k = 1500 are held out. */
    private static final int DETECTOR = 3000;
    /** Samples a side in the screened batch. */
    private static final int BATCH = 20_000;

    @Test
    void syntheticSamplesFiveStandardDeviationsAwayAreRemovedAtTheMeasuredRates() {
        // Means 0 and 5: the best rule cuts at 2.5 and errs on Phi(-2.5) = 0.6% of each side,
        // so psi is near 1 and phi near 0.
        Screen.Screening<double[]> screening = screen(5, 31);
        assertTrue(screening.psi() > 0.97 && screening.phi() < 0.03,
            "psi " + screening.psi() + ", phi " + screening.phi());
        assertRemovedAtMeasuredRates(screening);
    }

    @Test
    void samplesOfTheTrueDistributionAreRemovedAtMeasuredRatesThatCannotSeparate() {
        // Both sides N(0, 1): whatever the classifier learned, it flags both at one true rate
        // p, so psi - phi is a difference of two held-out proportions of k = 1500: sd at most
        // sqrt(2 / (4 k)) = 0.0183; 4 sd is 0.073.
        Screen.Screening<double[]> screening = screen(0, 32);
        assertEquals(screening.psi(), screening.phi(), 0.073);
        assertRemovedAtMeasuredRates(screening);
    }

    @Test
    void theSameSeedGivesTheSameScreening() {
        Screen.Screening<double[]> first = screen(1, 33);
        Screen.Screening<double[]> second = screen(1, 33);
        assertEquals(first.psi(), second.psi());
        assertEquals(first.phi(), second.phi());
        assertEquals(first.removedReal(), second.removedReal());
        assertEquals(first.removedSynthetic(), second.removedSynthetic());
        for (int i = 0; i < first.real().size(); i++) {
            assertEquals(first.real().get(i)[0], second.real().get(i)[0]);
        }
        for (int i = 0; i < first.synthetic().size(); i++) {
            assertEquals(first.synthetic().get(i)[0], second.synthetic().get(i)[0]);
        }
    }

    /** A batch of BATCH real N(0, 1) and BATCH synthetic N(shift, 1) samples, screened. */
    private static Screen.Screening<double[]> screen(double shift, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Shifted truth = new Shifted(0);
        Shifted model = new Shifted(shift);
        Screen<double[]> screen = Screen.classifier(truth, SampleFeatures.numeric(), DETECTOR);
        List<double[]> real = truth.draw(BATCH, random);
        List<double[]> synthetic = model.sample(BATCH, random);
        return screen.screen(real, synthetic, model, random);
    }

    private static void assertRemovedAtMeasuredRates(Screen.Screening<double[]> screening) {
        int heldOut = DETECTOR / 2;
        assertClose(screening.psi(), screening.removedSynthetic(), BATCH, heldOut, "synthetic");
        assertClose(screening.phi(), screening.removedReal(), BATCH, heldOut, "real");
    }

    private static void assertClose(double measured, int removed, int offered, int heldOut,
                                    String side) {
        double share = (double) removed / offered;
        double pooled = (removed + measured * heldOut) / (offered + heldOut);
        double sd = Math.sqrt(pooled * (1 - pooled) * (1.0 / offered + 1.0 / heldOut));
        assertEquals(measured, share, 4 * sd, side + ": removed " + share + ", measured "
            + measured);
    }

    /** N(mean, 1) in one dimension: the real data (mean 0) and the previous model. */
    private record Shifted(double mean) implements GenerativeModel<double[]>, RealData<double[]> {

        @Override
        public List<double[]> sample(int count, RandomGenerator random) {
            List<double[]> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                out.add(new double[] {mean + random.nextGaussian()});
            }
            return out;
        }

        @Override
        public List<double[]> draw(int count, RandomGenerator random) {
            return sample(count, random);
        }

        @Override
        public List<double[]> probe() {
            return List.of();
        }

        @Override
        public Optional<Truth<double[]>> truth() {
            return Optional.empty();
        }

        @Override
        public int poolSize() {
            return Integer.MAX_VALUE;
        }

        @Override
        public boolean hasDensity() {
            return false;
        }

        @Override
        public double logDensity(double[] sample) {
            throw new UnsupportedOperationException("no density");
        }
    }
}
