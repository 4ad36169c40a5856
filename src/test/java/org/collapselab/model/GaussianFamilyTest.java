package org.collapselab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianFamilyTest {

    private static final SplittableRandom UNUSED = new SplittableRandom(0);
    private static final GaussianFamily MAXIMUM_LIKELIHOOD =
        new GaussianFamily(false, GaussianFamily.DEFAULT_RIDGE);
    private static final GaussianFamily UNBIASED =
        new GaussianFamily(true, GaussianFamily.DEFAULT_RIDGE);

    /** (1, 1), (3, 2), (2, 5), (2, 4): mean (2, 3), centred (-1, -2), (1, -1), (0, 2), (0, 1). */
    private static final List<double[]> FOUR_POINTS = List.of(
        new double[] {1, 1}, new double[] {3, 2}, new double[] {2, 5}, new double[] {2, 4});

    private static GaussianMoments moments(GenerativeModel<double[]> model) {
        return model.gaussianMoments().orElseThrow();
    }

    @Test
    void maximumLikelihoodFitIsTheHandMeanAndTheCovarianceOverN() {
        GaussianMoments m = moments(MAXIMUM_LIKELIHOOD.fit(TrainingSet.of(FOUR_POINTS), UNUSED));
        // Scatter: xx = 1 + 1 = 2, yy = 4 + 1 + 4 + 1 = 10, xy = 2 - 1 = 1; divided by n = 4.
        assertArrayEquals(new double[] {2, 3}, m.mean(), 1e-15);
        assertArrayEquals(new double[] {0.5, 0.25, 0.25, 2.5}, m.covariance(), 1e-15);
    }

    @Test
    void unbiasedFitDividesTheScatterByNMinusOne() {
        GaussianMoments m = moments(UNBIASED.fit(TrainingSet.of(FOUR_POINTS), UNUSED));
        assertArrayEquals(new double[] {2, 3}, m.mean(), 1e-15);
        assertArrayEquals(new double[] {2.0 / 3, 1.0 / 3, 1.0 / 3, 10.0 / 3}, m.covariance(),
            1e-15);
    }

    @Test
    void weightsActAsMultiplicities() {
        double[] weights = {2, 1, 3, 0};
        List<double[]> repeated = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            for (int k = 0; k < weights[i]; k++) {
                repeated.add(FOUR_POINTS.get(i));
            }
        }
        for (GaussianFamily family : List.of(MAXIMUM_LIKELIHOOD, UNBIASED)) {
            GaussianMoments weighted = moments(family.fit(
                new TrainingSet<>(FOUR_POINTS, weights), UNUSED));
            GaussianMoments expanded = moments(family.fit(TrainingSet.of(repeated), UNUSED));
            assertArrayEquals(expanded.mean(), weighted.mean(), 1e-14);
            assertArrayEquals(expanded.covariance(), weighted.covariance(), 1e-14);
        }
    }

    @Test
    void fewerSamplesThanDimensionsGiveAFiniteModelThroughTheRidge() {
        List<double[]> two = List.of(new double[] {0, 0, 0}, new double[] {2, 0, 0});
        GenerativeModel<double[]> model = MAXIMUM_LIKELIHOOD.fit(TrainingSet.of(two), UNUSED);
        // Plug-in covariance diag(1, 0, 0), trace 1, plus ridge * trace / d on the diagonal.
        double added = GaussianFamily.DEFAULT_RIDGE / 3;
        assertArrayEquals(new double[] {1 + added, 0, 0, 0, added, 0, 0, 0, added},
            moments(model).covariance(), 1e-18);
        // Its log-density at the mean: -(1/2) (3 log 2 pi + log det), finite.
        double expected = -0.5 * (3 * Math.log(2 * Math.PI)
            + Math.log((1 + added) * added * added));
        assertEquals(expected, model.logDensity(new double[] {1, 0, 0}), 1e-9);
        assertTrue(Double.isFinite(model.logDensity(new double[] {5, -3, 2})));
    }

    @Test
    void collinearSamplesBeyondTheDimensionAlsoFallBackToTheRidge() {
        List<double[]> line = List.of(new double[] {0, 0}, new double[] {1, 1},
            new double[] {2, 2}, new double[] {3, 3});
        GaussianMoments m = moments(MAXIMUM_LIKELIHOOD.fit(TrainingSet.of(line), UNUSED));
        // Plug-in covariance 1.25 [[1, 1], [1, 1]]: singular; trace 2.5, ridge 2.5e-6 / 2.
        double added = GaussianFamily.DEFAULT_RIDGE * 2.5 / 2;
        assertArrayEquals(new double[] {1.25 + added, 1.25, 1.25, 1.25 + added},
            m.covariance(), 1e-15);
    }

    @Test
    void aZeroRidgeRefusesASingularCovariance() {
        GaussianFamily noRidge = new GaussianFamily(false, 0);
        List<double[]> two = List.of(new double[] {0, 0, 0}, new double[] {2, 0, 0});
        ModelFitException error = assertThrows(ModelFitException.class,
            () -> noRidge.fit(TrainingSet.of(two), UNUSED));
        assertEquals("gaussian covariance is singular (2 samples in 3 dimensions); set "
            + "model.ridge > 0", error.getMessage());
    }

    @Test
    void identicalSamplesCannotBeRidgedAndOneSampleCannotBeFitted() {
        List<double[]> same = List.of(new double[] {1, 2}, new double[] {1, 2});
        assertThrows(ModelFitException.class,
            () -> MAXIMUM_LIKELIHOOD.fit(TrainingSet.of(same), UNUSED));
        assertThrows(ModelFitException.class,
            () -> MAXIMUM_LIKELIHOOD.fit(TrainingSet.of(List.of(new double[] {1})), UNUSED));
    }

    @Test
    void accumulatorGivesTheMomentsOfAFitOnThePooledData() {
        SplittableRandom random = new SplittableRandom(17);
        for (GaussianFamily family : List.of(MAXIMUM_LIKELIHOOD, UNBIASED)) {
            IncrementalFamily.Accumulator<double[]> accumulator = family.accumulator();
            List<double[]> pooled = new ArrayList<>();
            List<Double> pooledWeights = new ArrayList<>();
            for (int size : new int[] {7, 1, 30, 12}) {
                TrainingSet<double[]> batch = batch(size, random);
                accumulator.add(batch);
                for (int i = 0; i < size; i++) {
                    pooled.add(batch.samples().get(i));
                    pooledWeights.add(batch.weight(i));
                }
                double[] weights = pooledWeights.stream().mapToDouble(Double::doubleValue)
                    .toArray();
                GaussianMoments incremental = moments(accumulator.fit());
                GaussianMoments direct = moments(family.fit(new TrainingSet<>(pooled, weights),
                    UNUSED));
                assertArrayEquals(direct.mean(), incremental.mean(), 1e-10);
                assertArrayEquals(direct.covariance(), incremental.covariance(), 1e-10);
            }
        }
    }

    @Test
    void aMomentBatchFitsLikeTheRowsItSummarises() {
        SplittableRandom random = new SplittableRandom(23);
        TrainingSet<double[]> rows = batch(9, random);
        List<double[]> samples = rows.samples();
        // The batch's mean and centred scatter, computed here by hand.
        double[] mean = new double[3];
        for (double[] x : samples) {
            for (int i = 0; i < 3; i++) {
                mean[i] += x[i] / samples.size();
            }
        }
        double[] scatter = new double[9];
        for (double[] x : samples) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    scatter[i * 3 + j] += (x[i] - mean[i]) * (x[j] - mean[j]);
                }
            }
        }
        SampleMoments summary = new SampleMoments(samples.size(), mean, scatter);
        TrainingSet<double[]> real = batch(5, random);
        List<double[]> all = new ArrayList<>(real.samples());
        all.addAll(samples);
        for (GaussianFamily family : List.of(MAXIMUM_LIKELIHOOD, UNBIASED)) {
            GaussianMoments fromRows = moments(family.fit(TrainingSet.of(all), UNUSED));
            GaussianMoments mixed = moments(family.fit(
                new TrainingSet<>(real.samples(), null, List.of(summary)), UNUSED));
            assertArrayEquals(fromRows.mean(), mixed.mean(), 1e-10);
            assertArrayEquals(fromRows.covariance(), mixed.covariance(), 1e-10);
        }
    }

    /** 3-D points around (100, -50, 3) with a spread of order 1 and weights 1 or 2.5. */
    private static TrainingSet<double[]> batch(int size, SplittableRandom random) {
        List<double[]> samples = new ArrayList<>();
        double[] weights = new double[size];
        double shift = random.nextGaussian();
        for (int i = 0; i < size; i++) {
            double u = random.nextGaussian();
            samples.add(new double[] {100 + shift + u, -50 + 0.5 * u + random.nextGaussian(),
                3 + 2 * random.nextGaussian()});
            weights[i] = random.nextBoolean() ? 1 : 2.5;
        }
        return new TrainingSet<>(samples, weights);
    }
}
