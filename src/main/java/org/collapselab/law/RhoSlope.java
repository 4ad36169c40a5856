package org.collapselab.law;

/**
 * The OLS slope of logQualityChange on t (with intercept) over the observations of one rho.
 *
 * @param rho              the synthetic share
 * @param slope            named {@code slope@rho=<rho>}, with classical, HAC and cluster errors
 * @param rSquared         centred R^2, null when the response at this rho is constant
 * @param observationCount n at this rho
 * @param clusterCount     replicate series at this rho
 * @param hacLag           the Newey-West lag used
 */
public record RhoSlope(double rho, ParameterEstimate slope, Double rSquared,
                       int observationCount, int clusterCount, int hacLag) {
}
