package org.collapselab.model;

import java.util.random.RandomGenerator;

/**
 * The order in which one training epoch visits the rows of a training set: a uniformly random
 * permutation when every weight is 1, otherwise n draws with replacement, row i with probability
 * w_i / W, so that an epoch's expected loss is the weighted loss times n / W.
 */
final class RowOrder {

    /** Cumulative weights, or null for unit weights. */
    private final double[] cumulative;
    private final int size;

    RowOrder(double[] weights, int size) {
        this.size = size;
        if (weights == null) {
            cumulative = null;
            return;
        }
        cumulative = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
    }

    /** The next epoch's row indexes. */
    int[] next(RandomGenerator random) {
        int[] order = new int[size];
        if (cumulative == null) {
            // Fisher-Yates.
            for (int i = 0; i < size; i++) {
                int j = random.nextInt(i + 1);
                order[i] = order[j];
                order[j] = i;
            }
            return order;
        }
        double total = cumulative[size - 1];
        for (int i = 0; i < size; i++) {
            order[i] = firstAbove(random.nextDouble() * total);
        }
        return order;
    }

    /** The first index whose cumulative weight exceeds {@code target} (skips zero weights). */
    private int firstAbove(double target) {
        int low = 0;
        int high = size - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulative[middle] > target) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }
}
