package org.collapselab.law;

import java.util.SplittableRandom;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Percentile bootstrap of the OLS slope of y on x (with intercept) over whole clusters.
 *
 * <p>Each cluster is reduced once to its sufficient statistics (count and the sums of x, y, x^2,
 * xy, all taken about the full sample's means to keep the later differences free of
 * cancellation); a resample of G clusters then costs G additions, and its slope is
 * (Sxy - Sx Sy / N) / (Sxx - Sx^2 / N), the OLS slope of the stacked resampled data.
 */
final class ClusterBootstrap {

    /** A resample whose centred Sxx falls below this fraction of its raw Sxx has one x value. */
    private static final double DEGENERATE = 1e-12;

    /** Per-cluster sufficient statistics, indexed by cluster. */
    private final double[] count;
    private final double[] sumX;
    private final double[] sumY;
    private final double[] sumXX;
    private final double[] sumXY;

    private ClusterBootstrap(int clusters) {
        count = new double[clusters];
        sumX = new double[clusters];
        sumY = new double[clusters];
        sumXX = new double[clusters];
        sumXY = new double[clusters];
    }

    /**
     * The percentile interval at {@code level} for the slope, from {@code replicates} resamples
     * drawn with a {@link SplittableRandom} seeded with {@code seed}.
     *
     * @throws ArithmeticException when every resample is degenerate
     */
    static BootstrapInterval slopeInterval(double[] x, double[] y, Panel panel, int replicates,
                                           long seed, double level) {
        if (replicates < 1) {
            throw new IllegalArgumentException("bootstrap replicates must be >= 1, found "
                + replicates);
        }
        ClusterBootstrap sums = summarise(x, y, panel);
        SplittableRandom random = new SplittableRandom(seed);
        double[] slopes = new double[replicates];
        int used = 0;
        for (int r = 0; r < replicates; r++) {
            double slope = sums.resampledSlope(random);
            if (!Double.isNaN(slope)) {
                slopes[used++] = slope;
            }
        }
        if (used == 0) {
            throw new ArithmeticException("all " + replicates + " bootstrap resamples had a single"
                + " regressor value");
        }
        Percentile quantile = new Percentile();
        double low = quantile.evaluate(slopes, 0, used, 100 * (1 - level) / 2);
        double high = quantile.evaluate(slopes, 0, used, 100 * (1 + level) / 2);
        return new BootstrapInterval(level, low, high, replicates, used, seed);
    }

    private static ClusterBootstrap summarise(double[] x, double[] y, Panel panel) {
        double meanX = mean(x);
        double meanY = mean(y);
        ClusterBootstrap sums = new ClusterBootstrap(panel.clusterCount());
        for (int c = 0; c < panel.clusterCount(); c++) {
            for (int i : panel.series(c)) {
                double dx = x[i] - meanX;
                double dy = y[i] - meanY;
                sums.count[c]++;
                sums.sumX[c] += dx;
                sums.sumY[c] += dy;
                sums.sumXX[c] += dx * dx;
                sums.sumXY[c] += dx * dy;
            }
        }
        return sums;
    }

    /** The slope of one resample, NaN when the resample has a single x value. */
    private double resampledSlope(SplittableRandom random) {
        int clusters = count.length;
        double n = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int draw = 0; draw < clusters; draw++) {
            int c = random.nextInt(clusters);
            n += count[c];
            sx += sumX[c];
            sy += sumY[c];
            sxx += sumXX[c];
            sxy += sumXY[c];
        }
        double spread = sxx - sx * sx / n;
        if (!(spread > DEGENERATE * sxx)) {
            return Double.NaN;
        }
        return (sxy - sx * sy / n) / spread;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
