package org.collapselab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A fitted Gaussian can hand over the moments of n samples without drawing them: the mean must
 * be N(mu, Sigma / n), the centred scatter Wishart_d(n - 1, Sigma) and the two independent, as
 * for n rows drawn one by one. Each law is checked over R = 20,000 draws within 2.576 standard
 * errors (two-sided 99%); where the standard error follows from the law itself it is exact.
 */
class GaussianMomentSamplingTest {

    private static final int DRAWS = 20_000;
    private static final int COUNT = 8;
    private static final double Z99 = 2.576;
    private static final double[] MEAN = {1, -2, 0.5};
    /** Positive definite: leading minors 2, 1.64 and 1.976. */
    private static final double[] COVARIANCE = {2, 0.6, -0.4, 0.6, 1, 0.3, -0.4, 0.3, 1.5};

    private static final GaussianFamily.Fitted MODEL =
        new GaussianFamily.Fitted(GaussianMoments.of(MEAN, COVARIANCE));

    private static double sigma(int i, int j) {
        return COVARIANCE[i * 3 + j];
    }

    @Test
    void momentsNeedMoreSamplesThanDimensionsElseTheCallerDrawsRows() {
        SplittableRandom random = new SplittableRandom(1);
        // The Bartlett factor needs n - 1 >= d degrees of freedom.
        assertTrue(MODEL.sampleMoments(3, random).isEmpty());
        SampleMoments four = MODEL.sampleMoments(4, random).orElseThrow();
        assertEquals(4, four.count());
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(four.scatter()[i * 3 + j], four.scatter()[j * 3 + i], 0);
            }
        }
    }

    @Test
    void sampledMeanIsNormalWithCovarianceSigmaOverN() {
        SampleMoments[] draws = draw(2);
        for (int i = 0; i < 3; i++) {
            double[] deviation = new double[DRAWS];
            for (int r = 0; r < DRAWS; r++) {
                deviation[r] = draws[r].mean()[i] - MEAN[i];
            }
            // E[m_i - mu_i] = 0 with standard deviation sqrt(Sigma_ii / n).
            double variance = sigma(i, i) / COUNT;
            assertNear(0, average(deviation), Math.sqrt(variance / DRAWS), "mean " + i);
            // E[(m_i - mu_i)^2] = Sigma_ii / n; the square of a normal has variance 2 v^2.
            double[] squares = product(deviation, deviation);
            assertNear(variance, average(squares), Math.sqrt(2 / (double) DRAWS) * variance,
                "variance of mean " + i);
        }
        // E[(m_0 - mu_0)(m_1 - mu_1)] = Sigma_01 / n; the product of two jointly normal
        // variables has variance (Sigma_00 Sigma_11 + Sigma_01^2) / n^2.
        double[] first = new double[DRAWS];
        double[] second = new double[DRAWS];
        for (int r = 0; r < DRAWS; r++) {
            first[r] = draws[r].mean()[0] - MEAN[0];
            second[r] = draws[r].mean()[1] - MEAN[1];
        }
        double spread = Math.sqrt(sigma(0, 0) * sigma(1, 1) + sigma(0, 1) * sigma(0, 1))
            / COUNT;
        assertNear(sigma(0, 1) / COUNT, average(product(first, second)),
            spread / Math.sqrt(DRAWS), "covariance of means 0 and 1");
    }

    @Test
    void sampledScatterIsWishartWithNMinusOneDegreesOfFreedom() {
        SampleMoments[] draws = draw(3);
        int dof = COUNT - 1;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j <= i; j++) {
                double[] entry = new double[DRAWS];
                for (int r = 0; r < DRAWS; r++) {
                    entry[r] = draws[r].scatter()[i * 3 + j];
                }
                // Wishart_d(k, Sigma): E[S_ij] = k Sigma_ij,
                // Var[S_ij] = k (Sigma_ij^2 + Sigma_ii Sigma_jj).
                double expected = dof * sigma(i, j);
                double variance = dof * (sigma(i, j) * sigma(i, j) + sigma(i, i) * sigma(j, j));
                assertNear(expected, average(entry), Math.sqrt(variance / DRAWS),
                    "E scatter " + i + j);
                double[] squares = new double[DRAWS];
                for (int r = 0; r < DRAWS; r++) {
                    squares[r] = (entry[r] - expected) * (entry[r] - expected);
                }
                double mean = average(squares);
                assertNear(variance, mean, standardDeviation(squares, mean) / Math.sqrt(DRAWS),
                    "Var scatter " + i + j);
            }
        }
    }

    @Test
    void sampledMeanAndScatterAreIndependent() {
        SampleMoments[] draws = draw(4);
        double[] mean = new double[DRAWS];
        double[] scatter = new double[DRAWS];
        for (int r = 0; r < DRAWS; r++) {
            mean[r] = draws[r].mean()[0] - MEAN[0];
            scatter[r] = draws[r].scatter()[0] - (COUNT - 1) * sigma(0, 0);
        }
        // Independent, so E[product] = 0 with variance (Sigma_00 / n) (2 (n - 1) Sigma_00^2).
        double spread = Math.sqrt(sigma(0, 0) / COUNT * 2 * (COUNT - 1) * sigma(0, 0)
            * sigma(0, 0));
        assertNear(0, average(product(mean, scatter)), spread / Math.sqrt(DRAWS),
            "mean-scatter covariance");
    }

    private static SampleMoments[] draw(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        SampleMoments[] out = new SampleMoments[DRAWS];
        for (int r = 0; r < DRAWS; r++) {
            out[r] = MODEL.sampleMoments(COUNT, random).orElseThrow();
        }
        return out;
    }

    private static void assertNear(double expected, double actual, double standardError,
                                   String what) {
        assertTrue(Math.abs(actual - expected) <= Z99 * standardError,
            what + ": " + actual + ", expected " + expected + " +- " + standardError);
    }

    private static double[] product(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * b[i];
        }
        return out;
    }

    private static double average(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double standardDeviation(double[] values, double mean) {
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / (values.length - 1));
    }
}
