package org.collapselab.math;

import java.util.Arrays;

/**
 * Eigenvalues (without eigenvectors) of a real symmetric matrix: Householder reduction to
 * tridiagonal form, then the implicit QL iteration with Wilkinson-type shifts (Golub and Van Loan,
 * Matrix Computations, 4th ed., sections 8.3.1 and 8.3.5).
 *
 * <p>Skipping the eigenvectors saves about two thirds of the work of a full decomposition; the
 * 2-Wasserstein distance between Gaussians needs only the eigenvalues.
 */
public final class SymmetricEigenvalues {

    /** Iterations allowed per eigenvalue before the QL sweep is declared stuck. */
    private static final int MAX_SWEEPS = 60;
    /**
     * Sweeps after which an off-diagonal entry counts as negligible at 2^-45 of the matrix's
     * size rather than 2^-53: a large cluster of nearly equal tiny eigenvalues beside large ones
     * can leave entries at the rounding noise of the large part, a few units of 2^-53 above the
     * strict bound, where further sweeps no longer shrink them. Deflating there moves each
     * eigenvalue by at most that entry, 2^-45 of the largest, which the 2-Wasserstein distance
     * never sees.
     */
    private static final int STRICT_SWEEPS = 30;

    private SymmetricEigenvalues() {
    }

