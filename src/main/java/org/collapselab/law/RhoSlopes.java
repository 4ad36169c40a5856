package org.collapselab.law;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-rho slopes of quality against generation, and the exponent of their rho-dependence: the
 * collapse law's prediction slope_rho = -b rho^2 checked without assuming the power 2.
 */
public final class RhoSlopes {

    private RhoSlopes() {
    }

    /**
     * One slope per distinct rho, ascending in rho.
     *
     * @param hacLag the Newey-West lag, or null for the default rule applied to the longest
     *               series at each rho
     * @throws DegenerateDesignException naming the rho whose generations take a single value
     */
    public static List<RhoSlope> fit(List<Observation> observations, Integer hacLag) {
        return fit(GroupData.of(observations), hacLag);
    }

    static List<RhoSlope> fit(GroupData all, Integer hacLag) {
        List<RhoSlope> slopes = new ArrayList<>();
        for (double rho : all.distinctRho()) {
            try {
                slopes.add(slopeAt(rho, all.atRho(rho), hacLag));
            } catch (DegenerateDesignException e) {
                throw new DegenerateDesignException("rho " + rho + ": " + e.getMessage());
            }
        }
        return slopes;
    }

    private static RhoSlope slopeAt(double rho, GroupData data, Integer hacLag) {
        double[] t = new double[data.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = data.generation()[i];
        }
        LinearRegression ols = LinearRegression.fit(GroupData.column(t), data.response(), true);
        Panel panel = data.panel();
        int lag = data.hacLag(hacLag);
        Double cluster = panel.clusterCount() >= 2 ? ols.clusterStandardErrors(panel)[1] : null;
        ParameterEstimate slope = new ParameterEstimate(slopeName(rho), ols.coefficient(1),
            ols.classicalStandardErrors()[1], ols.neweyWestStandardErrors(lag, panel)[1], cluster);
        // A constant response (quality that never moves at this rho) has no R^2 but a valid
        // slope of zero; report it rather than fail the whole group.
        Double rSquared = ols.totalSumOfSquares() > 0 ? ols.rSquared() : null;
        return new RhoSlope(rho, slope, rSquared, data.size(), panel.clusterCount(), lag);
    }

    /** The parameter name in fits.csv, {@code slope@rho=0.25}. */
    public static String slopeName(double rho) {
        return "slope@rho=" + rho;
    }

    /**
     * The exponent gamma, by unweighted OLS of log(-slope_rho) on log rho over the rho > 0 with a
     * negative slope. Its classical error reflects the scatter of the points about the line, which
     * includes the slopes' own sampling noise; it needs at least three points.
     */
    public static ExponentFit exponent(List<RhoSlope> slopes) {
        List<RhoSlope> usable = slopes.stream()
            .filter(s -> s.rho() > 0 && s.slope().estimate() < 0)
            .toList();
        int count = usable.size();
        if (count < 2) {
            return new ExponentFit(count, null, null, null, "skipped: needs at least 2 rho > 0"
                + " with a negative slope, found " + count);
        }
        double[] logRho = new double[count];
        double[] logRate = new double[count];
        for (int i = 0; i < count; i++) {
            logRho[i] = Math.log(usable.get(i).rho());
            logRate[i] = Math.log(-usable.get(i).slope().estimate());
        }
        LinearRegression ols = LinearRegression.fit(GroupData.column(logRho), logRate, true);
        double[] errors = count > 2 ? ols.classicalStandardErrors() : null;
        String note = count > 2 ? null : "2 rho values: the line is exact, no standard error";
        return new ExponentFit(count, exponentEstimate("gamma", 1, ols, errors),
            exponentEstimate("log_c", 0, ols, errors), count > 2 ? ols.rSquared() : null, note);
    }

    private static ParameterEstimate exponentEstimate(String name, int j, LinearRegression ols,
                                                      double[] errors) {
        return new ParameterEstimate(name, ols.coefficient(j), errors == null ? null : errors[j],
            null, null);
    }
}
