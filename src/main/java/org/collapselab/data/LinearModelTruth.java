package org.collapselab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The true linear model y = x . w* + N(0, sigma^2) with x ~ N(0, I_d). A sample is the row
 * (x_1, ..., x_d, y); the density is that of y given x.
 *
 * @param coefficients w*
 * @param noiseVariance sigma^2
 */
public record LinearModelTruth(double[] coefficients, double noiseVariance)
    implements Truth<double[]> {

    public int features() {
        return coefficients.length;
    }

    @Override
    public double logDensity(double[] row) {
        double r = row[features()] - mean(row);
        return -0.5 * (Math.log(2 * Math.PI * noiseVariance) + r * r / noiseVariance);
    }

    double mean(double[] row) {
        double sum = 0;
        for (int i = 0; i < features(); i++) {
            sum += row[i] * coefficients[i];
        }
        return sum;
    }

    /** Rows with fresh Gaussian x (used for the probe). */
    @Override
    public List<double[]> sample(int count, RandomGenerator random) {
        List<double[]> out = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            double[] row = new double[features() + 1];
            for (int i = 0; i < features(); i++) {
                row[i] = random.nextGaussian();
            }
            row[features()] = mean(row) + Math.sqrt(noiseVariance) * random.nextGaussian();
            out.add(row);
        }
        return out;
    }

    /** Not a distribution of x: no total variance. */
    @Override
    public double totalVariance() {
        return Double.NaN;
    }

    /**
     * The excess test error E_x[(x . w - x . w*)^2] = |w - w*|^2 of coefficients w, since
     * x ~ N(0, I).
     */
    public double excessError(double[] w) {
        double sum = 0;
        for (int i = 0; i < features(); i++) {
            double e = w[i] - coefficients[i];
            sum += e * e;
        }
        return sum;
    }
}
