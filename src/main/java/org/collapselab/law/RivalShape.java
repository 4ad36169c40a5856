package org.collapselab.law;

/**
 * The shape f(t) of a rival law y = a - c_rho f(t): one free coefficient c_rho per rho, so only the
 * shape in t is tested, not the rho-dependence. Every shape vanishes at t = 0, so a is the level
 * at generation 0 in all of them.
 *
 * <p>Shapes with a parameter theta are fitted by profiling: for each theta the c_rho and a are
 * linear least squares, and theta minimises the resulting RSS over a closed range. The search
 * runs in a coordinate s in which the range is scanned evenly (log gamma for the power law, log of
 * the time constant -1 / log phi for the plateau).
 */
public enum RivalShape {

    /** f(t) = t: a constant loss rate per generation. */
    LINEAR("linear", null, 0, 0) {
        @Override
        double value(double t, double theta) {
            return t;
        }
    },

    /** f(t) = log(1 + t): losses that slow down like a harmonic series. */
    LOGARITHMIC("logarithmic", null, 0, 0) {
        @Override
        double value(double t, double theta) {
            return Math.log1p(t);
        }
    },

    /** f(t) = t^gamma, gamma in [0.05, 5]. */
    POWER("power", "gamma", 0.05, 5) {
        @Override
        double value(double t, double theta) {
            return Math.pow(t, theta);
        }

        @Override
        double toSearch(double theta) {
            return Math.log(theta);
        }

        @Override
        double fromSearch(double s) {
            return Math.exp(s);
        }
    },

    /**
     * f(t) = 1 - phi^t, phi in [0.01, 0.999]: the AR(1) plateau that fresh real data in every
     * generation predicts. Near phi = 1 it approaches a straight line over a short horizon.
     */
    SATURATING("saturating", "phi", 0.01, 0.999) {
        @Override
        double value(double t, double theta) {
            // 1 - phi^t computed as -expm1(t log phi) to keep its digits when phi^t is near 1.
            return -Math.expm1(t * Math.log(theta));
        }

        @Override
        double toSearch(double theta) {
            return Math.log(-1 / Math.log(theta));
        }

        @Override
        double fromSearch(double s) {
            return Math.exp(-1 / Math.exp(s));
        }
    };

    /** The law's name in fits.csv. */
    private final String lawName;
    /** The name of the shape parameter, null for shapes without one. */
    private final String parameterName;
    /** The smallest shape parameter searched. */
    private final double lowest;
    /** The largest shape parameter searched. */
    private final double highest;

    RivalShape(String lawName, String parameterName, double lowest, double highest) {
        this.lawName = lawName;
        this.parameterName = parameterName;
        this.lowest = lowest;
        this.highest = highest;
    }

    /** f(t; theta); theta is ignored by shapes without a parameter. */
    abstract double value(double t, double theta);

    /** The search coordinate of theta; monotone increasing. */
    double toSearch(double theta) {
        return theta;
    }

    /** The inverse of {@link #toSearch}. */
    double fromSearch(double s) {
        return s;
    }

    public String lawName() {
        return lawName;
    }

    public boolean hasParameter() {
        return parameterName != null;
    }

    /** The shape parameter's name ({@code gamma}, {@code phi}), null when there is none. */
    public String parameterName() {
        return parameterName;
    }

    public double lowest() {
        return lowest;
    }

    public double highest() {
        return highest;
    }
}
