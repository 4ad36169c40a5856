package org.collapselab.report;

import java.util.Arrays;

import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Summary of one metric over the replicates of a series at one generation.
 *
 * <p>With values x_1..x_n:
 * <ul>
 *   <li>mean = (1/n) sum x_i; standard error = s / sqrt(n), s^2 = sum (x_i - mean)^2 / (n - 1)
 *       (NaN when n = 1);</li>
 *   <li>normal 95% interval = mean -+ 1.96 standard errors;</li>
 *   <li>median and the 2.5% and 97.5% percentiles by linear interpolation between order
 *       statistics (Hyndman and Fan 1996, definition 7: with sorted x_(1..n) and h = (n - 1) p,
 *       Q(p) = x_(floor h + 1) + (h - floor h)(x_(floor h + 2) - x_(floor h + 1)));</li>
 *   <li>geometric mean = exp((1/n) sum log x_i), defined only when every x_i is positive
 *       (NaN otherwise). For variance-like metrics under collapse it is the typical value,
 *       while the mean is carried by a few large replicates.</li>
 * </ul>
 *
 * @param count the number of replicates with a value (n)
 * @param mean the arithmetic mean
 * @param standardError the standard error of the mean
 * @param median the median
 * @param geometricMean the geometric mean, NaN unless every value is positive
 * @param normalLow mean - 1.96 standard errors
 * @param normalHigh mean + 1.96 standard errors
 * @param percentileLow the 2.5% percentile across replicates
 * @param percentileHigh the 97.5% percentile across replicates
 */
public record Summary(int count, double mean, double standardError, double median,
                      double geometricMean, double normalLow, double normalHigh,
                      double percentileLow, double percentileHigh) {

    /** The two-sided 97.5% standard normal quantile, for 95% intervals. */
    public static final double Z_95 = 1.96;

    /**
     * Summarises values; NaN entries must have been removed by the caller.
     *
     * @throws IllegalArgumentException if {@code values} is empty
     */
    public static Summary of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("cannot summarise an empty set of replicates");
        }
        int n = values.length;
        double mean = StatUtils.mean(values);
        double standardError = n > 1 ? Math.sqrt(StatUtils.variance(values, mean) / n)
                                     : Double.NaN;
        double halfWidth = Z_95 * standardError;
        Percentile percentile = new Percentile()
                .withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(values);
        return new Summary(n, mean, standardError, percentile.evaluate(50),
                geometricMean(values), mean - halfWidth, mean + halfWidth,
                percentile.evaluate(2.5), percentile.evaluate(97.5));
    }

    /** exp of the mean logarithm; NaN when a value is not positive. */
    private static double geometricMean(double[] values) {
        if (Arrays.stream(values).anyMatch(x -> !(x > 0))) {
            return Double.NaN;
        }
        double[] logs = Arrays.stream(values).map(Math::log).toArray();
        return Math.exp(StatUtils.mean(logs));
    }

    /** 1.96 standard errors, or 0 when the standard error is undefined (a single replicate). */
    public double halfWidth95() {
        return Double.isNaN(standardError) ? 0 : Z_95 * standardError;
    }
}
