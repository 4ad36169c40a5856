package org.collapselab.math;

/**
 * Small dense-matrix helpers on row-major {@code double[d * d]} arrays. The dimensions here are
 * those of a model's covariance (up to a few hundred), where plain loops beat a native call.
 */
public final class Matrices {

    private Matrices() {
    }

    /** The d x d identity. */
    public static double[] identity(int dim) {
        double[] m = new double[dim * dim];
        for (int i = 0; i < dim; i++) {
            m[i * dim + i] = 1;
        }
        return m;
    }

    /** A diagonal matrix with the given diagonal. */
    public static double[] diagonal(double[] diag) {
        int dim = diag.length;
        double[] m = new double[dim * dim];
        for (int i = 0; i < dim; i++) {
            m[i * dim + i] = diag[i];
        }
        return m;
    }

    /** The trace. */
    public static double trace(double[] m, int dim) {
        double sum = 0;
        for (int i = 0; i < dim; i++) {
            sum += m[i * dim + i];
        }
        return sum;
    }

    /** C = A B for square matrices, with the i-k-j loop order so the inner loop runs along rows. */
    public static double[] multiply(double[] a, double[] b, int dim) {
        double[] c = new double[dim * dim];
        for (int i = 0; i < dim; i++) {
            int rowI = i * dim;
            for (int k = 0; k < dim; k++) {
                double aik = a[rowI + k];
                if (aik == 0) {
                    continue;
                }
                int rowK = k * dim;
                for (int j = 0; j < dim; j++) {
                    c[rowI + j] += aik * b[rowK + j];
                }
            }
        }
        return c;
    }

    /** The transpose. */
    public static double[] transpose(double[] a, int dim) {
        double[] t = new double[dim * dim];
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                t[j * dim + i] = a[i * dim + j];
            }
        }
        return t;
    }

    /** A + A^T over 2: removes the rounding asymmetry that products leave behind. */
    public static void symmetrizeInPlace(double[] a, int dim) {
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < i; j++) {
                double mean = 0.5 * (a[i * dim + j] + a[j * dim + i]);
                a[i * dim + j] = mean;
                a[j * dim + i] = mean;
            }
        }
    }

    /**
     * The symmetric square root S^(1/2) of a symmetric positive semi-definite matrix, by its
     * eigendecomposition (negative eigenvalues from rounding are clamped at zero).
     */
    public static double[] symmetricSqrt(double[] s, int dim) {
        var eigen = new org.apache.commons.math3.linear.EigenDecomposition(
            new org.apache.commons.math3.linear.Array2DRowRealMatrix(toRows(s, dim), false));
        double[] root = new double[dim * dim];
        for (int e = 0; e < dim; e++) {
            double lambda = Math.sqrt(Math.max(0, eigen.getRealEigenvalue(e)));
            double[] v = eigen.getEigenvector(e).toArray();
            for (int i = 0; i < dim; i++) {
                double scaled = lambda * v[i];
                for (int j = 0; j < dim; j++) {
                    root[i * dim + j] += scaled * v[j];
                }
            }
        }
        symmetrizeInPlace(root, dim);
        return root;
    }

    /** Row-major flat array to rows. */
    public static double[][] toRows(double[] m, int dim) {
        double[][] rows = new double[dim][dim];
        for (int i = 0; i < dim; i++) {
            System.arraycopy(m, i * dim, rows[i], 0, dim);
        }
        return rows;
    }
}
