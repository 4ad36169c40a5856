package org.collapselab.model;

/**
 * The bandwidth of a fitted kernel density: the covariance H of every kernel and how it was
 * reached.
 *
 * @param factor h, the scale factor (the rule's value, or the fixed value)
 * @param effectiveSampleSize n_eff = (sum w)^2 / sum w^2 of the training set
 * @param shape which matrix h^2 multiplies
 * @param matrix H, row-major d x d, symmetric positive definite
 */
public record KdeBandwidth(double factor, double effectiveSampleSize, Shape shape,
                           double[] matrix) {

    /** The matrix that h^2 multiplies to give H. */
    public enum Shape {
        /** The weighted sample covariance Sigma_hat. */
        COVARIANCE,
        /** The diagonal of Sigma_hat, because Sigma_hat itself is singular. */
        DIAGONAL,
        /**
         * The diagonal of Sigma_hat with {@link KdeFamily#VARIANCE_FLOOR} in place of every
         * zero variance; the floor times the identity when every variance is zero.
         */
        FLOOR,
        /** The identity: a FIXED bandwidth. */
        IDENTITY
    }
}
