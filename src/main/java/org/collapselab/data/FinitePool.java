package org.collapselab.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Real data from a finite table of rows (Iris, a CSV file): shuffled once per cell, the first
 * {@code probeSize} rows become the probe, the rest the training pool.
 */
final class FinitePool implements RealData<double[]> {

    /** The held-out probe. */
    private final List<double[]> probe;
    /** The rows generations may train on. */
    private final List<double[]> pool;

    FinitePool(List<double[]> rows, double probeFraction, RandomGenerator random) {
        List<double[]> shuffled = new ArrayList<>(rows);
        shuffle(shuffled, random);
        int probeSize = (int) Math.round(probeFraction * rows.size());
        this.probe = List.copyOf(shuffled.subList(0, probeSize));
        this.pool = List.copyOf(shuffled.subList(probeSize, shuffled.size()));
    }

    /** Fisher-Yates with the cell's stream ({@link Collections#shuffle} wants a Random). */
    static <T> void shuffle(List<T> list, RandomGenerator random) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, random.nextInt(i + 1));
        }
    }

    @Override
    public List<double[]> probe() {
        return probe;
    }

    @Override
    public List<double[]> draw(int count, RandomGenerator random) {
        List<double[]> out = new ArrayList<>(count);
        if (count <= pool.size()) {
            // A partial Fisher-Yates over indices: a uniform subset without replacement.
            int[] index = new int[pool.size()];
            for (int i = 0; i < index.length; i++) {
                index[i] = i;
            }
            for (int i = 0; i < count; i++) {
                int j = i + random.nextInt(index.length - i);
                int swap = index[i];
                index[i] = index[j];
                index[j] = swap;
                out.add(pool.get(index[i]));
            }
            return out;
        }
        for (int i = 0; i < count; i++) {
            out.add(pool.get(random.nextInt(pool.size())));
        }
        return out;
    }

    @Override
    public Optional<Truth<double[]>> truth() {
        return Optional.empty();
    }

    @Override
    public int poolSize() {
        return pool.size();
    }
}