    /** The eigenvalues of the symmetric matrix {@code a}, in ascending order. */
    public static double[] of(double[] a, int dim) {
        // Scaled by a power of two (exact) so that the largest entry lies in [1/2, 1): every
        // tridiagonal entry is then at most dim in size, and the QL sweep can form
        // sqrt(f^2 + g^2) directly without overflow.
        double largest = 0;
        for (double x : a) {
            largest = Math.max(largest, Math.abs(x));
        }
        if (!Double.isFinite(largest)) {
            throw new ArithmeticException("eigenvalues of a matrix with a non-finite entry");
        }
        if (largest == 0) {
            return new double[dim];
        }
        int exponent = Math.getExponent(largest) + 1;
        double[] work = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            work[i] = Math.scalb(a[i], -exponent);
        }
        double[] diag = new double[dim];
        double[] off = new double[dim];
        tridiagonalize(work, dim, diag, off);
        qlImplicit(diag, off);
        for (int i = 0; i < dim; i++) {
            diag[i] = Math.scalb(diag[i], exponent);
        }
        Arrays.sort(diag);
        return diag;
    }

    /**
     * Householder reduction: on return {@code diag} holds the diagonal and {@code off[i]} the
     * entry coupling rows i and i + 1 of a tridiagonal matrix similar to {@code a}.
     */
    private static void tridiagonalize(double[] a, int n, double[] diag, double[] off) {
        double[] v = new double[n];
        double[] p = new double[n];
        for (int k = 0; k < n - 2; k++) {
            // The column below the diagonal, x = a[k+1.., k]; reflect it onto alpha e_1.
            double norm = columnNorm(a, n, k);
            diag[k] = a[k * n + k];
            if (norm == 0) {
                off[k] = 0;
                continue;
            }
            double x0 = a[(k + 1) * n + k];
            double alpha = x0 > 0 ? -norm : norm;
            off[k] = alpha;

            // v = (x - alpha e_1) / |x - alpha e_1|, so that H = I - 2 v v^T.
            double vNorm2 = 0;
            for (int i = k + 1; i < n; i++) {
                v[i] = a[i * n + k];
                if (i == k + 1) {
                    v[i] -= alpha;
                }
                vNorm2 += v[i] * v[i];
            }
            double vNorm = Math.sqrt(vNorm2);
            for (int i = k + 1; i < n; i++) {
                v[i] /= vNorm;
            }

            // Trailing block B <- H B H = B - 2 (v q^T + q v^T), p = B v, q = p - (v^T p) v.
            // Only the lower triangle of B is read and written: p gathers each stored entry
            // twice (as B_ij v_j into p_i and as B_ji v_i into p_j), and the update touches half
            // the block.
            java.util.Arrays.fill(p, k + 1, n, 0.0);
            for (int i = k + 1; i < n; i++) {
                int row = i * n;
                double vi = v[i];
                double dot0 = 0;
                double dot1 = 0;
                int j = k + 1;
                for (; j + 1 < i; j += 2) {
                    double b0 = a[row + j];
                    double b1 = a[row + j + 1];
                    dot0 += b0 * v[j];
                    dot1 += b1 * v[j + 1];
                    p[j] += b0 * vi;
                    p[j + 1] += b1 * vi;
                }
                for (; j < i; j++) {
                    double b = a[row + j];
                    dot0 += b * v[j];
                    p[j] += b * vi;
                }
                p[i] += dot0 + dot1 + a[row + i] * vi;
            }
            double vp = 0;
            for (int i = k + 1; i < n; i++) {
                vp += v[i] * p[i];
            }
            for (int i = k + 1; i < n; i++) {
                p[i] -= vp * v[i];
            }
            for (int i = k + 1; i < n; i++) {
                int row = i * n;
                double vi = 2 * v[i];
                double pi = 2 * p[i];
                for (int j = k + 1; j <= i; j++) {
                    a[row + j] -= vi * p[j] + pi * v[j];
                }
            }
        }
        if (n >= 2) {
            diag[n - 2] = a[(n - 2) * n + n - 2];
            off[n - 2] = a[(n - 1) * n + n - 2];
        }
        if (n >= 1) {
            diag[n - 1] = a[(n - 1) * n + n - 1];
            off[n - 1] = 0;
        }
    }

    /** |a[k+1.., k]|, scaled by the largest entry so that squares neither overflow nor vanish. */
    private static double columnNorm(double[] a, int n, int k) {
        double scale = 0;
        for (int i = k + 1; i < n; i++) {
            scale = Math.max(scale, Math.abs(a[i * n + k]));
        }
        if (scale == 0) {
            return 0;
        }
        double sum = 0;
        for (int i = k + 1; i < n; i++) {
            double x = a[i * n + k] / scale;
            sum += x * x;
        }
        return scale * Math.sqrt(sum);
    }

    /**
     * sqrt(x^2 + y^2) without overflow. {@link Math#hypot} is correctly rounded and an order of
     * magnitude slower, which showed in profiles; one ulp does not matter here.
     */
    private static double hypot(double x, double y) {
        double big = Math.max(Math.abs(x), Math.abs(y));
        double small = Math.min(Math.abs(x), Math.abs(y));
        if (big == 0) {
            return 0;
        }
        double ratio = small / big;
        return big * Math.sqrt(1 + ratio * ratio);
    }

    /** Implicit QL on the tridiagonal (diag, off); the eigenvalues are left in {@code diag}. */
    private static void qlImplicit(double[] d, double[] e) {
        int n = d.length;
        // Negligible off-diagonal entries are judged against the largest |d| + |e| seen so far
        // (as EISPACK's tql1 does), not against their neighbours alone: a cluster of tiny equal
        // eigenvalues next to large ones would otherwise never be declared converged.
        double scale = 0;
        for (int l = 0; l < n; l++) {
            scale = Math.max(scale, Math.abs(d[l]) + Math.abs(e[l]));
            int sweeps = 0;
            while (true) {
                double negligible = (sweeps < STRICT_SWEEPS ? 0x1p-53 : 0x1p-45) * scale;
                int m = l;
                while (m < n - 1) {
                    if (Math.abs(e[m]) <= negligible) {
                        break;
                    }
                    m++;
                }
                if (m == l) {
                    break;
                }
                if (++sweeps > MAX_SWEEPS) {
                    throw new ArithmeticException("eigenvalue iteration did not converge");
                }
                // Shift from the leading 2 x 2 block, then chase the bulge from m up to l.
                double g = (d[l + 1] - d[l]) / (2 * e[l]);
                double r = hypot(g, 1);
                g = d[m] - d[l] + e[l] / (g + Math.copySign(r, g));
                double s = 1;
                double c = 1;
                double p = 0;
                boolean underflow = false;
                for (int i = m - 1; i >= l; i--) {
                    double f = s * e[i];
                    double b = c * e[i];
                    // The plain root is safe on the scaled matrix (see of), and one division
                    // serves both ratios: the sweep is bound by these latencies.
                    double rSquared = f * f + g * g;
                    if (rSquared == 0) {
                        e[i + 1] = 0;
                        d[i + 1] -= p;
                        e[m] = 0;
                        underflow = true;
                        break;
                    }
                    double inverse = 1 / Math.sqrt(rSquared);
                    e[i + 1] = rSquared * inverse;
                    s = f * inverse;
                    c = g * inverse;
                    g = d[i + 1] - p;
                    r = (d[i] - g) * s + 2 * c * b;
                    p = s * r;
                    d[i + 1] = g + p;
                    g = c * r - b;
                }
                if (underflow) {
                    continue;
                }
                d[l] -= p;
                e[l] = g;
                e[m] = 0;
            }
        }
    }
}
