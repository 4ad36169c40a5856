package org.collapselab.law;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * The collapse law against its rivals (see {@link RivalShape}) on the same observations, by R^2
 * and AIC (see {@link LawFit}). The best law is the one with the lowest AIC; a tie goes to the law
 * listed first (collapse, then linear, logarithmic, power, saturating), the simpler one.
 *
 * <p>A shape parameter is found by scanning the profile RSS at {@value #GRID_POINTS} points even
 * in the search coordinate, then refining with Brent's method (Brent 1973, Algorithms for
 * Minimization without Derivatives) between the neighbours of the best grid point; the scan guards
 * against the local minima a bare Brent search could settle in.
 */
public final class LawComparison {

    /** Points of the profile scan. */
    static final int GRID_POINTS = 41;
    /** Brent's relative and absolute tolerances in the search coordinate. */
    private static final double RELATIVE_TOLERANCE = 1e-10;
    private static final double ABSOLUTE_TOLERANCE = 1e-12;
    /** Profile evaluations allowed to Brent's method. */
    private static final int MAX_EVALUATIONS = 200;

    private LawComparison() {
    }

    /** Every law's fit: the collapse law (from {@code collapse}), then each rival shape. */
    public static List<LawFit> compare(List<Observation> observations, CollapseFit collapse) {
        return compare(GroupData.of(observations), collapse);
    }

    static List<LawFit> compare(GroupData data, CollapseFit collapse) {
        List<LawFit> laws = new ArrayList<>();
        laws.add(LawFit.of("collapse", List.of(collapse.a(), collapse.b()),
            collapse.residualSumOfSquares(), collapse.rSquared(), 3, data.size()));
        for (RivalShape shape : RivalShape.values()) {
            laws.add(fitRival(data, shape));
        }
        return laws;
    }

    /** The name of the law with the lowest AIC, the earliest on a tie. */
    public static String best(List<LawFit> laws) {
        return laws.stream().min(Comparator.comparingDouble(LawFit::aic)).orElseThrow().law();
    }

    /** One rival: y = a - c_rho f(t), its shape parameter (if any) profiled out. */
    static LawFit fitRival(GroupData data, RivalShape shape) {
        double theta = shape.hasParameter() ? profileMinimum(data, shape) : 0;
        double[] rhos = data.distinctRho();
        LinearRegression ols = regress(data, rhos, shape, theta);

        List<ParameterEstimate> parameters = new ArrayList<>();
        parameters.add(ParameterEstimate.bare("a", ols.coefficient(0)));
        for (int j = 0; j < rhos.length; j++) {
            parameters.add(ParameterEstimate.bare("c@rho=" + rhos[j], ols.coefficient(j + 1)));
        }
        if (shape.hasParameter()) {
            parameters.add(ParameterEstimate.bare(shape.parameterName(), theta));
        }
        // a, one c per rho, the shape parameter if any, and the error variance.
        int k = ols.parameterCount() + (shape.hasParameter() ? 1 : 0) + 1;
        return LawFit.of(shape.lawName(), parameters, ols.residualSumOfSquares(), ols.rSquared(),
            k, data.size());
    }

    /** The design columns -f(t) 1{rho = rho_j}, one per distinct rho, plus an intercept. */
    private static LinearRegression regress(GroupData data, double[] rhos, RivalShape shape,
                                            double theta) {
        double[][] x = new double[data.size()][rhos.length];
        for (int i = 0; i < x.length; i++) {
            int j = Arrays.binarySearch(rhos, data.rho()[i]);
            x[i][j] = -shape.value(data.generation()[i], theta);
        }
        return LinearRegression.fit(x, data.response(), true);
    }

    /** The theta in [lowest, highest] minimising the profile RSS. */
    private static double profileMinimum(GroupData data, RivalShape shape) {
        double[] rhos = data.distinctRho();
        UnivariateObjectiveFunction rss = new UnivariateObjectiveFunction(
            s -> regress(data, rhos, shape, shape.fromSearch(s)).residualSumOfSquares());
        double from = shape.toSearch(shape.lowest());
        double step = (shape.toSearch(shape.highest()) - from) / (GRID_POINTS - 1);

        // Scan.
        int bestPoint = 0;
        double bestRss = Double.POSITIVE_INFINITY;
        for (int g = 0; g < GRID_POINTS; g++) {
            double value = rss.getObjectiveFunction().value(from + g * step);
            if (value < bestRss) {
                bestRss = value;
                bestPoint = g;
            }
        }

        // Refine between the neighbours of the best grid point.
        double low = from + Math.max(bestPoint - 1, 0) * step;
        double high = from + Math.min(bestPoint + 1, GRID_POINTS - 1) * step;
        UnivariatePointValuePair refined = new BrentOptimizer(RELATIVE_TOLERANCE,
            ABSOLUTE_TOLERANCE).optimize(new MaxEval(MAX_EVALUATIONS), rss, GoalType.MINIMIZE,
            new SearchInterval(low, high, from + bestPoint * step));
        double s = refined.getValue() <= bestRss ? refined.getPoint() : from + bestPoint * step;
        return clamp(shape.fromSearch(s), shape.lowest(), shape.highest());
    }

    /** Round trips through the search coordinate can step a bound by an ulp; put it back. */
    private static double clamp(double theta, double lowest, double highest) {
        return Math.min(Math.max(theta, lowest), highest);
    }
}
