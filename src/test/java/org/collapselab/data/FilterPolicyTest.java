package org.collapselab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.collapselab.model.GenerativeModel;
import org.collapselab.model.MomentSampler;
import org.collapselab.model.SampleMoments;
import org.collapselab.model.TrainingSet;
import org.junit.jupiter.api.Test;

/**
 * The filter policy with a simulated watermark: each synthetic sample is removed with
 * probability psi, each real one with probability phi, whatever policy builds the batch.
 */
class FilterPolicyTest {

    /** Synthetic rows are this value; real rows are 0. */
    private static final double SYNTHETIC = 1;
    private static final int N = 20_000;
    private static final double PSI = 0.9;
    private static final double PHI = 0.05;

    @Test
    void theWatermarkRemovesSyntheticSamplesAtPsiAndRealOnesAtPhi() {
        // rho = 0.5: 10,000 of each side a generation, over 5 generations 50,000 each. The
        // removed share of a side is a binomial proportion with sd sqrt(r (1 - r) / 50,000):
        // 0.00134 at psi = 0.9, 0.00097 at phi = 0.05; 4 sd.
        Policy.Mixer<double[]> mixer = Policy.MIX.start(new Zeros(), N, 0.5, 1, false,
            Screen.watermark(PSI, PHI));
        SplittableRandom random = new SplittableRandom(21);
        mixer.first(random);
        long removedReal = 0;
        long removedSynthetic = 0;
        for (int t = 1; t <= 5; t++) {
            TrainingSet<double[]> set = mixer.next(new Ones(), random);
            Screen.Screening<double[]> screening = mixer.lastScreening();
            assertEquals(N / 2, screening.offeredReal());
            assertEquals(N / 2, screening.offeredSynthetic());
            long synthetic = set.samples().stream().filter(x -> x[0] == SYNTHETIC).count();
            assertEquals(N / 2 - screening.removedSynthetic(), synthetic);
            assertEquals(N / 2 - screening.removedReal(), set.size() - synthetic);
            assertEquals((double) synthetic / set.size(), mixer.lastSyntheticShare(), 1e-15);
            removedReal += screening.removedReal();
            removedSynthetic += screening.removedSynthetic();
        }
        assertEquals(PSI, removedSynthetic / 50_000.0, 4 * Math.sqrt(PSI * (1 - PSI) / 50_000));
        assertEquals(PHI, removedReal / 50_000.0, 4 * Math.sqrt(PHI * (1 - PHI) / 50_000));
    }

    @Test
    void underAccumulateOnlyTheNewBatchIsScreenedAndTheScreenedBatchJoinsThePool() {
        Policy.Mixer<double[]> mixer = Policy.ACCUMULATE.start(new Zeros(), 1000, 0.5, 1, false,
            Screen.watermark(1, 0));
        SplittableRandom random = new SplittableRandom(22);
        mixer.first(random);
        // psi = 1, phi = 0: every synthetic sample goes, every real one stays; the pool grows by
        // the 500 real samples of each batch only.
        for (int t = 1; t <= 3; t++) {
            TrainingSet<double[]> set = mixer.next(new Ones(), random);
            assertEquals(1000 + 500 * t, set.size());
            assertEquals(500, mixer.lastScreening().removedSynthetic());
            assertEquals(0.0, mixer.lastSyntheticShare());
        }
    }

    @Test
    void aScreenedMixerTakesSyntheticSamplesAsRowsNotMoments() {
        Policy.Mixer<double[]> mixer = Policy.MIX.start(new Zeros(), 100, 0.5, 1, true,
            Screen.watermark(0, 0));
        SplittableRandom random = new SplittableRandom(23);
        mixer.first(random);
        TrainingSet<double[]> set = mixer.next(new Ones(), random);
        assertTrue(set.moments().isEmpty());
        assertEquals(100, set.size());
    }

    @Test
    void generationZeroIsNotScreened() {
        Policy.Mixer<double[]> mixer = Policy.MIX.start(new Zeros(), 100, 0.5, 1, false,
            Screen.watermark(1, 1));
        assertEquals(100, mixer.first(new SplittableRandom(24)).size());
        assertEquals(null, mixer.lastScreening());
    }

    /** Real data: rows of 0. */
    private static final class Zeros implements RealData<double[]> {
        @Override
        public List<double[]> probe() {
            return List.of(new double[] {0});
        }

        @Override
        public List<double[]> draw(int count, RandomGenerator random) {
            List<double[]> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                out.add(new double[] {0});
            }
            return out;
        }

        @Override
        public Optional<Truth<double[]>> truth() {
            return Optional.empty();
        }

        @Override
        public int poolSize() {
            return Integer.MAX_VALUE;
        }
    }

    /** A model whose samples are rows of 1, which could also give its batches as moments. */
    private static final class Ones implements GenerativeModel<double[]>, MomentSampler {
        @Override
        public List<double[]> sample(int count, RandomGenerator random) {
            List<double[]> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                out.add(new double[] {SYNTHETIC});
            }
            return out;
        }

        @Override
        public Optional<SampleMoments> sampleMoments(int count, RandomGenerator random) {
            return Optional.of(new SampleMoments(count, new double[] {SYNTHETIC},
                new double[] {0}));
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
