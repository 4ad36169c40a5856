package org.collapselab.law;

import java.util.List;

/**
 * One law's fit to a group, for comparison by R^2 and AIC.
 *
 * <p>AIC = n log(RSS / n) + 2k, the Gaussian log-likelihood at its maximum up to a constant shared
 * by every law of the group (Akaike 1974, IEEE Trans. Automatic Control 19, 716-723; the least
 * squares form as in Burnham and Anderson 2002, Model Selection and Multimodel Inference, 2nd ed.,
 * section 2.2). k counts every fitted parameter: the intercept, each linear coefficient, the shape
 * parameter when there is one, and the error variance (so the collapse law has k = 3). The variance
 * adds the same 2 to every law and changes no comparison.
 *
 * @param law                  collapse, linear, logarithmic, power or saturating
 * @param parameters           the estimates: a, then b or c@rho=..., then gamma or phi
 * @param residualSumOfSquares RSS
 * @param rSquared             centred R^2
 * @param aic                  as above; minus infinity for an exact fit
 * @param parameterCount       k
 * @param observationCount     n
 */
public record LawFit(String law, List<ParameterEstimate> parameters, double residualSumOfSquares,
                     double rSquared, double aic, int parameterCount, int observationCount) {

    public LawFit {
        parameters = List.copyOf(parameters);
    }

    /** A fit whose AIC follows from its RSS, n and k. */
    static LawFit of(String law, List<ParameterEstimate> parameters, double rss, double rSquared,
                     int parameterCount, int observationCount) {
        return new LawFit(law, parameters, rss, rSquared,
            aic(rss, observationCount, parameterCount), parameterCount, observationCount);
    }

    /** n log(RSS / n) + 2k. */
    public static double aic(double rss, int observationCount, int parameterCount) {
        return observationCount * Math.log(rss / observationCount) + 2.0 * parameterCount;
    }
}
