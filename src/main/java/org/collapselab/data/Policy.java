package org.collapselab.data;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.Optional;
import org.collapselab.model.GenerativeModel;
import org.collapselab.model.MomentSampler;
import org.collapselab.model.SampleMoments;
import org.collapselab.model.TrainingSet;

/**
 * How generation t's training set is built from real data and earlier generations' samples.
 * Every policy trains generation 0 on n real samples. With rho the synthetic share and
 * s = round(rho n) the synthetic count of a batch:
 * <ul>
 *   <li>{@code replace}: n samples from generation t-1 (rho is 1 whatever the spec says);
 *   <li>{@code mix}: n - s fresh real samples plus s samples from generation t-1;
 *   <li>{@code weighted}: {@code mix} with the real samples weighted by {@code real_weight};
 *   <li>{@code augment}: a real set of n - s drawn once at generation 1 and kept, plus s fresh
 *       samples from generation t-1;
 *   <li>{@code accumulate}: everything so far; each generation adds a batch of n - s fresh real
 *       and s synthetic samples (rho = 1 is the classic all-synthetic accumulation);
 *   <li>{@code accumulate-subsample}: the same growing pool, but training on n samples drawn from
 *       it without replacement (a fixed compute budget).
 * </ul>
 */
public enum Policy {
    REPLACE("replace", "n samples from generation t-1 only (rho = 1)"),
    MIX("mix", "(1 - rho) n fresh real samples plus rho n samples from generation t-1"),
    WEIGHTED("weighted", "mix, with the real samples weighted by real_weight"),
    AUGMENT("augment", "a real set of (1 - rho) n drawn once, plus rho n samples from t-1"),
    ACCUMULATE("accumulate", "all data so far; each generation adds (1 - rho) n real + rho n "
        + "synthetic"),
    ACCUMULATE_SUBSAMPLE("accumulate-subsample", "n samples drawn from the accumulate pool");

    /** The name in the spec. */
    private final String key;
    /** One line for {@code collapse list}. */
    private final String description;

