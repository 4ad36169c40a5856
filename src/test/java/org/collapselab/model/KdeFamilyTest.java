package org.collapselab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KdeFamilyTest {

    private static final SplittableRandom UNUSED = new SplittableRandom(0);

    private static List<double[]> rows(double[]... rows) {
        return List.of(rows);
    }

    private static List<double[]> line(int n) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            points.add(new double[] {i});
        }
        return points;
    }

    /** 40 correlated 2-D points. */
    private static List<double[]> correlatedCloud(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double u = random.nextGaussian();
            points.add(new double[] {1 + 2 * u, -1 + u + 0.5 * random.nextGaussian()});
        }
        return points;
    }

    @Test
    void totalVarianceIsThePointSpreadPlusTheTraceOfHAndMatchesALargeSample() {
        List<double[]> points = correlatedCloud(3);
        double[] weights = new double[points.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = i % 4 == 0 ? 3 : 1;
        }
        KdeModel model = new KdeFamily(KdeOptions.scott())
            .fit(new TrainingSet<>(points, weights), UNUSED);

        // Closed form: sum_i p_i |x_i - m|^2 + tr H, with p_i = w_i / W and m = sum_i p_i x_i.
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double[] mean = new double[2];
        for (int i = 0; i < points.size(); i++) {
            mean[0] += weights[i] / total * points.get(i)[0];
            mean[1] += weights[i] / total * points.get(i)[1];
        }
        double spread = 0;
        for (int i = 0; i < points.size(); i++) {
            double[] x = points.get(i);
            spread += weights[i] / total
                * ((x[0] - mean[0]) * (x[0] - mean[0]) + (x[1] - mean[1]) * (x[1] - mean[1]));
        }
        double[] h = model.bandwidth().matrix();
        assertEquals(spread + h[0] + h[3], model.totalVariance(), 1e-12);

        List<double[]> draws = model.sample(200_000, new SplittableRandom(5));
        double[] drawMean = new double[2];
        for (double[] x : draws) {
            drawMean[0] += x[0] / draws.size();
            drawMean[1] += x[1] / draws.size();
        }
        // The sample total variance is the mean of s = |x - mean|^2; its standard error is the
        // standard deviation of s over sqrt(N).
        double sum = 0;
        double sumSquares = 0;
        for (double[] x : draws) {
            double s = (x[0] - drawMean[0]) * (x[0] - drawMean[0])
                + (x[1] - drawMean[1]) * (x[1] - drawMean[1]);
            sum += s;
            sumSquares += s * s;
        }
        double average = sum / draws.size();
        double standardError = Math.sqrt((sumSquares / draws.size() - average * average)
            / draws.size());
        assertEquals(model.totalVariance(), average, 4 * standardError);
    }

    @Test
    void aOnePointEstimateHasTheGaussianLogDensity() {
        double[] centre = {1, -2, 0.5};
        double h = 0.7;
        KdeModel model = new KdeFamily(KdeOptions.fixed(h)).fit(TrainingSet.of(rows(centre)),
            UNUSED);

        // log N(x | c, h^2 I) = -(d/2) log(2 pi h^2) - |x - c|^2 / (2 h^2).
        double[][] queries = {{1, -2, 0.5}, {0, 0, 0}, {3, -1, -2}, {10, 10, 10}};
        for (double[] x : queries) {
            double squared = 0;
            for (int c = 0; c < 3; c++) {
                squared += (x[c] - centre[c]) * (x[c] - centre[c]);
            }
            double expected = -1.5 * Math.log(2 * Math.PI * h * h) - squared / (2 * h * h);
            assertEquals(expected, model.logDensity(x), 1e-12 * Math.abs(expected) + 1e-12);
        }
    }

    @Test
    void aWeightedTwoPointEstimateHasTheMixtureLogDensity() {
        KdeModel model = new KdeFamily(KdeOptions.fixed(0.5)).fit(
            new TrainingSet<>(rows(new double[] {0}, new double[] {2}), new double[] {1, 3}),
            UNUSED);

        // q(x) = 0.25 N(x | 0, 0.25) + 0.75 N(x | 2, 0.25).
        for (double x = -3; x <= 5; x += 0.25) {
            double expected = Math.log(0.25 * normal(x, 0, 0.25) + 0.75 * normal(x, 2, 0.25));
            assertEquals(expected, model.logDensity(new double[] {x}), 1e-12, "x = " + x);
        }
    }

    private static double normal(double x, double mean, double variance) {
        return Math.exp(-(x - mean) * (x - mean) / (2 * variance))
            / Math.sqrt(2 * Math.PI * variance);
    }

    @Test
    void scottAndSilvermanFactorsInOneDimension() {
        // n = 32, d = 1: Scott h = 32^(-1/5) = 1/2; Silverman h = (4/3)^(1/5) / 2. The points
        // 0..31 have sample variance n (n + 1) / 12 = 88, so H = h^2 88.
        KdeModel scott = new KdeFamily(KdeOptions.scott()).fit(TrainingSet.of(line(32)), UNUSED);
        KdeModel silverman = new KdeFamily(KdeOptions.silverman())
            .fit(TrainingSet.of(line(32)), UNUSED);

        assertEquals(0.5, scott.bandwidth().factor(), 1e-15);
        assertEquals(0.25 * 88, scott.bandwidth().matrix()[0], 1e-12);
        double silvermanFactor = 0.5 * Math.pow(4.0 / 3, 0.2);
        assertEquals(silvermanFactor, silverman.bandwidth().factor(), 1e-15);
        assertEquals(silvermanFactor * silvermanFactor * 88, silverman.bandwidth().matrix()[0],
            1e-12);
        assertEquals(KdeBandwidth.Shape.COVARIANCE, scott.bandwidth().shape());
    }

    @Test
    void scottAndSilvermanAgreeInTwoDimensions() {
        // d = 2: (4/(d+2))^(1/(d+4)) = 1, and both factors are n^(-1/6); n = 64 gives 1/2.
        assertEquals(0.5, KdeFamily.factor(KdeOptions.Bandwidth.SCOTT, 64, 2), 1e-15);
        assertEquals(0.5, KdeFamily.factor(KdeOptions.Bandwidth.SILVERMAN, 64, 2), 1e-15);
    }

    @Test
    void weightsEnterThroughTheEffectiveSampleSizeAndTheWeightedCovariance() {
        // Points 0, 1, 2, 3 with weights 1, 1, 1, 3: W = 6, sum w^2 = 12, n_eff = 36 / 12 = 3;
        // mean 12 / 6 = 2, scatter 4 + 1 + 0 + 3 = 8, Sigma_hat = 8 / (6 - 12 / 6) = 2.
        KdeModel model = new KdeFamily(KdeOptions.scott())
            .fit(new TrainingSet<>(line(4), new double[] {1, 1, 1, 3}), UNUSED);

        double h = Math.pow(3, -0.2);
        assertEquals(3, model.bandwidth().effectiveSampleSize(), 1e-15);
        assertEquals(h, model.bandwidth().factor(), 1e-15);
        assertEquals(h * h * 2, model.bandwidth().matrix()[0], 1e-12);
    }

    @Test
    void fewerPointsThanDimensionsFallBackToTheDiagonal() {
        // Two points in 3-D: Sigma_hat has rank 1; its diagonal is (0.5, 2, 4.5).
        KdeModel model = new KdeFamily(KdeOptions.scott())
            .fit(TrainingSet.of(rows(new double[] {0, 0, 0}, new double[] {1, 2, 3})), UNUSED);

        double hSquared = Math.pow(2, -2.0 / 7);
        assertEquals(KdeBandwidth.Shape.DIAGONAL, model.bandwidth().shape());
        assertArrayEquals(new double[] {0.5 * hSquared, 0, 0, 0, 2 * hSquared, 0, 0, 0,
            4.5 * hSquared}, model.bandwidth().matrix(), 1e-12);
    }

    @Test
    void identicalPointsFallBackToTheFlooredIdentity() {
        KdeModel model = new KdeFamily(KdeOptions.silverman()).fit(TrainingSet.of(
            rows(new double[] {4, 4}, new double[] {4, 4}, new double[] {4, 4})), UNUSED);

        double h = KdeFamily.factor(KdeOptions.Bandwidth.SILVERMAN, 3, 2);
        double floor = h * h * KdeFamily.VARIANCE_FLOOR;
        assertEquals(KdeBandwidth.Shape.FLOOR, model.bandwidth().shape());
        assertArrayEquals(new double[] {floor, 0, 0, floor}, model.bandwidth().matrix(), 0);
        assertEquals(2 * floor, model.totalVariance(), 1e-20);
    }

    @Test
    void aConstantCoordinateGetsTheFloorAndTheOthersKeepTheirVariance() {
        // Second coordinate constant; the first has sample variance 1 (points -1, 0, 1).
        KdeModel model = new KdeFamily(KdeOptions.scott()).fit(TrainingSet.of(
            rows(new double[] {-1, 5}, new double[] {0, 5}, new double[] {1, 5})), UNUSED);

        double hSquared = Math.pow(3, -2.0 / 6);
        assertEquals(KdeBandwidth.Shape.FLOOR, model.bandwidth().shape());
        assertArrayEquals(new double[] {hSquared, 0, 0, hSquared * KdeFamily.VARIANCE_FLOOR},
            model.bandwidth().matrix(), 1e-15);
    }

    @Test
    void kernelsAreChosenInProportionToTheirWeights() {
        KdeModel model = new KdeFamily(KdeOptions.fixed(1e-6)).fit(
            new TrainingSet<>(rows(new double[] {0}, new double[] {10}), new double[] {1, 3}),
            UNUSED);
        int n = 10_000;
        int nearTen = 0;
        for (double[] x : model.sample(n, new SplittableRandom(21))) {
            nearTen += x[0] > 5 ? 1 : 0;
        }
        // Binomial share 3/4, standard error sqrt(3/16 / n).
        assertEquals(0.75, (double) nearTen / n, 4 * Math.sqrt(3.0 / 16 / n));
    }

    @Test
    void fittingAndSamplingAreDeterministic() {
        KdeFamily family = new KdeFamily(KdeOptions.silverman());
        KdeModel first = family.fit(TrainingSet.of(correlatedCloud(8)), new SplittableRandom(1));
        KdeModel second = family.fit(TrainingSet.of(correlatedCloud(8)), new SplittableRandom(2));

        assertArrayEquals(first.bandwidth().matrix(), second.bandwidth().matrix(), 0);
        List<double[]> a = first.sample(50, new SplittableRandom(4));
        List<double[]> b = second.sample(50, new SplittableRandom(4));
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i), 0);
        }
    }

    @Test
    void anEmptyTrainingSetIsAFitError() {
        ModelFitException error = assertThrows(ModelFitException.class,
            () -> new KdeFamily(KdeOptions.scott()).fit(TrainingSet.of(List.of()), UNUSED));
        assertEquals("kde: the training set is empty", error.getMessage());
    }

    @Test
    void anInfiniteValueIsAFitError() {
        ModelFitException error = assertThrows(ModelFitException.class,
            () -> new KdeFamily(KdeOptions.scott()).fit(TrainingSet.of(
                rows(new double[] {0}, new double[] {Double.POSITIVE_INFINITY})), UNUSED));
        assertEquals("kde: sample 1 has the non-finite value Infinity in coordinate 0",
            error.getMessage());
    }

    @Test
    void aFixedRuleNeedsAPositiveValueAndTheOthersTakeNone() {
        assertThrows(IllegalArgumentException.class, () -> KdeOptions.fixed(0));
        assertThrows(IllegalArgumentException.class,
            () -> new KdeOptions(KdeOptions.Bandwidth.SCOTT, 0.3));
    }
}
