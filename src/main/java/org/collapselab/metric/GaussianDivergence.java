package org.collapselab.metric;

import org.collapselab.math.Cholesky;
import org.collapselab.math.Matrices;
import org.collapselab.math.SymmetricEigenvalues;
import org.collapselab.model.GaussianMoments;

/** Closed forms between two d-dimensional Gaussians q = N(m1, S1) and p = N(m2, S2). */
public final class GaussianDivergence {

    private GaussianDivergence() {
    }

    /**
     * KL(q || p) = (1/2) [tr(S2^-1 S1) + (m2 - m1)^T S2^-1 (m2 - m1) - d + log det S2
     * - log det S1],
     * in nats. The trace is |L2^-1 L1|_F^2 with the Cholesky factors, which never forms an inverse
     * of S2.
     */
    public static double kl(GaussianMoments q, GaussianMoments p) {
        int dim = q.dim();
        Cholesky lp = p.cholesky();
        double trace = lp.traceOfInverseTimes(q.cholesky());
        double[] diff = new double[dim];
        for (int i = 0; i < dim; i++) {
            diff[i] = p.mean()[i] - q.mean()[i];
        }
        double mahalanobis = lp.mahalanobisSquared(diff, new double[dim]);
        return 0.5 * (trace + mahalanobis - dim + lp.logDeterminant()
            - q.cholesky().logDeterminant());
    }

    /**
     * KL(q || p) for p = N(m, v I): S2^-1 = I / v, so once q is factored this costs O(d):
     * (1/2) [tr S1 / v + |m - m1|^2 / v - d + d log v - log det S1].
     */
    public static double klToIsotropic(GaussianMoments q, GaussianMoments p, double v) {
        int dim = q.dim();
        double squaredDistance = 0;
        for (int i = 0; i < dim; i++) {
            double d = p.mean()[i] - q.mean()[i];
            squaredDistance += d * d;
        }
        return 0.5 * ((q.totalVariance() + squaredDistance) / v - dim + dim * Math.log(v)
            - q.cholesky().logDeterminant());
    }

    /**
     * KL(p || q) for p = N(m, v I): (1/2) [v tr S1^-1 + (m1 - m)^T S1^-1 (m1 - m) - d
     * + log det S1 - d log v], with tr S1^-1 from the inverse of q's factor (d^3 / 6 operations).
     */
    public static double klFromIsotropic(GaussianMoments q, GaussianMoments p, double v) {
        int dim = q.dim();
        double[] diff = new double[dim];
        for (int i = 0; i < dim; i++) {
            diff[i] = q.mean()[i] - p.mean()[i];
        }
        double mahalanobis = q.cholesky().mahalanobisSquared(diff, new double[dim]);
        return 0.5 * (v * q.cholesky().traceOfInverse() + mahalanobis - dim
            + q.cholesky().logDeterminant() - dim * Math.log(v));
    }

    /**
     * The 2-Wasserstein distance W2(q, p) = sqrt(|m1 - m2|^2 + tr S1 + tr S2
     * - 2 tr (S2^(1/2) S1 S2^(1/2))^(1/2)) (Dowson and Landau 1982; Givens and Shortt 1984).
     *
     * @param pRoot S2^(1/2), the symmetric square root of p's covariance, computed once per truth
     */
    public static double w2(GaussianMoments q, GaussianMoments p, double[] pRoot) {
        int dim = q.dim();
        double meanTerm = 0;
        for (int i = 0; i < dim; i++) {
            double d = q.mean()[i] - p.mean()[i];
            meanTerm += d * d;
        }
        double[] inner = Matrices.multiply(Matrices.multiply(pRoot, q.covariance(), dim), pRoot,
            dim);
        Matrices.symmetrizeInPlace(inner, dim);
        double rootTrace = 0;
        for (double lambda : SymmetricEigenvalues.of(inner, dim)) {
            rootTrace += Math.sqrt(Math.max(0, lambda));
        }
        double squared = meanTerm + q.totalVariance() + p.totalVariance() - 2 * rootTrace;
        return Math.sqrt(Math.max(0, squared));
    }

    /**
     * The same distance when S2 = v I: then S2^(1/2) S1 S2^(1/2) = v S1, which saves the two
     * matrix products.
     */
    public static double w2Isotropic(GaussianMoments q, GaussianMoments p, double pVariance) {
        int dim = q.dim();
        double meanTerm = 0;
        for (int i = 0; i < dim; i++) {
            double d = q.mean()[i] - p.mean()[i];
            meanTerm += d * d;
        }
        double rootTrace = 0;
        for (double lambda : SymmetricEigenvalues.of(q.covariance(), dim)) {
            rootTrace += Math.sqrt(Math.max(0, lambda * pVariance));
        }
        double squared = meanTerm + q.totalVariance() + p.totalVariance() - 2 * rootTrace;
        return Math.sqrt(Math.max(0, squared));
    }
}
