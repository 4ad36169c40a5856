package org.collapselab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinearRegressionFamilyTest {

    private static final SplittableRandom UNUSED = new SplittableRandom(0);
    private static final double[] COEFFICIENTS = {2, -1, 0.5};

    /** Rows (x1, x2, x3, y) with Gaussian x and y = x . w + noise * N(0, 1). */
    private static List<double[]> rows(int count, double[] w, double noise,
                                       SplittableRandom random) {
        List<double[]> out = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            double[] row = new double[w.length + 1];
            for (int i = 0; i < w.length; i++) {
                row[i] = random.nextGaussian();
                row[w.length] += w[i] * row[i];
            }
            row[w.length] += noise * random.nextGaussian();
            out.add(row);
        }
        return out;
    }

    private static LinearPredictor fit(LinearRegressionFamily family, TrainingSet<double[]> set) {
        return (LinearPredictor) family.fit(set, UNUSED);
    }

    @Test
    void noiselessLabelsGiveTheExactCoefficients() {
        List<double[]> data = rows(10, COEFFICIENTS, 0, new SplittableRandom(5));
        LinearPredictor model = fit(new LinearRegressionFamily(1), TrainingSet.of(data));
        assertArrayEquals(COEFFICIENTS, model.coefficients(), 1e-12);
        assertEquals(1, model.noiseVariance(), 0);
    }

    @Test
    void anEstimatedNoiseVarianceIsZeroOnNoiselessLabels() {
        List<double[]> data = rows(10, COEFFICIENTS, 0, new SplittableRandom(6));
        // RSS = 0, so RSS / (n - d) = 0 up to the rounding of y'y - w'X'y.
        assertEquals(0, fit(new LinearRegressionFamily(0), TrainingSet.of(data)).noiseVariance(),
            1e-12);
    }

    @Test
    void accumulatorEqualsAFitOnTheStackedRows() {
        SplittableRandom random = new SplittableRandom(8);
        LinearRegressionFamily family = new LinearRegressionFamily(0);
        IncrementalFamily.Accumulator<double[]> accumulator = family.accumulator();
        List<double[]> stacked = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int size : new int[] {6, 20, 9}) {
            List<double[]> batch = rows(size, COEFFICIENTS, 0.3, random);
            double[] w = new double[size];
            for (int i = 0; i < size; i++) {
                w[i] = 1 + (i % 3);
                weights.add(w[i]);
            }
            accumulator.add(new TrainingSet<>(batch, w));
            stacked.addAll(batch);
            LinearPredictor incremental = (LinearPredictor) accumulator.fit();
            LinearPredictor direct = fit(family, new TrainingSet<>(stacked,
                weights.stream().mapToDouble(Double::doubleValue).toArray()));
            assertArrayEquals(direct.coefficients(), incremental.coefficients(), 1e-12);
            assertEquals(direct.noiseVariance(), incremental.noiseVariance(), 1e-12);
        }
    }

    @Test
    void samplesRelabelTheTrainingDesignInOrder() {
        List<double[]> data = rows(5, COEFFICIENTS, 0.1, new SplittableRandom(9));
        GenerativeModel<double[]> model = new LinearRegressionFamily(1e-30)
            .fit(TrainingSet.of(data), UNUSED);
        double[] w = ((LinearPredictor) model).coefficients();
        List<double[]> samples = model.sample(7, new SplittableRandom(1));
        for (int s = 0; s < samples.size(); s++) {
            double[] x = data.get(s % data.size());
            double[] y = samples.get(s);
            // The x part is the design row s mod 5; the label is x . w up to sd 1e-15.
            assertArrayEquals(java.util.Arrays.copyOf(x, 3), java.util.Arrays.copyOf(y, 3), 0);
            assertEquals(x[0] * w[0] + x[1] * w[1] + x[2] * w[2], y[3], 1e-12);
        }
    }

    @Test
    void asManyRowsAsFeaturesCannotBeFitted() {
        List<double[]> data = rows(3, COEFFICIENTS, 0, new SplittableRandom(10));
        assertThrows(ModelFitException.class,
            () -> new LinearRegressionFamily(1).fit(TrainingSet.of(data), UNUSED));
    }
}
