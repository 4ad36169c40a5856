package org.collapselab.math;

/**
 * The Cholesky factor L of a symmetric positive-definite matrix A = L L^T, with the solves and
 * determinants built on it. Matrices are dense, row-major {@code double[d * d]}.
 *
 * <p>Used instead of explicit inverses throughout: solving with L is cheaper and far more accurate
 * when A is ill-conditioned, as collapsing covariances become.
 */
public final class Cholesky {

    /** Dimension. */
    private final int dim;
    /** Lower-triangular factor, row-major; entries above the diagonal are zero. */
    private final double[] lower;
    /** L^-1 once computed; a benign race at worst computes it twice. */
    private volatile double[] inverse;

    private Cholesky(int dim, double[] lower) {
        this.dim = dim;
        this.lower = lower;
    }

    /**
     * Factors {@code a}.
     *
     * @throws NotPositiveDefiniteException when a pivot is not positive (A singular or indefinite)
     */
    public static Cholesky of(double[] a, int dim) {
        if (a.length != dim * dim) {
            throw new IllegalArgumentException("matrix of length " + a.length + " is not "
                + dim + " x " + dim);
        }
        // Computed as the upper factor U = L^T, row by row: row k of U is
        // (A_k - sum_{m<k} U_mk U_m) / U_kk over columns k.., an axpy along rows that the JIT
        // vectorises, where the textbook lower-factor loop is a chain of dot products.
        double[] u = new double[dim * dim];
        for (int k = 0; k < dim; k++) {
            int rowK = k * dim;
            System.arraycopy(a, rowK + k, u, rowK + k, dim - k);
            for (int m = 0; m < k; m++) {
                int rowM = m * dim;
                double umk = u[rowM + k];
                if (umk == 0) {
                    continue;
                }
                for (int j = k; j < dim; j++) {
                    u[rowK + j] -= umk * u[rowM + j];
                }
            }
            double pivot = u[rowK + k];
            if (!(pivot > 0)) {
                throw new NotPositiveDefiniteException(k, pivot);
            }
            double root = Math.sqrt(pivot);
            u[rowK + k] = root;
            for (int j = k + 1; j < dim; j++) {
                u[rowK + j] /= root;
            }
        }
        double[] l = new double[dim * dim];
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j <= i; j++) {
                l[i * dim + j] = u[j * dim + i];
            }
        }
        return new Cholesky(dim, l);
    }

    public int dim() {
        return dim;
    }

    /** The factor L, row-major (a copy). */
    public double[] lower() {
        return lower.clone();
    }

    /** Entry (i, j) of L. */
    public double lower(int i, int j) {
        return lower[i * dim + j];
    }

    /** log det A = 2 sum log L_ii. */
    public double logDeterminant() {
        double sum = 0;
        for (int i = 0; i < dim; i++) {
            sum += Math.log(lower[i * dim + i]);
        }
        return 2 * sum;
    }

    /** Solves L y = b in place (forward substitution). */
    public void solveLowerInPlace(double[] b) {
        for (int i = 0; i < dim; i++) {
            int row = i * dim;
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= lower[row + k] * b[k];
            }
            b[i] = sum / lower[row + i];
        }
    }

    /**
     * The squared Mahalanobis norm x^T A^-1 x = |L^-1 x|^2. {@code scratch} must have length
     * {@code dim}; it is overwritten.
     */
    public double mahalanobisSquared(double[] x, double[] scratch) {
        System.arraycopy(x, 0, scratch, 0, dim);
        solveLowerInPlace(scratch);
        double sum = 0;
        for (int i = 0; i < dim; i++) {
            sum += scratch[i] * scratch[i];
        }
        return sum;
    }

    /**
     * L^-1, lower triangular, row-major (a fresh copy). Row i of X = L^-1 is
     * (e_i - sum_{k<i} L_ik X_k) / L_ii, an axpy over the rows already known, which the JIT
     * vectorises; about d^3/6 operations.
     */
    public double[] inverseLower() {
        return inverse().clone();
    }

    /** L^-1, computed on first use and kept (the factor is immutable). */
    private double[] inverse() {
        double[] inv = inverse;
        if (inv == null) {
            inv = new double[dim * dim];
            for (int i = 0; i < dim; i++) {
                int row = i * dim;
                for (int k = 0; k < i; k++) {
                    double lik = lower[row + k];
                    if (lik == 0) {
                        continue;
                    }
                    int rowK = k * dim;
                    for (int j = 0; j <= k; j++) {
                        inv[row + j] -= lik * inv[rowK + j];
                    }
                }
                inv[row + i] += 1;
                double pivot = lower[row + i];
                for (int j = 0; j <= i; j++) {
                    inv[row + j] /= pivot;
                }
            }
            inverse = inv;
        }
        return inv;
    }

    /** tr(A^-1 B) for symmetric B, as the Frobenius product of A^-1 and B. */
    public double traceOfInverseTimes(double[] b) {
        double[] inv = inverse();
        // A^-1 = L^-T L^-1, so tr(A^-1 B) = tr(L^-1 B L^-T) = sum_i (L^-1 B L^-T)_ii.
        double[] m = Matrices.multiply(inv, b, dim);
        double trace = 0;
        for (int i = 0; i < dim; i++) {
            int row = i * dim;
            for (int k = 0; k <= i; k++) {
                trace += m[row + k] * inv[row + k];
            }
        }
        return trace;
    }

    /**
     * tr(A^-1 B) for B = M M^T given by its factor: |L^-1 M|_F^2. Row i of L^-1 M is
     * sum_{k<=i} (L^-1)_ik M_k, an axpy over rows of M; about d^3/6 operations.
     */
    public double traceOfInverseTimes(Cholesky other) {
        double[] inv = inverse();
        double[] m = other.lower;
        double[] row = new double[dim];
        double sum = 0;
        for (int i = 0; i < dim; i++) {
            java.util.Arrays.fill(row, 0, i + 1, 0.0);
            int rowI = i * dim;
            for (int k = 0; k <= i; k++) {
                double xik = inv[rowI + k];
                int rowK = k * dim;
                for (int j = 0; j <= k; j++) {
                    row[j] += xik * m[rowK + j];
                }
            }
            for (int j = 0; j <= i; j++) {
                sum += row[j] * row[j];
            }
        }
        return sum;
    }

    /** tr(A^-1) = |L^-1|_F^2. */
    public double traceOfInverse() {
        double[] inv = inverse();
        double sum = 0;
        for (double v : inv) {
            sum += v * v;
        }
        return sum;
    }

    /** Sets {@code out = mean + L z}: how a Gaussian sample is drawn from standard normals z. */
    public void transform(double[] z, double[] mean, double[] out) {
        for (int i = 0; i < dim; i++) {
            int row = i * dim;
            double sum = mean[i];
            for (int k = 0; k <= i; k++) {
                sum += lower[row + k] * z[k];
            }
            out[i] = sum;
        }
    }
}
