package org.collapselab.law;

/**
 * A percentile bootstrap interval (Efron and Tibshirani 1993, An Introduction to the Bootstrap,
 * chapter 13) from resampling whole clusters with replacement (Cameron, Gelbach and Miller 2008,
 * Review of Economics and Statistics 90, 414-427).
 *
 * @param level          the coverage, 0.95
 * @param low            the (1 - level) / 2 quantile of the bootstrap estimates
 * @param high           the (1 + level) / 2 quantile
 * @param replicates     B, the resamples drawn
 * @param replicatesUsed the resamples whose design was not degenerate (all clusters drawn with
 *                       a single regressor value); the quantiles come from these
 * @param seed           the seed of the resampling stream, enough to reproduce the interval
 */
public record BootstrapInterval(double level, double low, double high, int replicates,
                                int replicatesUsed, long seed) {
}
