package org.collapselab.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

class SymmetricEigenvaluesTest {

    /** A random symmetric matrix B B^T / k + ridge I of rank min(k, d) before the ridge. */
    private static double[] lowRank(int dim, int rank, double ridge, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] b = new double[dim * rank];
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextGaussian();
        }
        double[] a = new double[dim * dim];
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                double sum = 0;
                for (int k = 0; k < rank; k++) {
                    sum += b[i * rank + k] * b[j * rank + k];
                }
                a[i * dim + j] = sum / rank + (i == j ? ridge : 0);
            }
        }
        return a;
    }

    private static double[] reference(double[] a, int dim) {
        double[] values = new EigenDecomposition(
            new Array2DRowRealMatrix(Matrices.toRows(a, dim), false)).getRealEigenvalues();
        Arrays.sort(values);
        return values;
    }

    @Test
    void matchesCommonsMathOnFullRankMatrices() {
        for (int dim : new int[] {1, 2, 3, 10, 57}) {
            double[] a = lowRank(dim, dim + 5, 0, dim);
            assertArrayEquals(reference(a, dim), SymmetricEigenvalues.of(a, dim), 1e-10 * dim);
        }
    }

    @Test
    void convergesWhenMostEigenvaluesAreEqual() {
        // Rank 10 in 100 dimensions plus a tiny ridge: 90 eigenvalues equal 1e-6 exactly,
        // the shape of a covariance fitted to 10 samples in 100 dimensions.
        double[] a = lowRank(100, 10, 1e-6, 3);
        double[] values = SymmetricEigenvalues.of(a, 100);
        assertArrayEquals(reference(a, 100), values, 1e-10);
        assertEquals(1e-6, values[0], 1e-12);
    }

    @Test
    void diagonalMatrixGivesItsDiagonal() {
        double[] a = Matrices.diagonal(new double[] {3, 1, 2});
        assertArrayEquals(new double[] {1, 2, 3}, SymmetricEigenvalues.of(a, 3), 0);
    }

    @Test
    void scalingTheMatrixScalesItsEigenvaluesAtEitherEndOfTheRange() {
        // Scaling by 2^k is exact, so the eigenvalues must scale exactly as well, up to the
        // rounding of the unscaled computation; squares of the entries would overflow at 2^600.
        double[] a = lowRank(20, 25, 0, 5);
        double[] plain = SymmetricEigenvalues.of(a, 20);
        for (int power : new int[] {600, -600}) {
            double[] scaled = a.clone();
            for (int i = 0; i < scaled.length; i++) {
                scaled[i] = Math.scalb(scaled[i], power);
            }
            double[] values = SymmetricEigenvalues.of(scaled, 20);
            for (int i = 0; i < 20; i++) {
                assertEquals(plain[i], Math.scalb(values[i], -power), 1e-12 * plain[19]);
            }
        }
    }

    @Test
    void zeroMatrixHasZeroEigenvaluesAndNonFiniteEntriesAreRefused() {
        assertArrayEquals(new double[3], SymmetricEigenvalues.of(new double[9], 3), 0);
        double[] a = Matrices.diagonal(new double[] {1, Double.NaN, 2});
        org.junit.jupiter.api.Assertions.assertThrows(ArithmeticException.class,
            () -> SymmetricEigenvalues.of(a, 3));
    }
}
