package org.collapselab.law;

/**
 * The exponent gamma of slope_rho = -c rho^gamma, from the OLS line
 * log(-slope_rho) = log c + gamma log rho through the rho > 0 whose slope is negative. The
 * collapse law predicts gamma = 2.
 *
 * @param rhoCount how many rho values entered the fit
 * @param gamma    the exponent with its classical error (null error with only two points); null
 *                 when the fit was skipped
 * @param logC     the intercept log c, likewise
 * @param rSquared centred R^2 of the log-log line, null when skipped
 * @param note     why the fit was skipped or an error is missing; null otherwise
 */
public record ExponentFit(int rhoCount, ParameterEstimate gamma, ParameterEstimate logC,
                          Double rSquared, String note) {
}
