package org.collapselab.model;

import org.collapselab.math.Cholesky;
import org.collapselab.math.Matrices;

/**
 * Mean and covariance of a d-dimensional Gaussian, with its Cholesky factor computed once.
 *
 * @param mean the mean vector, length d
 * @param covariance the covariance, row-major d x d, symmetric positive definite
 * @param cholesky the factor of {@code covariance}
 */
public record GaussianMoments(double[] mean, double[] covariance, Cholesky cholesky) {

    /** Builds the moments, factoring the covariance. */
    public static GaussianMoments of(double[] mean, double[] covariance) {
        return new GaussianMoments(mean, covariance, Cholesky.of(covariance, mean.length));
    }

    /** The standard normal in d dimensions. */
    public static GaussianMoments standard(int dim) {
        return of(new double[dim], Matrices.identity(dim));
    }

    public int dim() {
        return mean.length;
    }

    /** The trace of the covariance. */
    public double totalVariance() {
        return Matrices.trace(covariance, dim());
    }

    /** Variance of coordinate i. */
    public double variance(int i) {
        return covariance[i * dim() + i];
    }
}
