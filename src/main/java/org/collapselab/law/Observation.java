package org.collapselab.law;

/**
 * One measured point: generation t of one replicate of one cell.
 *
 * @param group            the key the laws are fitted under; all observations of a group are
 *                         pooled over rho, replicates and generations
 * @param cluster          one replicate's time series (cell and replicate): the unit of the
 *                         cluster-robust errors and of the bootstrap, and the boundary of the
 *                         Newey-West lags
 * @param rho              the synthetic share of the training set
 * @param generation       t, from 0
 * @param logQualityChange log Q_t - log Q_0 of that replicate (0 at generation 0)
 */
public record Observation(String group, String cluster, double rho, int generation,
                          double logQualityChange) {
}
