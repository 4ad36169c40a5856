package org.collapselab.market;

import java.util.Arrays;
import java.util.TreeMap;

/**
 * A drift curve measured by the harness: points {@code (rho_i, KL_i)}, made non-decreasing by
 * isotonic regression (pool-adjacent-violators, each distinct rho weighted by its number of
 * points), then interpolated linearly between the distinct rho and held constant beyond the
 * first and the last. Measured KL is noisy, and a curve that dips would break the uniqueness of
 * the equilibrium; the isotonic fit is the non-decreasing curve closest in weighted least
 * squares, so it leaves a curve that already rises unchanged.
 */
public final class DriftCurve implements Drift {

    /** The distinct contamination shares, increasing. */
    private final double[] rho;
    /** The isotonic drift at each of them, non-decreasing. */
    private final double[] drift;

    private DriftCurve(double[] rho, double[] drift) {
        this.rho = rho;
        this.drift = drift;
    }

    /**
     * The isotonic, piecewise-linear curve through measured points.
     *
     * @param rho contamination shares in [0, 1], in any order, repeats allowed
     * @param kl the drift measured at each, finite
     */
    public static DriftCurve isotonic(double[] rho, double[] kl) {
        if (rho.length != kl.length || rho.length == 0) {
            throw new IllegalArgumentException("a drift curve needs at least one point and as "
                + "many rho as KL values, found " + rho.length + " and " + kl.length);
        }
        TreeMap<Double, double[]> sums = new TreeMap<>();
        for (int i = 0; i < rho.length; i++) {
            if (!(rho[i] >= 0 && rho[i] <= 1) || !Double.isFinite(kl[i])) {
                throw new IllegalArgumentException("drift point " + (i + 1) + " must have rho in "
                    + "[0, 1] and a finite KL, found (" + rho[i] + ", " + kl[i] + ")");
            }
            double[] sum = sums.computeIfAbsent(rho[i], key -> new double[2]);
            sum[0] += kl[i];
            sum[1] += 1;
        }
        double[] x = new double[sums.size()];
        double[] mean = new double[sums.size()];
        double[] weight = new double[sums.size()];
        int i = 0;
        for (var entry : sums.entrySet()) {
            x[i] = entry.getKey();
            mean[i] = entry.getValue()[0] / entry.getValue()[1];
            weight[i] = entry.getValue()[1];
            i++;
        }
        return new DriftCurve(x, poolAdjacentViolators(mean, weight));
    }

    /**
     * The weighted isotonic regression of {@code y}: blocks of neighbours whose means fall are
     * merged into their weighted mean until the block means rise.
     */
    private static double[] poolAdjacentViolators(double[] y, double[] weight) {
        int n = y.length;
        double[] blockMean = new double[n];
        double[] blockWeight = new double[n];
        int[] blockEnd = new int[n];
        int blocks = 0;
        for (int i = 0; i < n; i++) {
            blockMean[blocks] = y[i];
            blockWeight[blocks] = weight[i];
            blockEnd[blocks] = i;
            blocks++;
            while (blocks > 1 && blockMean[blocks - 2] > blockMean[blocks - 1]) {
                double merged = blockWeight[blocks - 2] + blockWeight[blocks - 1];
                blockMean[blocks - 2] = (blockMean[blocks - 2] * blockWeight[blocks - 2]
                    + blockMean[blocks - 1] * blockWeight[blocks - 1]) / merged;
                blockWeight[blocks - 2] = merged;
                blockEnd[blocks - 2] = blockEnd[blocks - 1];
                blocks--;
            }
        }
        double[] fitted = new double[n];
        int start = 0;
        for (int b = 0; b < blocks; b++) {
            Arrays.fill(fitted, start, blockEnd[b] + 1, blockMean[b]);
            start = blockEnd[b] + 1;
        }
        return fitted;
    }

    /** The distinct contamination shares of the curve, increasing. */
    public double[] rho() {
        return rho.clone();
    }

    /** The isotonic drift at each of {@link #rho()}. */
    public double[] drift() {
        return drift.clone();
    }

    @Override
    public double at(double share) {
        if (share <= rho[0]) {
            return drift[0];
        }
        if (share >= rho[rho.length - 1]) {
            return drift[drift.length - 1];
        }
        int above = Arrays.binarySearch(rho, share);
        if (above >= 0) {
            return drift[above];
        }
        above = -above - 1;
        int below = above - 1;
        double t = (share - rho[below]) / (rho[above] - rho[below]);
        return drift[below] + t * (drift[above] - drift[below]);
    }
}
