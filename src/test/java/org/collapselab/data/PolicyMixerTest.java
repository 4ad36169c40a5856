package org.collapselab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.collapselab.model.GenerativeModel;
import org.collapselab.model.MomentSampler;
import org.collapselab.model.SampleMoments;
import org.collapselab.model.TrainingSet;
import org.junit.jupiter.api.Test;

/**
 * Training-set sizes, synthetic shares and weights of every policy. Real rows hold a running
 * count (1, 2, 3, ...), so each is distinct; a row sampled from generation g's model holds
 * 1e9 + g, so the synthetic rows of a set can be counted and traced to their generation.
 */
class PolicyMixerTest {

    private static final double TAG = 1e9;
    private static final int N = 10;
    private static final int GENERATIONS = 6;

    /** One training set per generation 0..GENERATIONS, each from the previous tagged model. */
    private static List<TrainingSet<double[]>> run(Policy.Mixer<double[]> mixer,
                                                   List<Double> shares) {
        SplittableRandom random = new SplittableRandom(12);
        List<TrainingSet<double[]>> sets = new ArrayList<>();
        sets.add(mixer.first(random));
        shares.add(mixer.lastSyntheticShare());
        for (int t = 1; t <= GENERATIONS; t++) {
            sets.add(mixer.next(new Tagged(t - 1), random));
            shares.add(mixer.lastSyntheticShare());
        }
        return sets;
    }

    private static List<TrainingSet<double[]>> run(Policy policy, double rho, double realWeight,
                                                   List<Double> shares) {
        return run(policy.start(new CountingReal(), N, rho, realWeight, false), shares);
    }

    private static int synthetic(TrainingSet<double[]> set) {
        int count = 0;
        for (double[] x : set.samples()) {
            if (x[0] >= TAG) {
                count++;
            }
        }
        return count;
    }

    private static boolean fromGeneration(double[] x, int generation) {
        return x[0] == TAG + generation;
    }

    @Test
    void everyPolicyTrainsGenerationZeroOnNRealSamples() {
        for (Policy policy : Policy.values()) {
            List<Double> shares = new ArrayList<>();
            TrainingSet<double[]> first = run(policy, 0.5, 1, shares).get(0);
            assertEquals(N, first.size(), policy.key());
            assertEquals(0, synthetic(first), policy.key());
            assertEquals(0.0, shares.get(0), policy.key());
        }
    }

    @Test
    void replaceTrainsOnNSamplesOfThePreviousGenerationWhateverRho() {
        List<Double> shares = new ArrayList<>();
        List<TrainingSet<double[]>> sets = run(Policy.REPLACE, 0.3, 1, shares);
        for (int t = 1; t <= GENERATIONS; t++) {
            assertEquals(N, sets.get(t).size());
            for (double[] x : sets.get(t).samples()) {
                assertTrue(fromGeneration(x, t - 1), "generation " + t + " holds " + x[0]);
            }
            assertEquals(1.0, shares.get(t));
        }
    }

    @Test
    void mixTrainsOnRoundRhoNSyntheticAndFreshRealSamples() {
        // rho n = 2.5 rounds to 3 synthetic rows of 10; 0.5 gives 5; 0 gives none.
        double[][] cases = {{0.25, 3}, {0.5, 5}, {0, 0}, {1, 10}};
        for (double[] c : cases) {
            List<Double> shares = new ArrayList<>();
            List<TrainingSet<double[]>> sets = run(Policy.MIX, c[0], 1, shares);
            Set<Double> realSeen = new java.util.HashSet<>();
            for (int t = 1; t <= GENERATIONS; t++) {
                TrainingSet<double[]> set = sets.get(t);
                assertEquals(N, set.size());
                assertEquals((int) c[1], synthetic(set), "rho " + c[0]);
                assertEquals(c[1] / N, shares.get(t), 1e-15);
                for (double[] x : set.samples()) {
                    if (x[0] < TAG) {
                        assertTrue(realSeen.add(x[0]), "real row " + x[0] + " reused");
                    } else {
                        assertTrue(fromGeneration(x, t - 1));
                    }
                }
            }
        }
    }

