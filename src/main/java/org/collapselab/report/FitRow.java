package org.collapselab.report;

/**
 * One row of fits.csv: one parameter of one law fitted to one group. Numeric fields are NaN
 * where the file leaves the cell empty (the value does not apply to that law or parameter).
 *
 * @param group the group key, see {@link GenerationsTable#groupKey(java.util.Map)}
 * @param law one of collapse, per-rho, exponent, linear, logarithmic, power, saturating
 * @param parameter the parameter's name ({@code a}, {@code b}, {@code slope@rho=0.5}, ...)
 * @param estimate the point estimate
 * @param seClassical the classical (homoskedastic OLS) standard error
 * @param seHac the Newey-West (HAC) standard error, lag {@code hacLag}
 * @param seCluster the cluster-by-replicate standard error
 * @param ciLow the lower end of the 95% interval
 * @param ciHigh the upper end of the 95% interval
 * @param r2 the law's R^2
 * @param aic the law's AIC
 * @param observations the number of observations the law was fitted to
 * @param clusters the number of clusters (replicate time series)
 * @param hacLag the Newey-West lag L
 * @param best whether the law has the lowest AIC in its group
 */
public record FitRow(String group, String law, String parameter, double estimate,
                     double seClassical, double seHac, double seCluster, double ciLow,
                     double ciHigh, double r2, double aic, double observations,
                     double clusters, double hacLag, boolean best) {

    /** The prefix of per-rho slope parameters, followed by the rho value as written. */
    public static final String SLOPE_PREFIX = "slope@rho=";

    /** The rho of a per-rho slope row, as written after {@link #SLOPE_PREFIX}; else null. */
    public String slopeRho() {
        return parameter.startsWith(SLOPE_PREFIX)
                ? parameter.substring(SLOPE_PREFIX.length()) : null;
    }
}
