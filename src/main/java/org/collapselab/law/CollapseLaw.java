package org.collapselab.law;

import java.util.List;

/**
 * The collapse law log Q_t - log Q_0 = a - b t rho^2, fitted to one group's observations by pooled
 * OLS of y = logQualityChange on z = -t rho^2 (so that the slope is b itself), over every rho,
 * replicate and generation.
 *
 * <p>Uncertainty of b, four ways: classical (independent errors); Newey-West HAC with lag L,
 * autocovariances summed only within a replicate's series (by default L follows
 * {@link LinearRegression#defaultLag} applied to the longest series, not to the pooled n, since a
 * lag longer than a series adds nothing); cluster-robust CR0 by replicate; and a percentile
 * bootstrap interval over replicates. With few generations per series the HAC errors run small
 * (the Bartlett kernel down-weights, and the short series under-estimate, the autocovariances),
 * and with few replicates so do CR0 errors; the bootstrap interval is the one to read then.
 */
public final class CollapseLaw {

    /** Default bootstrap resamples: 999 puts the 2.5% and 97.5% quantiles on order statistics. */
    public static final int DEFAULT_REPLICATES = 999;
    /** Coverage of the bootstrap interval. */
    public static final double LEVEL = 0.95;

    private CollapseLaw() {
    }

    /** Fits the law with B = 999 resamples and the default lag. */
    public static CollapseFit fit(List<Observation> observations, long seed) {
        return fit(observations, null, DEFAULT_REPLICATES, seed);
    }

    /**
     * Fits the law.
     *
     * @param observations one group's observations
     * @param hacLag       the Newey-West lag, or null for the default rule
     * @param replicates   bootstrap resamples B
     * @param seed         seed of the bootstrap stream; the same seed gives the same interval
     * @throws DegenerateDesignException when t rho^2 takes a single value
     */
    public static CollapseFit fit(List<Observation> observations, Integer hacLag, int replicates,
                                  long seed) {
        return fit(GroupData.of(observations), hacLag, replicates, seed);
    }

    static CollapseFit fit(GroupData data, Integer hacLag, int replicates, long seed) {
        double[] z = regressor(data);
        LinearRegression ols = LinearRegression.fit(GroupData.column(z), data.response(), true);
        Panel panel = data.panel();
        int lag = data.hacLag(hacLag);

        double[] classical = ols.classicalStandardErrors();
        double[] hac = ols.neweyWestStandardErrors(lag, panel);
        // A single cluster's scores sum to zero (normal equations): CR0 and the bootstrap say
        // nothing there, so both are left out.
        boolean clustered = panel.clusterCount() >= 2;
        double[] cluster = clustered ? ols.clusterStandardErrors(panel) : null;
        BootstrapInterval interval = clustered
            ? ClusterBootstrap.slopeInterval(z, data.response(), panel, replicates, seed, LEVEL)
            : null;

        return new CollapseFit(estimate("b", 1, ols, classical, hac, cluster),
            estimate("a", 0, ols, classical, hac, cluster), ols.rSquared(),
            ols.residualSumOfSquares(), data.size(), panel.clusterCount(), lag, interval);
    }

    /** z_i = -t_i rho_i^2, the regressor whose OLS coefficient is b. */
    static double[] regressor(GroupData data) {
        double[] z = new double[data.size()];
        for (int i = 0; i < z.length; i++) {
            z[i] = -data.generation()[i] * data.rho()[i] * data.rho()[i];
        }
        return z;
    }

    private static ParameterEstimate estimate(String name, int j, LinearRegression ols,
                                              double[] classical, double[] hac,
                                              double[] cluster) {
        return new ParameterEstimate(name, ols.coefficient(j), classical[j], hac[j],
            cluster == null ? null : cluster[j]);
    }
}
