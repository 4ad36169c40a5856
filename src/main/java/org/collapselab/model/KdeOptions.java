package org.collapselab.model;

/**
 * The options of the {@code kde} family, as written in the spec.
 *
 * @param bandwidth the rule that sets the bandwidth matrix H
 * @param fixedBandwidth h for {@link Bandwidth#FIXED} (H = h^2 I), finite and positive; NaN for
 *     the two data-driven rules, which take no value
 */
public record KdeOptions(Bandwidth bandwidth, double fixedBandwidth) {

    /** How the bandwidth matrix H is chosen; the formulas are on {@link KdeFamily}. */
    public enum Bandwidth {
        /** Scott's rule, H = h^2 Sigma_hat with h = n_eff^(-1/(d+4)). */
        SCOTT,
        /** Silverman's rule, H = h^2 Sigma_hat with h = (4/(d+2))^(1/(d+4)) n_eff^(-1/(d+4)). */
        SILVERMAN,
        /** H = h^2 I with h given. */
        FIXED
    }

    public KdeOptions {
        if (bandwidth == null) {
            throw new IllegalArgumentException(
                "kde: bandwidth must be SCOTT, SILVERMAN or FIXED, found null");
        }
        boolean fixed = bandwidth == Bandwidth.FIXED;
        if (fixed && !(fixedBandwidth > 0 && fixedBandwidth < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("kde: a FIXED bandwidth must be finite and > 0,"
                + " found " + fixedBandwidth);
        }
        if (!fixed && !Double.isNaN(fixedBandwidth)) {
            throw new IllegalArgumentException("kde: the " + bandwidth + " rule takes no"
                + " bandwidth value, found " + fixedBandwidth);
        }
    }

    /** Scott's rule. */
    public static KdeOptions scott() {
        return new KdeOptions(Bandwidth.SCOTT, Double.NaN);
    }

    /** Silverman's rule. */
    public static KdeOptions silverman() {
        return new KdeOptions(Bandwidth.SILVERMAN, Double.NaN);
    }

    /** A fixed isotropic bandwidth, H = h^2 I. */
    public static KdeOptions fixed(double h) {
        return new KdeOptions(Bandwidth.FIXED, h);
    }
}
