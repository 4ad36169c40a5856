package org.collapselab.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EmpiricalTest {

    @Test
    void w2BetweenSortedSamplesOfUnequalSizesWalksTheMergedQuantileSteps() {
        double[] a = {0, 1, 3};
        double[] b = {0.5, 2};
        // Quantile functions: a is 0 on (0, 1/3], 1 on (1/3, 2/3], 3 on (2/3, 1]; b is 0.5 on
        // (0, 1/2], 2 on (1/2, 1]. Integral of the squared gap over the merged steps:
        // (1/3)(0.5)^2 + (1/6)(0.5)^2 + (1/6)(1)^2 + (1/3)(1)^2 = 2/24 + 1/24 + 4/24 + 8/24 = 5/8.
        assertEquals(0.625, Empirical.w2SquaredSorted(a, b), 1e-15);
        assertEquals(0.625, Empirical.w2SquaredSorted(b, a), 1e-15);
    }

    @Test
    void w2BetweenSortedSamplesOfEqualSizesIsTheMeanSquaredGapOfOrderStatistics() {
        double[] a = {-1, 0, 2, 7};
        double[] b = {0, 0, 1, 4};
        // ((-1)^2 + 0 + 1^2 + 3^2) / 4 = 11/4; a sample against itself is 0.
        assertEquals(2.75, Empirical.w2SquaredSorted(a, b), 1e-15);
        assertEquals(0, Empirical.w2SquaredSorted(a, a), 0);
    }

    @Test
    void w2BetweenSortedSamplesWhoseSizesShareBreakpointsCountsEachStepOnce() {
        double[] a = {1, 2};
        double[] b = {0, 0, 0, 4};
        // a: 1 on (0, 1/2], 2 on (1/2, 1]; b: 0 on (0, 3/4], 4 on (3/4, 1]. Steps (0, 1/2],
        // (1/2, 3/4], (3/4, 1]: (1/2)(1) + (1/4)(4) + (1/4)(4) = 2.5.
        assertEquals(2.5, Empirical.w2SquaredSorted(a, b), 1e-15);
    }

    /**
     * P = N(0, I_2), Q = N((1, 0), 4 I_2): KL(P || Q) = sum over coordinates of
     * (1/2) [1/4 + delta^2/4 - 1 + log 4] = (1/2)(1/2 - 1 + log 4) + (1/2)(1/4 - 1 + log 4)
     * = log 4 - 5/8 = 0.761294. The k-NN estimator is consistent (Wang, Kulkarni and Verdu 2009);
     * with n = m = 2000 its spread over 20 independent pairs of samples gives the standard error
     * of their mean, and the bias at this size is well inside it (means at n = 500, 1000, 2000
     * and 4000 were measured at 0.738, 0.744, 0.766 and 0.770).
     */
    @Test
    void knnKlOnLargeGaussianSamplesApproachesTheExactKl() {
        double exact = Math.log(4) - 0.625;
        SplittableRandom random = new SplittableRandom(2009);
        int replicates = 20;
        double[] estimates = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            estimates[r] = Empirical.knnKl(gaussian(2000, 0, 1, random),
                gaussian(2000, 1, 2, random), 3);
        }
        double mean = 0;
        for (double e : estimates) {
            mean += e / replicates;
        }
        double squares = 0;
        for (double e : estimates) {
            squares += (e - mean) * (e - mean);
        }
        double standardError = Math.sqrt(squares / (replicates - 1) / replicates);
        // 2.861 is the two-sided 99% quantile of Student's t with 19 degrees of freedom.
        assertTrue(Math.abs(mean - exact) <= 2.861 * standardError,
            "mean " + mean + " +- " + standardError + ", exact " + exact);
        assertTrue(standardError < 0.02, "standard error " + standardError);
    }

    /** n points of N((shift, 0), sd^2 I_2). */
    private static List<double[]> gaussian(int n, double shift, double sd,
                                           SplittableRandom random) {
        List<double[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new double[] {shift + sd * random.nextGaussian(), sd * random.nextGaussian()});
        }
        return out;
    }
}
