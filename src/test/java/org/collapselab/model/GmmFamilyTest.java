package org.collapselab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.collapselab.math.Cholesky;
import org.junit.jupiter.api.Test;

class GmmFamilyTest {

    /** Draws n points from sum_k w_k N(mu_k, S_k), S_k row-major. */
    static List<double[]> mixtureSample(int n, double[] weights, double[][] means,
                                        double[][] covariances, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int dim = means[0].length;
        List<double[]> samples = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            double u = random.nextDouble();
            int k = 0;
            while (k < weights.length - 1 && u >= weights[k]) {
                u -= weights[k];
                k++;
            }
            double[] z = new double[dim];
            for (int c = 0; c < dim; c++) {
                z[c] = random.nextGaussian();
            }
            double[] x = new double[dim];
            Cholesky.of(covariances[k], dim).transform(z, means[k], x);
            samples.add(x);
        }
        return samples;
    }

    private static final double[] TRUE_WEIGHTS = {0.3, 0.7};
    private static final double[][] TRUE_MEANS = {{-4, 0}, {4, 1}};
    private static final double[][] TRUE_COVARIANCES = {{1, 0.5, 0.5, 1}, {2, -0.3, -0.3, 0.5}};

    private static List<double[]> separatedMixture(int n, long seed) {
        return mixtureSample(n, TRUE_WEIGHTS, TRUE_MEANS, TRUE_COVARIANCES, seed);
    }

    private static GmmFamily family(int k, GmmOptions.Covariance covariance) {
        return new GmmFamily(GmmOptions.of(k, covariance));
    }

    @Test
    void recoversTheParametersOfAWellSeparatedMixture() {
        int n = 4000;
        GmmModel model = family(2, GmmOptions.Covariance.FULL)
            .fit(TrainingSet.of(separatedMixture(n, 11)), new SplittableRandom(1));

        assertTrue(model.converged());
        for (int truth = 0; truth < 2; truth++) {
            GmmComponent fitted = componentNearest(model, TRUE_MEANS[truth]);
            double w = TRUE_WEIGHTS[truth];
            // Standard error of a weight: sqrt(w (1 - w) / n); of a mean coordinate:
            // sqrt(S_cc / (n w)); of a variance: S_cc sqrt(2 / (n w)). Separation is 8 units
            // against standard deviations of at most 1.5, so misassignment is negligible.
            assertEquals(w, fitted.weight(), 4 * Math.sqrt(w * (1 - w) / n));
            for (int c = 0; c < 2; c++) {
                double variance = TRUE_COVARIANCES[truth][c * 2 + c];
                assertEquals(TRUE_MEANS[truth][c], fitted.moments().mean()[c],
                    4 * Math.sqrt(variance / (n * w)), "mean " + truth + "," + c);
                assertEquals(variance, fitted.moments().variance(c),
                    4 * variance * Math.sqrt(2 / (n * w)), "variance " + truth + "," + c);
            }
        }
    }

    private static GmmComponent componentNearest(GmmModel model, double[] mean) {
        GmmComponent nearest = null;
        double best = Double.POSITIVE_INFINITY;
        for (GmmComponent component : model.components()) {
            double[] mu = component.moments().mean();
            double distance = Math.hypot(mu[0] - mean[0], mu[1] - mean[1]);
            if (distance < best) {
                best = distance;
                nearest = component;
            }
        }
        return nearest;
    }

    @Test
    void oneComponentIsTheGaussianMaximumLikelihoodEstimate() {
        List<double[]> data = separatedMixture(50, 3);
        GmmOptions options = new GmmOptions(1, GmmOptions.Covariance.FULL, 200, 1e-6, 1, 0);
        GmmModel model = new GmmFamily(options).fit(TrainingSet.of(data), new SplittableRandom(2));

        // MLE: mean = sum x_i / n, covariance = sum (x_i - mean)(x_i - mean)^T / n.
        double[] mean = new double[2];
        for (double[] x : data) {
            mean[0] += x[0] / data.size();
            mean[1] += x[1] / data.size();
        }
        double[] covariance = new double[4];
        for (double[] x : data) {
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 2; b++) {
                    covariance[a * 2 + b] += (x[a] - mean[a]) * (x[b] - mean[b]) / data.size();
                }
            }
        }
        GaussianMoments moments = model.gaussianMoments().orElseThrow();
        assertArrayEquals(mean, moments.mean(), 1e-12);
        assertArrayEquals(covariance, moments.covariance(), 1e-12);
        assertEquals(1.0, model.components().get(0).weight(), 0);
        // The first M step lands on the MLE, the second leaves it there.
        assertTrue(model.converged());
    }

    @Test
    void diagonalCovarianceHasNoOffDiagonalEntries() {
        GmmModel model = family(2, GmmOptions.Covariance.DIAGONAL)
            .fit(TrainingSet.of(separatedMixture(500, 5)), new SplittableRandom(3));

        for (GmmComponent component : model.components()) {
            double[] covariance = component.moments().covariance();
            assertEquals(0.0, covariance[1], 0);
            assertEquals(0.0, covariance[2], 0);
        }
        assertTrue(model.gaussianMoments().isEmpty());
    }

    @Test
    void theSameSeedGivesAnIdenticalFit() {
        List<double[]> data = separatedMixture(300, 7);
        GmmFamily family = new GmmFamily(
            new GmmOptions(3, GmmOptions.Covariance.FULL, 200, 1e-6, 3, 1e-6));
        GmmModel first = family.fit(TrainingSet.of(data), new SplittableRandom(42));
        GmmModel second = family.fit(TrainingSet.of(data), new SplittableRandom(42));

        assertEquals(first.meanLogLikelihood(), second.meanLogLikelihood(), 0);
        for (int k = 0; k < 3; k++) {
            GmmComponent a = first.components().get(k);
            GmmComponent b = second.components().get(k);
            assertEquals(a.weight(), b.weight(), 0);
            assertArrayEquals(a.moments().mean(), b.moments().mean(), 0);
            assertArrayEquals(a.moments().covariance(), b.moments().covariance(), 0);
        }
        assertArrayEquals(first.sample(5, new SplittableRandom(9)).get(4),
            second.sample(5, new SplittableRandom(9)).get(4), 0);
    }

    @Test
    void aWeightOfTwoFitsLikeTheSampleWrittenTwice() {
        List<double[]> data = separatedMixture(200, 13);
        double[] weights = new double[data.size()];
        List<double[]> duplicated = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            weights[i] = i % 3 == 0 ? 2 : 1;
            duplicated.add(data.get(i));
            if (weights[i] == 2) {
                // Next to its original, so k-means++ maps each uniform draw to the same point.
                duplicated.add(data.get(i));
            }
        }
        // Tolerance 0 runs all 50 iterations in both fits, so they cannot stop apart.
        GmmFamily family = new GmmFamily(
            new GmmOptions(2, GmmOptions.Covariance.FULL, 50, 0, 1, 1e-6));
        GmmModel weighted = family.fit(new TrainingSet<>(data, weights), new SplittableRandom(5));
        GmmModel written = family.fit(TrainingSet.of(duplicated), new SplittableRandom(5));

        assertEquals(written.meanLogLikelihood(), weighted.meanLogLikelihood(), 1e-9);
        for (int k = 0; k < 2; k++) {
            GmmComponent a = weighted.components().get(k);
            GmmComponent b = written.components().get(k);
            assertEquals(b.weight(), a.weight(), 1e-9);
            assertArrayEquals(b.moments().mean(), a.moments().mean(), 1e-9);
            assertArrayEquals(b.moments().covariance(), a.moments().covariance(), 1e-9);
        }
    }

    @Test
    void oneDimensionalLogDensityIsTheClosedFormAndIntegratesToOne() {
        List<double[]> data = mixtureSample(400, new double[] {0.4, 0.6},
            new double[][] {{-2}, {3}}, new double[][] {{0.5}, {1.5}}, 17);
        GmmModel model = family(2, GmmOptions.Covariance.FULL)
            .fit(TrainingSet.of(data), new SplittableRandom(4));

        double step = 1e-3;
        double integral = 0;
        for (double x = -15; x <= 15; x += step) {
            double closedForm = 0;
            for (GmmComponent component : model.components()) {
                double mean = component.moments().mean()[0];
                double variance = component.moments().variance(0);
                closedForm += component.weight() * Math.exp(-(x - mean) * (x - mean)
                    / (2 * variance)) / Math.sqrt(2 * Math.PI * variance);
            }
            double logDensity = model.logDensity(new double[] {x});
            if (closedForm > 1e-300) {
                assertEquals(Math.log(closedForm), logDensity, 1e-10 * Math.abs(logDensity) + 1e-12,
                    "x = " + x);
            }
            integral += Math.exp(logDensity) * step;
        }
        // A Riemann sum of a smooth density with tails below 1e-20 at +-15: error far below 1e-6.
        assertEquals(1.0, integral, 1e-6);
    }

    @Test
    void totalVarianceAgreesWithALargeSample() {
        GmmModel model = family(2, GmmOptions.Covariance.FULL)
            .fit(TrainingSet.of(separatedMixture(1000, 19)), new SplittableRandom(6));
        List<double[]> draws = model.sample(200_000, new SplittableRandom(8));

        double[] mean = new double[2];
        for (double[] x : draws) {
            mean[0] += x[0] / draws.size();
            mean[1] += x[1] / draws.size();
        }
        // The sample total variance is the mean of s_i = |x_i - mean|^2; its standard error is
        // the standard deviation of s_i over sqrt(N).
        double sum = 0;
        double sumSquares = 0;
        for (double[] x : draws) {
            double s = (x[0] - mean[0]) * (x[0] - mean[0]) + (x[1] - mean[1]) * (x[1] - mean[1]);
            sum += s;
            sumSquares += s * s;
        }
        double average = sum / draws.size();
        double standardError = Math.sqrt((sumSquares / draws.size() - average * average)
            / draws.size());
        assertEquals(model.totalVariance(), average, 4 * standardError);
    }

    @Test
    void fewerSamplesThanComponentsIsAFitError() {
        List<double[]> data = List.of(new double[] {0}, new double[] {1});
        ModelFitException error = assertThrows(ModelFitException.class,
            () -> family(3, GmmOptions.Covariance.FULL)
                .fit(TrainingSet.of(data), new SplittableRandom(1)));
        assertEquals("gmm: 2 samples of positive weight for 3 components;"
            + " expected at least one per component", error.getMessage());
    }

    @Test
    void aNonFiniteValueIsAFitError() {
        List<double[]> data = List.of(new double[] {0, 1}, new double[] {Double.NaN, 2});
        ModelFitException error = assertThrows(ModelFitException.class,
            () -> family(1, GmmOptions.Covariance.FULL)
                .fit(TrainingSet.of(data), new SplittableRandom(1)));
        assertEquals("gmm: sample 1 has the non-finite value NaN in coordinate 0",
            error.getMessage());
    }

    @Test
    void identicalPointsWithoutRegularizationIsAFitError() {
        List<double[]> data = List.of(new double[] {2}, new double[] {2}, new double[] {2});
        GmmFamily family = new GmmFamily(
            new GmmOptions(1, GmmOptions.Covariance.FULL, 200, 1e-6, 1, 0));
        assertThrows(ModelFitException.class,
            () -> family.fit(TrainingSet.of(data), new SplittableRandom(1)));
    }

    @Test
    void identicalPointsWithRegularizationFitAPointMassOfRegularizedWidth() {
        List<double[]> data = List.of(new double[] {2}, new double[] {2}, new double[] {2});
        GmmModel model = family(2, GmmOptions.Covariance.FULL)
            .fit(TrainingSet.of(data), new SplittableRandom(1));
        for (GmmComponent component : model.components()) {
            assertEquals(2.0, component.moments().mean()[0], 0);
            assertEquals(GmmOptions.DEFAULT_REGULARIZATION, component.moments().variance(0), 0);
        }
    }

    @Test
    void anEmptyComponentIsReseededOntoTheWorstExplainedPoint() {
        // Five points around 0; the second start mean sits so far away that its responsibilities
        // underflow to exactly 0, so the first M step finds it empty.
        double[] points = {-1, -0.5, 0, 0.5, 3};
        List<double[]> data = new ArrayList<>();
        for (double p : points) {
            data.add(new double[] {p});
        }
        GmmOptions options = new GmmOptions(2, GmmOptions.Covariance.FULL, 1, 0, 1, 1e-6);
        WeightedRows rows = WeightedRows.of(TrainingSet.of(data), "gmm");
        double[] start = GmmFamily.startCovariance(rows, options);
        GmmModel model = new GmmExpectationMaximization(rows, options, start)
            .run(new double[] {0, 1e6});

        // Component 0 took all the weight (mass W = 5); the re-seeded one restarts at the point
        // farthest from the data's bulk, 3, with the start covariance and weight 1/5, and the
        // weights renormalise to 5/6 and 1/6.
        GmmComponent reseeded = model.components().get(1);
        assertEquals(3.0, reseeded.moments().mean()[0], 0);
        assertEquals(start[0], reseeded.moments().variance(0), 0);
        assertEquals(1.0 / 6, reseeded.weight(), 1e-15);
        assertEquals(5.0 / 6, model.components().get(0).weight(), 1e-15);
        assertFalse(model.converged());
    }
}
