package org.collapselab.law;

/**
 * The collapse law log Q_t - log Q_0 = a - b t rho^2 fitted to one group by pooled OLS.
 *
 * @param b                   the collapse rate, with classical, HAC and cluster errors
 * @param a                   the intercept (0 for data that obey the law exactly at t = 0)
 * @param rSquared            centred R^2
 * @param residualSumOfSquares RSS
 * @param observationCount    n
 * @param clusterCount        number of replicate series
 * @param hacLag              the Newey-West lag L used
 * @param bootstrap           the cluster bootstrap interval for b, null with fewer than 2
 *                            clusters
 */
public record CollapseFit(ParameterEstimate b, ParameterEstimate a, double rSquared,
                          double residualSumOfSquares, int observationCount, int clusterCount,
                          int hacLag, BootstrapInterval bootstrap) {
}