    @Test
    void augmentKeepsTheSameRealRowsEveryGeneration() {
        List<Double> shares = new ArrayList<>();
        List<TrainingSet<double[]>> sets = run(Policy.AUGMENT, 0.4, 1, shares);
        List<double[]> fixed = realRows(sets.get(1));
        assertEquals(6, fixed.size());
        for (int t = 1; t <= GENERATIONS; t++) {
            TrainingSet<double[]> set = sets.get(t);
            assertEquals(N, set.size());
            List<double[]> real = realRows(set);
            assertEquals(fixed.size(), real.size());
            for (int i = 0; i < real.size(); i++) {
                assertSame(fixed.get(i), real.get(i), "generation " + t + " row " + i);
            }
            assertEquals(4, synthetic(set));
            assertEquals(0.4, shares.get(t), 1e-15);
        }
    }

    @Test
    void accumulateTrainsOnEverythingSoFarWithThePoolsSyntheticShare() {
        List<Double> shares = new ArrayList<>();
        List<TrainingSet<double[]>> sets = run(Policy.ACCUMULATE, 0.3, 1, shares);
        for (int t = 1; t <= GENERATIONS; t++) {
            TrainingSet<double[]> set = sets.get(t);
            // (t + 1) n rows, of which 3 per added batch are synthetic: share 3t / (10 (t + 1)).
            assertEquals((t + 1) * N, set.size());
            assertEquals(3 * t, synthetic(set));
            assertEquals(3.0 * t / ((t + 1) * N), shares.get(t), 1e-15);
            // The previous training set is kept whole, in order, as the prefix.
            TrainingSet<double[]> previous = sets.get(t - 1);
            for (int i = 0; i < previous.size(); i++) {
                assertSame(previous.samples().get(i), set.samples().get(i));
            }
        }
    }

    @Test
    void accumulateWithRhoOneAddsNSamplesOfThePreviousGenerationEachTime() {
        List<Double> shares = new ArrayList<>();
        Policy.Mixer<double[]> mixer = Policy.ACCUMULATE.start(new CountingReal(), N, 1, 1,
            false);
        List<TrainingSet<double[]>> sets = run(mixer, shares);
        for (int t = 1; t <= GENERATIONS; t++) {
            assertEquals((t + 1) * N, sets.get(t).size());
            assertEquals((double) t / (t + 1), shares.get(t), 1e-15);
        }
        // The last batch added is the n samples of generation GENERATIONS - 1.
        TrainingSet<double[]> added = mixer.lastAdded();
        assertEquals(N, added.size());
        for (double[] x : added.samples()) {
            assertTrue(fromGeneration(x, GENERATIONS - 1));
        }
    }

    @Test
    void accumulateSubsampleDrawsNDistinctRowsFromThePoolAndReportsTheirShare() {
        Policy.Mixer<double[]> mixer = Policy.ACCUMULATE_SUBSAMPLE.start(new CountingReal(), N,
            0.5, 1, true);
        SplittableRandom random = new SplittableRandom(13);
        Set<double[]> pool = Collections.newSetFromMap(new IdentityHashMap<>());
        pool.addAll(mixer.first(random).samples());
        for (int t = 1; t <= GENERATIONS; t++) {
            TrainingSet<double[]> set = mixer.next(new Tagged(t - 1), random);
            pool.addAll(mixer.lastAdded().samples());
            assertEquals((t + 1) * N, pool.size());
            assertEquals(N, set.size());
            Set<double[]> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
            distinct.addAll(set.samples());
            assertEquals(N, distinct.size(), "a row drawn twice at generation " + t);
            assertTrue(pool.containsAll(distinct), "a row from outside the pool at " + t);
            // The share of the n rows trained on, not the pool's 5t / (10 (t + 1)).
            assertEquals((double) synthetic(set) / N, mixer.lastSyntheticShare(), 1e-15,
                "generation " + t);
        }
    }

    @Test
    void realWeightAppliesToTheRealRowsUnderWeightedOnly() {
        List<Double> shares = new ArrayList<>();
        List<TrainingSet<double[]>> sets = run(Policy.WEIGHTED, 0.3, 2.5, shares);
        for (int t = 0; t <= GENERATIONS; t++) {
            TrainingSet<double[]> set = sets.get(t);
            assertTrue(set.isWeighted());
            for (int i = 0; i < set.size(); i++) {
                double expected = set.samples().get(i)[0] < TAG ? 2.5 : 1.0;
                assertEquals(expected, set.weight(i), "generation " + t + " row " + i);
            }
        }
        assertEquals(0.3, shares.get(GENERATIONS), 1e-15);
        for (Policy policy : List.of(Policy.REPLACE, Policy.MIX, Policy.AUGMENT,
                Policy.ACCUMULATE, Policy.ACCUMULATE_SUBSAMPLE)) {
            for (TrainingSet<double[]> set : run(policy, 0.3, 2.5, new ArrayList<>())) {
                assertFalse(set.isWeighted(), policy.key());
            }
        }
    }