    Policy(String key, String description) {
        this.key = key;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    /** Looks a policy up by its spec name. */
    public static Policy byKey(String key) {
        for (Policy p : values()) {
            if (p.key.equals(key)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown policy '" + key + "'");
    }

    /** The names accepted in the spec. */
    public static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Policy p : values()) {
            keys.add(p.key);
        }
        return keys;
    }

    /** The synthetic share the policy actually uses for a spec value (replace forces 1). */
    public double effectiveRho(double rho) {
        return this == REPLACE ? 1.0 : rho;
    }

    /** Whether the training set only ever grows, so incremental families can skip refits. */
    public boolean appendOnly() {
        return this == ACCUMULATE;
    }

    /**
     * Starts a cell's mixer.
     *
     * @param momentBatches pass synthetic batches as moments where the previous model can draw
     *     them ({@link MomentSampler}); only for families that accept moments, and never under
     *     accumulate-subsample, which must pick individual samples
     */
    public <X> Mixer<X> start(RealData<X> real, int n, double rho, double realWeight,
                              boolean momentBatches) {
        return start(real, n, rho, realWeight, momentBatches, null);
    }

    /**
     * Starts a cell's mixer whose batches pass a provenance detector first (the {@code filter}
     * policy on top of this one); a null screen filters nothing. Synthetic batches are then
     * always rows, since the detector looks at each sample.
     */
    public <X> Mixer<X> start(RealData<X> real, int n, double rho, double realWeight,
                              boolean momentBatches, Screen<X> screen) {
        return new Mixer<>(this, real, n, effectiveRho(rho), this == WEIGHTED ? realWeight : 1.0,
            momentBatches && this != ACCUMULATE_SUBSAMPLE && screen == null, screen);
    }

    /** Descriptions by name, in declaration order. */
    public static Map<String, String> catalogue() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Policy p : values()) {
            out.put(p.key, p.description);
        }
        return out;
    }

    /**
     * One cell's training-set builder; holds the pool (accumulate) or the fixed real set (augment).
     * Used from one thread.
     *
     * @param <X> the sample type
     */
    public static final class Mixer<X> {

        private final Policy policy;
        private final RealData<X> real;
        private final int n;
        private final double rho;
        private final double realWeight;
        private final boolean momentBatches;
        /** Accumulated samples with their weights (accumulate policies). */
        private final List<X> pool = new ArrayList<>();
        private final List<Double> poolWeights = new ArrayList<>();
        /** Accumulated synthetic batches known by their moments. */
        private final List<SampleMoments> poolMoments = new ArrayList<>();
        /** Synthetic samples in the pool. */
        private long poolSynthetic;
        /** Which pool positions hold synthetic samples, to count them in a subsample. */
        private final BitSet syntheticInPool = new BitSet();
        /** The real set kept by augment. */
        private List<X> fixedReal;
        /** The batch added by the last call (for incremental fits). */
        private TrainingSet<X> lastAdded;
        /** Synthetic share of the last training set. */
        private double lastSyntheticShare;
        /** The provenance detector batches pass (null: no filter). */
        private final Screen<X> screen;
        /** What the detector did to the last generation's batches (null before generation 1). */
        private Screen.Screening<X> lastScreening;

        Mixer(Policy policy, RealData<X> real, int n, double rho, double realWeight,
              boolean momentBatches, Screen<X> screen) {
            this.screen = screen;
            this.policy = policy;
            this.real = real;
            this.n = n;
            this.rho = rho;
            this.realWeight = realWeight;
            this.momentBatches = momentBatches;
        }

        /** Generation 0's training set: n real samples. */
        public TrainingSet<X> first(RandomGenerator random) {
            List<X> samples = real.draw(n, random);
            TrainingSet<X> set = weighted(samples, samples.size(), List.of());
            if (policy == ACCUMULATE || policy == ACCUMULATE_SUBSAMPLE) {
                addToPool(set, 0);
            }
            lastAdded = set;
            lastSyntheticShare = 0;
            return set;
        }

        /** Generation t's training set, from generation t-1's model. */
        public TrainingSet<X> next(GenerativeModel<X> previous, RandomGenerator random) {
            return next(previous, random, rho);
        }

        /**
         * Generation t's training set at a synthetic share chosen for this generation (the
         * market's rho_k in a PMIR run) instead of the cell's.
         */
        public TrainingSet<X> next(GenerativeModel<X> previous, RandomGenerator random,
                                   double rho) {
            lastScreening = null;
            int synthetic = (int) Math.round(rho * n);
            int realCount = n - synthetic;
            return switch (policy) {
                case REPLACE, MIX, WEIGHTED -> fresh(previous, realCount, synthetic, random);
                case AUGMENT -> augment(previous, realCount, synthetic, random);
                case ACCUMULATE, ACCUMULATE_SUBSAMPLE ->
                    accumulate(previous, realCount, synthetic, random);
            };
        }

        private TrainingSet<X> fresh(GenerativeModel<X> previous, int realCount, int synthetic,
                                     RandomGenerator random) {
            List<X> samples = new ArrayList<>(n);
            samples.addAll(real.draw(realCount, random));
            List<SampleMoments> moments = synthetic(previous, synthetic, samples, random);
            if (screen != null) {
                samples = screened(samples, realCount, previous, random);
                realCount = lastScreening.real().size();
                synthetic = lastScreening.synthetic().size();
            }
            return record(weighted(samples, realCount, moments), synthetic);
        }

        /**
         * Passes a batch whose first {@code realCount} samples are real through the detector and
         * returns what it kept, real first; adds the screening to the generation's.
         */
        private List<X> screened(List<X> batch, int realCount, GenerativeModel<X> previous,
                                 RandomGenerator random) {
            Screen.Screening<X> screening = screen.screen(batch.subList(0, realCount),
                batch.subList(realCount, batch.size()), previous, random);
            lastScreening = lastScreening == null ? screening : lastScreening.plus(screening);
            List<X> kept = new ArrayList<>(screening.real());
            kept.addAll(screening.synthetic());
            return kept;
        }

        /** What the detector removed from the last generation's batches; null without one. */
        public Screen.Screening<X> lastScreening() {
            return lastScreening;
        }

        /** Adds {@code count} samples of the previous model as rows, or returns their moments. */
        private List<SampleMoments> synthetic(GenerativeModel<X> previous, int count,
                                              List<X> rows, RandomGenerator random) {
            if (momentBatches && count > 0 && previous instanceof MomentSampler sampler) {
                Optional<SampleMoments> moments = sampler.sampleMoments(count, random);
                if (moments.isPresent()) {
                    return List.of(moments.get());
                }
            }
            rows.addAll(previous.sample(count, random));
            return List.of();
        }

        private TrainingSet<X> augment(GenerativeModel<X> previous, int realCount, int synthetic,
                                       RandomGenerator random) {
            if (fixedReal == null) {
                fixedReal = List.copyOf(real.draw(realCount, random));
            }
            List<X> samples = new ArrayList<>(fixedReal);
            int kept = fixedReal.size();
            List<SampleMoments> moments = synthetic(previous, synthetic, samples, random);
            if (screen != null) {
                samples = screened(samples, kept, previous, random);
                kept = lastScreening.real().size();
                synthetic = lastScreening.synthetic().size();
            }
            return record(weighted(samples, kept, moments), synthetic);
        }

        private TrainingSet<X> accumulate(GenerativeModel<X> previous, int realCount,
                                          int synthetic, RandomGenerator random) {
            List<X> batch = new ArrayList<>(n);
            batch.addAll(real.draw(realCount, random));
            List<SampleMoments> moments = synthetic(previous, synthetic, batch, random);
            if (screen != null) {
                batch = screened(batch, realCount, previous, random);
                realCount = lastScreening.real().size();
                synthetic = lastScreening.synthetic().size();
            }
            TrainingSet<X> added = weighted(batch, realCount, moments);
            addToPool(added, synthetic);
            lastAdded = added;
            if (policy == ACCUMULATE) {
                lastSyntheticShare = (double) poolSynthetic / poolCount();
                return poolSet();
            }
            return subsample(random);
        }

        private TrainingSet<X> subsample(RandomGenerator random) {
            int size = Math.min(n, pool.size());
            int[] chosen = FinitePool.subset(pool.size(), size, random);
            List<X> samples = new ArrayList<>(size);
            double[] weights = realWeight == 1 ? null : new double[size];
            int synthetic = 0;
            for (int i = 0; i < size; i++) {
                samples.add(pool.get(chosen[i]));
                if (weights != null) {
                    weights[i] = poolWeights.get(chosen[i]);
                }
                if (syntheticInPool.get(chosen[i])) {
                    synthetic++;
                }
            }
            lastSyntheticShare = (double) synthetic / size;
            return new TrainingSet<>(samples, weights);
        }

        /**
         * Adds a batch whose last {@code synthetic} samples are synthetic: its moment batches, if
         * any, then its last rows.
         */
        private void addToPool(TrainingSet<X> set, int synthetic) {
            int syntheticRows = synthetic - (set.totalCount() - set.size());
            syntheticInPool.set(pool.size() + set.size() - syntheticRows,
                pool.size() + set.size());
            for (int i = 0; i < set.size(); i++) {
                pool.add(set.samples().get(i));
                poolWeights.add(set.weight(i));
            }
            poolMoments.addAll(set.moments());
            poolSynthetic += synthetic;
        }

        private int poolCount() {
            int count = pool.size();
            for (SampleMoments m : poolMoments) {
                count += m.count();
            }
            return count;
        }

        /**
         * The whole pool as a training set. The rows are a read-only view of the pool's first
         * rows, not a copy: a copy per generation made accumulate quadratic in the number of
         * generations. The pool only ever grows at its end, so the view stays as it was.
         */
        private TrainingSet<X> poolSet() {
            double[] weights = null;
            if (realWeight != 1) {
                weights = new double[poolWeights.size()];
                for (int i = 0; i < weights.length; i++) {
                    weights[i] = poolWeights.get(i);
                }
            }
            return new TrainingSet<>(prefix(pool, pool.size()), weights, poolMoments);
        }

        /** The first {@code size} elements of an append-only list, fixed at that size. */
        private static <T> List<T> prefix(List<T> list, int size) {
            return new java.util.AbstractList<T>() {
                @Override
                public T get(int index) {
                    java.util.Objects.checkIndex(index, size);
                    return list.get(index);
                }

                @Override
                public int size() {
                    return size;
                }
            };
        }

        private TrainingSet<X> record(TrainingSet<X> set, int synthetic) {
            lastAdded = set;
            int total = set.totalCount();
            lastSyntheticShare = total == 0 ? 0 : (double) synthetic / total;
            return set;
        }

        /** The first {@code realCount} samples are real and carry {@code realWeight}. */
        private TrainingSet<X> weighted(List<X> samples, int realCount,
                                        List<SampleMoments> moments) {
            if (realWeight == 1) {
                return new TrainingSet<>(samples, null, moments);
            }
            double[] weights = new double[samples.size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = i < realCount ? realWeight : 1.0;
            }
            return new TrainingSet<>(samples, weights, moments);
        }

        /** The samples added to the pool by the last call (the whole set for other policies). */
        public TrainingSet<X> lastAdded() {
            return lastAdded;
        }

        /** Synthetic share of the last training set built. */
        public double lastSyntheticShare() {
            return lastSyntheticShare;
        }

        public Policy policy() {
            return policy;
        }
    }
}
