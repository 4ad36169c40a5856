package org.collapselab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.collapselab.math.Cholesky;
import org.collapselab.math.NotPositiveDefiniteException;

/**
 * Least squares on a fixed design. A sample is a row (x_1, ..., x_d, y); the fitted model keeps
 * the design rows it was trained on and relabels them, y = x . w_hat + N(0, sigma^2), which is how
 * the next generation's labels come from the previous generation plus fresh noise.
 *
 * <p>Not a generative model of x, but its collapse has an exact closed form (Mobahi et al. 2020;
 * Dohmatob, Feng and Kempe 2024; Gerstgrasser et al. 2024): with d features, T rows of a Gaussian
 * design and noise variance sigma^2, each generation under {@code replace} adds
 * sigma^2 d / (T - d - 1) to the expected excess test error, while {@code accumulate} keeps the
 * total below pi^2/6 times the first increment.
 *
 * @param noiseVariance the sigma^2 of the fresh label noise; 0 means the unbiased residual
 *     variance RSS / (n - d) of each fit
 */
public record LinearRegressionFamily(double noiseVariance)
    implements IncrementalFamily<double[]> {

    public LinearRegressionFamily {
        if (!(noiseVariance >= 0)) {
            throw new IllegalArgumentException("noise variance must be >= 0, got "
                + noiseVariance);
        }
    }

    @Override
    public String name() {
        return "linear-regression";
    }

    @Override
    public GenerativeModel<double[]> fit(TrainingSet<double[]> training, RandomGenerator random) {
        NormalEquations equations = new NormalEquations();
        equations.add(training);
        return equations.fit();
    }

    @Override
    public Accumulator<double[]> accumulator() {
        return new NormalEquations();
    }

    /**
     * The sufficient statistics of least squares, X^T W X, X^T W y, y^T W y and the total weight,
     * summed batch by batch; the first rows seen are the design that the fitted model relabels.
     */
    private final class NormalEquations implements Accumulator<double[]> {

        private double[] gram;
        private double[] moment;
        private double labelSquares;
        private double weight;
        private int rows;
        /** The rows of the first batch: the fixed design. */
        private List<double[]> design;

        @Override
        public void add(TrainingSet<double[]> batch) {
            if (batch.size() == 0) {
                return;
            }
            int dim = batch.samples().get(0).length - 1;
            if (gram == null) {
                gram = new double[dim * dim];
                moment = new double[dim];
                design = batch.samples();
            }
            for (int s = 0; s < batch.size(); s++) {
                double[] row = batch.samples().get(s);
                double w = batch.weight(s);
                for (int i = 0; i < dim; i++) {
                    double wx = w * row[i];
                    moment[i] += wx * row[dim];
                    for (int j = 0; j <= i; j++) {
                        gram[i * dim + j] += wx * row[j];
                    }
                }
                labelSquares += w * row[dim] * row[dim];
                weight += w;
            }
            rows += batch.size();
        }

        @Override
        public GenerativeModel<double[]> fit() {
            int dim = moment.length;
            if (rows <= dim) {
                throw new ModelFitException("linear-regression needs more rows than features: "
                    + rows + " rows, " + dim + " features");
            }
            double[] full = gram.clone();
            for (int i = 0; i < dim; i++) {
                for (int j = 0; j < i; j++) {
                    full[j * dim + i] = full[i * dim + j];
                }
            }
            double[] coefficients = solve(full, moment, dim);
            double sigma2 = noiseVariance;
            if (sigma2 == 0) {
                // RSS = y'Wy - w'X'Wy at the least-squares solution.
                double explained = 0;
                for (int i = 0; i < dim; i++) {
                    explained += coefficients[i] * moment[i];
                }
                sigma2 = Math.max(labelSquares - explained, 0) / (weight - dim);
            }
            return new Fitted(design, coefficients, sigma2);
        }
    }

    private static double[] solve(double[] gram, double[] moment, int dim) {
        try {
            Cholesky factor = Cholesky.of(gram, dim);
            double[] y = moment.clone();
            factor.solveLowerInPlace(y);
            // Back substitution with L^T.
            for (int i = dim - 1; i >= 0; i--) {
                double sum = y[i];
                for (int k = i + 1; k < dim; k++) {
                    sum -= factor.lower(k, i) * y[k];
                }
                y[i] = sum / factor.lower(i, i);
            }
            return y;
        } catch (NotPositiveDefiniteException singular) {
            throw new ModelFitException("linear-regression design is singular (collinear "
                + "features)");
        }
    }

    static double dot(double[] row, double[] w, int dim) {
        double sum = 0;
        for (int i = 0; i < dim; i++) {
            sum += row[i] * w[i];
        }
        return sum;
    }

    /** A fitted linear model over its training design. */
    public static final class Fitted implements GenerativeModel<double[]>, LinearPredictor {

        /** The training rows, whose x parts are relabelled in order by {@link #sample}. */
        private final List<double[]> design;
        /** The least-squares coefficients. */
        private final double[] coefficients;
        /** The label noise variance used for sampling and for the density. */
        private final double noiseVariance;

        Fitted(List<double[]> design, double[] coefficients, double noiseVariance) {
            this.design = design;
            this.coefficients = coefficients;
            this.noiseVariance = noiseVariance;
        }

        /** Relabels the first {@code count} design rows (cycling if count exceeds them). */
        @Override
        public List<double[]> sample(int count, RandomGenerator random) {
            int dim = coefficients.length;
            double sd = Math.sqrt(noiseVariance);
            List<double[]> out = new ArrayList<>(count);
            for (int s = 0; s < count; s++) {
                double[] row = design.get(s % design.size()).clone();
                row[dim] = dot(row, coefficients, dim) + sd * random.nextGaussian();
                out.add(row);
            }
            return out;
        }

        @Override
        public boolean hasDensity() {
            return true;
        }

        /** log N(y; x . w, sigma^2): the conditional density of the label. */
        @Override
        public double logDensity(double[] row) {
            int dim = coefficients.length;
            double r = row[dim] - dot(row, coefficients, dim);
            return -0.5 * (Math.log(2 * Math.PI * noiseVariance) + r * r / noiseVariance);
        }

        @Override
        public double[] coefficients() {
            return coefficients.clone();
        }

        @Override
        public double noiseVariance() {
            return noiseVariance;
        }
    }
}
