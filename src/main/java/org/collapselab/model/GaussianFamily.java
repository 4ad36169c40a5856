package org.collapselab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.collapselab.math.Cholesky;
import org.collapselab.math.NotPositiveDefiniteException;

/**
 * The multivariate normal fitted by maximum likelihood (or with the unbiased covariance).
 *
 * <p>Mean and covariance are weighted sample moments: mu = sum w_i x_i / W and
 * Sigma = sum w_i (x_i - mu)(x_i - mu)^T / W, or over W - 1 when {@code unbiased} (for unit
 * weights, the usual n - 1). They are computed in two passes (mean first, then centred products),
 * which avoids the cancellation of the one-pass sum-of-squares formula when the variance is small
 * against the mean, as it becomes under collapse.
 *
 * <p>When the covariance is singular (n &lt;= d, or all samples on a hyperplane) a ridge
 * {@code ridge * tr(Sigma) / d} is added to its diagonal so that the model keeps a density; this
 * is the only departure from the plain estimator and is applied only when needed.
 *
 * @param unbiased divide by W - 1 instead of W
 * @param ridge relative ridge for singular covariances, {@code >= 0}
 */
public record GaussianFamily(boolean unbiased, double ridge)
    implements IncrementalFamily<double[]> {

    /** The default ridge: small enough to leave regular fits untouched to 1e-6 relative. */
    public static final double DEFAULT_RIDGE = 1e-6;

    public GaussianFamily {
        if (!(ridge >= 0)) {
            throw new IllegalArgumentException("ridge must be >= 0, got " + ridge);
        }
    }

    @Override
    public String name() {
        return "gaussian";
    }

    @Override
    public GenerativeModel<double[]> fit(TrainingSet<double[]> training, RandomGenerator random) {
        int n = training.size();
        if (n < 2) {
            throw new ModelFitException("gaussian needs at least 2 training samples, got " + n);
        }
        int dim = training.samples().get(0).length;
        double totalWeight = 0;
        double[] mean = new double[dim];
        for (int s = 0; s < n; s++) {
            double w = training.weight(s);
            double[] x = training.samples().get(s);
            totalWeight += w;
            for (int i = 0; i < dim; i++) {
                mean[i] += w * x[i];
            }
        }
        for (int i = 0; i < dim; i++) {
            mean[i] /= totalWeight;
        }
        double[] covariance = centredScatter(training, mean, dim);
        double divisor = unbiased ? totalWeight - 1 : totalWeight;
        for (int k = 0; k < covariance.length; k++) {
            covariance[k] /= divisor;
        }
        return new Fitted(moments(mean, covariance, n));
    }

    /** sum w_i (x_i - mu)(x_i - mu)^T, filled in both triangles. */
    private static double[] centredScatter(TrainingSet<double[]> training, double[] mean, int dim) {
        double[] scatter = new double[dim * dim];
        double[] centred = new double[dim];
        for (int s = 0; s < training.size(); s++) {
            double w = training.weight(s);
            double[] x = training.samples().get(s);
            for (int i = 0; i < dim; i++) {
                centred[i] = x[i] - mean[i];
            }
            for (int i = 0; i < dim; i++) {
                double wi = w * centred[i];
                int row = i * dim;
                for (int j = 0; j <= i; j++) {
                    scatter[row + j] += wi * centred[j];
                }
            }
        }
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < i; j++) {
                scatter[j * dim + i] = scatter[i * dim + j];
            }
        }
        return scatter;
    }

    private GaussianMoments moments(double[] mean, double[] covariance, int n) {
        int dim = mean.length;
        checkFinite(mean, covariance);
        if (n > dim) {
            try {
                return new GaussianMoments(mean, covariance, Cholesky.of(covariance, dim));
            } catch (NotPositiveDefiniteException singular) {
                // Samples on a hyperplane: fall through to the ridge.
            }
        }
        double trace = 0;
        for (int i = 0; i < dim; i++) {
            trace += covariance[i * dim + i];
        }
        if (!(trace > 0) || ridge == 0) {
            throw new ModelFitException("gaussian covariance is singular (" + n + " samples in "
                + dim + " dimensions" + (trace > 0 ? "" : ", all identical")
                + "); set model.ridge > 0");
        }
        double[] ridged = covariance.clone();
        double added = ridge * trace / dim;
        for (int i = 0; i < dim; i++) {
            ridged[i * dim + i] += added;
        }
        return new GaussianMoments(mean, ridged, Cholesky.of(ridged, dim));
    }

    private static void checkFinite(double[] mean, double[] covariance) {
        for (double v : mean) {
            if (!Double.isFinite(v)) {
                throw new ModelFitException("gaussian mean is not finite: training data holds "
                    + "NaN or infinite values");
            }
        }
        for (double v : covariance) {
            if (!Double.isFinite(v)) {
                throw new ModelFitException("gaussian covariance is not finite");
            }
        }
    }

    @Override
    public Accumulator<double[]> accumulator() {
        return new RunningMoments();
    }

    /**
     * Weighted mean and centred scatter of a growing pool, merged batch by batch with the pairwise
     * update of Chan, Golub and LeVeque (1983): for pools A and B with weights W_a, W_b and means
     * m_a, m_b, the scatter of the union is S_a + S_b + (m_b - m_a)(m_b - m_a)^T W_a W_b / W. This
     * stays accurate where the raw sums of squares would cancel.
     */
    private final class RunningMoments implements Accumulator<double[]> {

        /** Total weight of the pool. */
        private double weight;
        /** Number of samples in the pool. */
        private int count;
        /** Weighted mean of the pool (null until the first batch). */
        private double[] mean;
        /** Weighted centred scatter of the pool, both triangles. */
        private double[] scatter;

        @Override
        public void add(TrainingSet<double[]> batch) {
            if (batch.size() == 0) {
                return;
            }
            int dim = batch.samples().get(0).length;
            double batchWeight = 0;
            double[] batchMean = new double[dim];
            for (int s = 0; s < batch.size(); s++) {
                double w = batch.weight(s);
                batchWeight += w;
                double[] x = batch.samples().get(s);
                for (int i = 0; i < dim; i++) {
                    batchMean[i] += w * x[i];
                }
            }
            for (int i = 0; i < dim; i++) {
                batchMean[i] /= batchWeight;
            }
            double[] batchScatter = centredScatter(batch, batchMean, dim);
            if (mean == null) {
                weight = batchWeight;
                count = batch.size();
                mean = batchMean;
                scatter = batchScatter;
                return;
            }
            merge(batchWeight, batch.size(), batchMean, batchScatter, dim);
        }

        private void merge(double batchWeight, int batchCount, double[] batchMean,
                           double[] batchScatter, int dim) {
            double total = weight + batchWeight;
            double[] delta = new double[dim];
            for (int i = 0; i < dim; i++) {
                delta[i] = batchMean[i] - mean[i];
            }
            double factor = weight * batchWeight / total;
            for (int i = 0; i < dim; i++) {
                int row = i * dim;
                for (int j = 0; j < dim; j++) {
                    scatter[row + j] += batchScatter[row + j] + factor * delta[i] * delta[j];
                }
                mean[i] += delta[i] * batchWeight / total;
            }
            weight = total;
            count += batchCount;
        }

        @Override
        public GenerativeModel<double[]> fit() {
            if (count < 2) {
                throw new ModelFitException("gaussian needs at least 2 training samples, got "
                    + count);
            }
            double divisor = unbiased ? weight - 1 : weight;
            double[] covariance = new double[scatter.length];
            for (int k = 0; k < covariance.length; k++) {
                covariance[k] = scatter[k] / divisor;
            }
            return new Fitted(moments(mean.clone(), covariance, count));
        }
    }

    /** A fitted multivariate normal. */
    public static final class Fitted implements GenerativeModel<double[]> {

        /** The parameters, with the covariance already factored for sampling and densities. */
        private final GaussianMoments moments;
        /** -(d/2) log(2 pi) - (1/2) log det Sigma, the constant of every log-density. */
        private final double logNormaliser;

        public Fitted(GaussianMoments moments) {
            this.moments = moments;
            this.logNormaliser = -0.5 * (moments.dim() * Math.log(2 * Math.PI)
                + moments.cholesky().logDeterminant());
        }

        @Override
        public List<double[]> sample(int count, RandomGenerator random) {
            int dim = moments.dim();
            List<double[]> out = new ArrayList<>(count);
            double[] z = new double[dim];
            for (int s = 0; s < count; s++) {
                for (int i = 0; i < dim; i++) {
                    z[i] = random.nextGaussian();
                }
                double[] x = new double[dim];
                moments.cholesky().transform(z, moments.mean(), x);
                out.add(x);
            }
            return out;
        }

        @Override
        public boolean hasDensity() {
            return true;
        }

        @Override
        public double logDensity(double[] x) {
            int dim = moments.dim();
            double[] centred = new double[dim];
            for (int i = 0; i < dim; i++) {
                centred[i] = x[i] - moments.mean()[i];
            }
            double[] scratch = new double[dim];
            return logNormaliser - 0.5 * moments.cholesky().mahalanobisSquared(centred, scratch);
        }

        @Override
        public Optional<GaussianMoments> gaussianMoments() {
            return Optional.of(moments);
        }
    }
}
