package org.collapselab.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.collapselab.math.Matrices;
import org.collapselab.model.GaussianMoments;
import org.junit.jupiter.api.Test;

class GaussianDivergenceTest {

    private static final double TOLERANCE = 1e-12;

    private static GaussianMoments gaussian(double[] mean, double[] covariance) {
        return GaussianMoments.of(mean, covariance);
    }

    @Test
    void klBetweenOneDimensionalGaussiansMatchesTheHandFormulaInBothDirections() {
        GaussianMoments q = gaussian(new double[] {1}, new double[] {4});
        GaussianMoments p = gaussian(new double[] {0}, new double[] {1});
        // KL(N(m1, s1^2) || N(m2, s2^2)) = log(s2 / s1) + (s1^2 + (m1 - m2)^2) / (2 s2^2) - 1/2.
        // KL(q || p) = log(1/2) + (4 + 1) / 2 - 1/2 = 2 - log 2.
        assertEquals(2 - Math.log(2), GaussianDivergence.kl(q, p), TOLERANCE);
        // KL(p || q) = log 2 + (1 + 1) / 8 - 1/2 = log 2 - 1/4.
        assertEquals(Math.log(2) - 0.25, GaussianDivergence.kl(p, q), TOLERANCE);
    }

    @Test
    void klBetweenThreeDimensionalGaussiansWithFullCovarianceMatchesTheHandFormula() {
        // q = N(m, S) with S = [[2, 1, 0], [1, 2, 0], [0, 0, 3]], p = N(0, I). det S = 3 * 3 = 9,
        // tr S = 7, S^-1 = [[2, -1, 0], [-1, 2, 0], [0, 0, 1]] / 3, tr S^-1 = 5/3.
        double[] m = {1, -1, 2};
        GaussianMoments q = gaussian(m, new double[] {2, 1, 0, 1, 2, 0, 0, 0, 3});
        GaussianMoments p = GaussianMoments.standard(3);
        // KL(q || p) = (1/2) [tr S + |m|^2 - 3 - log det S] = (1/2) [7 + 6 - 3 - log 9]
        // = 5 - log 3.
        assertEquals(5 - Math.log(3), GaussianDivergence.kl(q, p), TOLERANCE);
        // m^T S^-1 m = (2 + 2 + 2) / 3 + 4/3 = 10/3, so KL(p || q)
        // = (1/2) [tr S^-1 + m^T S^-1 m - 3 + log det S] = (1/2) [5/3 + 10/3 - 3 + log 9]
        // = 1 + log 3.
        assertEquals(1 + Math.log(3), GaussianDivergence.kl(p, q), TOLERANCE);
    }

    @Test
    void klBetweenDiagonalGaussiansIsTheSumOverCoordinates() {
        GaussianMoments q = gaussian(new double[] {1, 1, 1}, Matrices.diagonal(new double[] {
            2, 2, 2}));
        GaussianMoments p = gaussian(new double[] {0, 1, 0}, Matrices.diagonal(new double[] {
            1, 2, 4}));
        // Per coordinate (1/2) [vq / vp + (mq - mp)^2 / vp - 1 + log(vp / vq)]; the logs cancel
        // because both determinants are 8. KL(q || p) = (1/2) [(2 + 1 + 1/2) + (1 + 0 + 1/4) - 3]
        // = 0.875; KL(p || q) = (1/2) [(1/2 + 1 + 2) + (1/2 + 0 + 1/2) - 3] = 0.75.
        assertEquals(0.875, GaussianDivergence.kl(q, p), TOLERANCE);
        assertEquals(0.75, GaussianDivergence.kl(p, q), TOLERANCE);
    }

    @Test
    void klShortcutsAgainstAnIsotropicGaussianMatchTheHandValuesAndTheGeneralForm() {
        // The full-covariance example above against p = N(0, I): 5 - log 3 and 1 + log 3.
        GaussianMoments q = gaussian(new double[] {1, -1, 2}, new double[] {
            2, 1, 0, 1, 2, 0, 0, 0, 3});
        GaussianMoments unit = GaussianMoments.standard(3);
        assertEquals(5 - Math.log(3), GaussianDivergence.klToIsotropic(q, unit, 1), TOLERANCE);
        assertEquals(1 + Math.log(3), GaussianDivergence.klFromIsotropic(q, unit, 1), TOLERANCE);
        // Against p = N((0.5, 0, -1), 2.5 I) they must agree with the general formula.
        double v = 2.5;
        GaussianMoments p = gaussian(new double[] {0.5, 0, -1}, Matrices.diagonal(new double[] {
            v, v, v}));
        assertEquals(GaussianDivergence.kl(q, p), GaussianDivergence.klToIsotropic(q, p, v),
            TOLERANCE);
        assertEquals(GaussianDivergence.kl(p, q), GaussianDivergence.klFromIsotropic(q, p, v),
            TOLERANCE);
    }