    @Test
    void momentBatchesCountTowardTheSizesAndSharesOfMixAndAccumulate() {
        // mix: 7 real rows plus one batch of 3 synthetic samples known by its moments.
        Policy.Mixer<double[]> mix = Policy.MIX.start(new CountingReal(), N, 0.3, 1, true);
        SplittableRandom random = new SplittableRandom(14);
        mix.first(random);
        for (int t = 1; t <= GENERATIONS; t++) {
            TrainingSet<double[]> set = mix.next(new Summarised(t - 1), random);
            assertEquals(7, set.size());
            assertEquals(0, synthetic(set));
            assertEquals(1, set.moments().size());
            assertEquals(TAG + t - 1, set.moments().get(0).mean()[0]);
            assertEquals(N, set.totalCount());
            assertEquals(0.3, mix.lastSyntheticShare(), 1e-15);
        }
        // accumulate: the pool grows by n samples a generation, 3 of them as a moment batch.
        Policy.Mixer<double[]> pool = Policy.ACCUMULATE.start(new CountingReal(), N, 0.3, 1,
            true);
        pool.first(random);
        for (int t = 1; t <= GENERATIONS; t++) {
            TrainingSet<double[]> set = pool.next(new Summarised(t - 1), random);
            assertEquals((t + 1) * N, set.totalCount());
            assertEquals(t, set.moments().size());
            assertEquals(3.0 * t / ((t + 1) * N), pool.lastSyntheticShare(), 1e-15);
        }
    }

    @Test
    void accumulateSubsampleNeverTakesMomentBatchesAsItMustPickSamples() {
        Policy.Mixer<double[]> mixer = Policy.ACCUMULATE_SUBSAMPLE.start(new CountingReal(), N,
            0.5, 1, true);
        SplittableRandom random = new SplittableRandom(15);
        mixer.first(random);
        for (int t = 1; t <= GENERATIONS; t++) {
            TrainingSet<double[]> set = mixer.next(new Summarised(t - 1), random);
            assertTrue(set.moments().isEmpty());
            assertEquals(N, set.size());
            assertEquals((double) synthetic(set) / N, mixer.lastSyntheticShare(), 1e-15);
        }
    }

    private static List<double[]> realRows(TrainingSet<double[]> set) {
        return set.samples().stream().filter(x -> x[0] < TAG).toList();
    }

    /** An endless real source whose rows count up from 1. */
    private static final class CountingReal implements RealData<double[]> {

        private double next = 1;

        @Override
        public List<double[]> probe() {
            return List.of(new double[] {0});
        }

        @Override
        public List<double[]> draw(int count, RandomGenerator random) {
            List<double[]> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                out.add(new double[] {next++});
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

    /** The tagged model that can also hand over a batch as its moments (mean 1e9 + g). */
    private record Summarised(int generation) implements GenerativeModel<double[]>,
        MomentSampler {

        @Override
        public Optional<SampleMoments> sampleMoments(int count, RandomGenerator random) {
            return Optional.of(new SampleMoments(count, new double[] {TAG + generation},
                new double[] {0}));
        }

        @Override
        public List<double[]> sample(int count, RandomGenerator random) {
            return new Tagged(generation).sample(count, random);
        }

        @Override
        public boolean hasDensity() {
            return false;
        }

        @Override
        public double logDensity(double[] sample) {
            throw new UnsupportedOperationException("tagged rows have no density");
        }
    }

    /** A model whose every sample is the row {1e9 + generation}. */
    private record Tagged(int generation) implements GenerativeModel<double[]> {

        @Override
        public List<double[]> sample(int count, RandomGenerator random) {
            List<double[]> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                out.add(new double[] {TAG + generation});
            }
            return out;
        }

        @Override
        public boolean hasDensity() {
            return false;
        }

        @Override
        public double logDensity(double[] sample) {
            throw new UnsupportedOperationException("tagged rows have no density");
        }
    }
}
