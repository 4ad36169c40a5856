package org.collapselab.law;

/**
 * One fitted parameter with the standard errors that apply to it; a standard error is null where
 * it does not apply (a rival law's coefficients, the exponent's HAC error) or cannot be computed
 * (fewer than two clusters, no residual degree of freedom).
 *
 * @param name       the parameter, as it appears in fits.csv ({@code b}, {@code slope@rho=0.25})
 * @param estimate   the point estimate
 * @param seClassical s sqrt((X^T X)^-1)_jj with s^2 = RSS / (n - k)
 * @param seHac      Newey-West, Bartlett weights, lags within each cluster
 * @param seCluster  cluster-robust CR0, clusters = replicates
 */
public record ParameterEstimate(String name, double estimate, Double seClassical, Double seHac,
                                Double seCluster) {

    /** An estimate without standard errors. */
    public static ParameterEstimate bare(String name, double estimate) {
        return new ParameterEstimate(name, estimate, null, null, null);
    }
}