    @Test
    void klOfAGaussianWithItselfIsZero() {
        GaussianMoments p = gaussian(new double[] {1, -1, 2}, new double[] {
            2, 1, 0, 1, 2, 0, 0, 0, 3});
        assertEquals(0, GaussianDivergence.kl(p, p), TOLERANCE);
        GaussianMoments line = gaussian(new double[] {5}, new double[] {0.01});
        assertEquals(0, GaussianDivergence.kl(line, line), TOLERANCE);
    }

    @Test
    void w2BetweenOneDimensionalGaussiansIsTheDistanceOfMeansAndStandardDeviations() {
        GaussianMoments q = gaussian(new double[] {1}, new double[] {4});
        GaussianMoments p = gaussian(new double[] {-2}, new double[] {9});
        // W2^2 = (m1 - m2)^2 + (s1 - s2)^2 = 9 + 1 = 10.
        double expected = Math.sqrt(10);
        assertEquals(expected, GaussianDivergence.w2(q, p, new double[] {3}), TOLERANCE);
        assertEquals(expected, GaussianDivergence.w2Isotropic(q, p, 9), TOLERANCE);
        assertEquals(expected, GaussianDivergence.w2(p, q, new double[] {2}), TOLERANCE);
    }

    @Test
    void w2BetweenCommutingCovariancesComparesTheirEigenvaluesPairwise() {
        // S1 = R diag(1, 4, 9) R^T and S2 = R diag(4, 1, 16) R^T share the eigenvectors of the
        // rotation R (cos 0.6, sin 0.8 in the first two coordinates), so
        // tr (S2^1/2 S1 S2^1/2)^1/2 = 1*2 + 2*1 + 3*4 = 16 and
        // W2^2 = |m1 - m2|^2 + sum_i (sqrt(a_i) - sqrt(b_i))^2 = 9 + (1 + 1 + 1) = 12.
        double[] rotation = {0.6, -0.8, 0, 0.8, 0.6, 0, 0, 0, 1};
        double[] s1 = conjugate(rotation, new double[] {1, 4, 9});
        double[] s2 = conjugate(rotation, new double[] {4, 1, 16});
        double[] root2 = conjugate(rotation, new double[] {2, 1, 4});
        GaussianMoments q = gaussian(new double[] {1, 2, 2}, s1);
        GaussianMoments p = gaussian(new double[] {0, 0, 0}, s2);
        assertEquals(Math.sqrt(12), GaussianDivergence.w2(q, p, root2), 1e-12);
    }

    @Test
    void w2AndItsIsotropicShortcutAgreeWhenTheSecondCovarianceIsAMultipleOfI() {
        SplittableRandom random = new SplittableRandom(41);
        int dim = 4;
        double[] factor = new double[dim * dim];
        for (int k = 0; k < factor.length; k++) {
            factor[k] = random.nextGaussian();
        }
        // A A^T + I: a generic full covariance.
        double[] covariance = Matrices.multiply(factor, Matrices.transpose(factor, dim), dim);
        for (int i = 0; i < dim; i++) {
            covariance[i * dim + i] += 1;
        }
        GaussianMoments q = gaussian(new double[] {0.5, -1, 2, 0}, covariance);
        double v = 2.5;
        double[] pCovariance = Matrices.diagonal(new double[] {v, v, v, v});
        GaussianMoments p = gaussian(new double[] {1, 1, 1, 1}, pCovariance);
        double[] root = Matrices.diagonal(new double[] {
            Math.sqrt(v), Math.sqrt(v), Math.sqrt(v), Math.sqrt(v)});
        double general = GaussianDivergence.w2(q, p, root);
        assertEquals(general, GaussianDivergence.w2Isotropic(q, p, v), 1e-12 * general);
    }

    /** R diag(values) R^T. */
    private static double[] conjugate(double[] rotation, double[] values) {
        int dim = values.length;
        double[] scaled = Matrices.multiply(rotation, Matrices.diagonal(values), dim);
        double[] out = Matrices.multiply(scaled, Matrices.transpose(rotation, dim), dim);
        Matrices.symmetrizeInPlace(out, dim);
        return out;
    }
}
