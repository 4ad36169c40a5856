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
        return drawFrom(pool, count, random);
    }

    /**
     * {@code count} rows of {@code pool}: a uniform random subset in the order drawn while
     * {@code count} is at most the pool's size, independent uniform picks beyond it.
     */
    static <T> List<T> drawFrom(List<T> pool, int count, RandomGenerator random) {
        List<T> out = new ArrayList<>(count);
        if (count <= pool.size()) {
            for (int i : subset(pool.size(), count, random)) {
                out.add(pool.get(i));
            }
            return out;
        }
        for (int i = 0; i < count; i++) {
            out.add(pool.get(random.nextInt(pool.size())));
        }
        return out;
    }

    /**
     * {@code count} distinct indexes of {@code 0..size-1}, uniformly, in the order drawn: the
     * first {@code count} steps of a Fisher-Yates shuffle over the indexes.
     */
    static int[] subset(int size, int count, RandomGenerator random) {
        int[] index = new int[size];
        for (int i = 0; i < size; i++) {
            index[i] = i;
        }
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(size - i);
            int swap = index[i];
            index[i] = index[j];
            index[j] = swap;
        }
        return java.util.Arrays.copyOf(index, count);
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
