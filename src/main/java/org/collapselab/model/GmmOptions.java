package org.collapselab.model;

/**
 * The options of the {@code gmm} family, as written in the spec.
 *
 * @param components k, the number of mixture components, at least 1
 * @param covariance the shape of each component's covariance
 * @param maxIterations the most EM iterations (M steps) per start, at least 1
 * @param tolerance EM stops once the mean log-likelihood per unit of weight changes by less than
 *     this between iterations; 0 runs every iteration
 * @param restarts the number of independent k-means++ starts; the highest likelihood wins
 * @param regularization added to every covariance diagonal after each M step, so that a
 *     component that has collapsed onto a few points stays positive definite; 0 turns it off
 */
public record GmmOptions(int components, Covariance covariance, int maxIterations,
                         double tolerance, int restarts, double regularization) {

    /** Default {@link #maxIterations}. */
    public static final int DEFAULT_MAX_ITERATIONS = 200;
    /** Default {@link #tolerance}. */
    public static final double DEFAULT_TOLERANCE = 1e-6;
    /** Default {@link #restarts}. */
    public static final int DEFAULT_RESTARTS = 1;
    /** Default {@link #regularization}, the usual value in EM practice. */
    public static final double DEFAULT_REGULARIZATION = 1e-6;

    /** The shape of a component covariance. */
    public enum Covariance {
        /** A full symmetric positive-definite matrix: d (d + 1) / 2 parameters per component. */
        FULL,
        /** A diagonal matrix (coordinates independent within a component): d parameters. */
        DIAGONAL
    }

    public GmmOptions {
        require(components >= 1, "components must be >= 1, found " + components);
        require(covariance != null, "covariance must be FULL or DIAGONAL, found null");
        require(maxIterations >= 1, "maxIterations must be >= 1, found " + maxIterations);
        require(tolerance >= 0 && tolerance < Double.POSITIVE_INFINITY,
            "tolerance must be finite and >= 0, found " + tolerance);
        require(restarts >= 1, "restarts must be >= 1, found " + restarts);
        require(regularization >= 0 && regularization < Double.POSITIVE_INFINITY,
            "regularization must be finite and >= 0, found " + regularization);
    }

    /** k components of the given shape, every other option at its default. */
    public static GmmOptions of(int components, Covariance covariance) {
        return new GmmOptions(components, covariance, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE,
            DEFAULT_RESTARTS, DEFAULT_REGULARIZATION);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("gmm: " + message);
        }
    }
}
