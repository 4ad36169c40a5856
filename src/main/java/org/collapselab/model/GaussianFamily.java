package org.collapselab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.collapselab.math.Cholesky;
import org.collapselab.math.Gammas;
import org.collapselab.math.NotPositiveDefiniteException;

/**
 * The multivariate normal fitted by maximum likelihood (or with the unbiased covariance).
 *
 * <p>Mean and covariance are weighted sample moments: mu = sum w_i x_i / W and
 * Sigma = sum w_i (x_i - mu)(x_i - mu)^T / W, or over W - 1 when {@code unbiased} (for unit
 * weights, the usual n - 1). Each batch is summarised in two passes (mean first, then centred
 * products), which avoids the cancellation of the one-pass sum-of-squares formula when the
 * variance is small against the mean, as it becomes under collapse; batches are then merged with
 * the pairwise update of Chan, Golub and LeVeque (1983).
 *
 * <p>When the covariance is singular (n &lt;= d, or all samples on a hyperplane) a ridge
 * {@code ridge * tr(Sigma) / d} is added to its diagonal so that the model keeps a density; this
 * is the only departure from the plain estimator and is applied only when needed.
 *
 * <p>With {@code momentSampling}, a fitted model hands the next generation the sufficient
 * statistics of its n samples instead of the samples (see {@link Fitted#sampleMoments}): the same
 * distribution of fits at O(d^3) instead of O(n d^2) per generation.
 *
 * @param unbiased divide by W - 1 instead of W
 * @param ridge relative ridge for singular covariances, {@code >= 0}
 * @param momentSampling let the runner pass synthetic batches as moments
 */
public record GaussianFamily(boolean unbiased, double ridge, boolean momentSampling)
    implements IncrementalFamily<double[]> {

    /** The default ridge: small enough to leave regular fits untouched to 1e-6 relative. */
    public static final double DEFAULT_RIDGE = 1e-6;

    public GaussianFamily {
        if (!(ridge >= 0)) {
            throw new IllegalArgumentException("ridge must be >= 0, got " + ridge);
        }
    }

    /** A family whose synthetic batches are always sampled row by row. */
    public GaussianFamily(boolean unbiased, double ridge) {
        this(unbiased, ridge, false);
    }

    @Override
    public String name() {
        return "gaussian";
    }

    @Override
    public boolean acceptsMoments() {
        return momentSampling;
    }

    @Override
    public GenerativeModel<double[]> fit(TrainingSet<double[]> training, RandomGenerator random) {
        RunningMoments moments = new RunningMoments();
        moments.add(training);
        return moments.fit();
    }

    @Override
    public Accumulator<double[]> accumulator() {
        return new RunningMoments();
    }

    /**
     * sum w_i (x_i - mu)(x_i - mu)^T, filled in both triangles. Rows are taken four at a time so
     * that each pass over the d x d accumulator serves four samples: the accumulator, not the
     * arithmetic, is what limits this loop.
     */
    private static double[] centredScatter(TrainingSet<double[]> rows, double[] mean, int dim) {
        double[] scatter = new double[dim * dim];
        int n = rows.size();
        double[][] c = new double[4][dim];
        double[] w = new double[4];
        int s = 0;
        for (; s + 4 <= n; s += 4) {
            for (int b = 0; b < 4; b++) {
                centre(rows.samples().get(s + b), mean, c[b]);
                w[b] = rows.weight(s + b);
            }
            double[] c0 = c[0];
            double[] c1 = c[1];
            double[] c2 = c[2];
            double[] c3 = c[3];
            for (int i = 0; i < dim; i++) {
                double a0 = w[0] * c0[i];
                double a1 = w[1] * c1[i];
                double a2 = w[2] * c2[i];
                double a3 = w[3] * c3[i];
                int row = i * dim;
                for (int j = 0; j <= i; j++) {
                    scatter[row + j] += a0 * c0[j] + a1 * c1[j] + a2 * c2[j] + a3 * c3[j];
                }
            }
        }
        for (; s < n; s++) {
            double[] c0 = c[0];
            centre(rows.samples().get(s), mean, c0);
            double w0 = rows.weight(s);
            for (int i = 0; i < dim; i++) {
                double a0 = w0 * c0[i];
                int row = i * dim;
                for (int j = 0; j <= i; j++) {
                    scatter[row + j] += a0 * c0[j];
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

    private static void centre(double[] x, double[] mean, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = x[i] - mean[i];
        }
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
        if (!(trace > 0)) {
            // The ridge is a share of the spread, tr(Sigma) / d: with no spread it adds nothing.
            throw new ModelFitException("gaussian fit: the " + n + " training samples are all "
                + "the same point, so the data have no spread at all and no covariance exists "
                + "(model.ridge is relative to the spread and cannot help); give data whose "
                + "selected columns vary");
        }
        if (ridge == 0) {
            throw new ModelFitException("gaussian covariance is singular (" + n + " samples in "
                + dim + " dimensions); set model.ridge > 0");
        }
        double[] ridged = covariance.clone();
        double added = ridge * trace / dim;
        for (int i = 0; i < dim; i++) {
            ridged[i * dim + i] += added;
        }
        return new GaussianMoments(mean, ridged, Cholesky.of(ridged, dim));
    }

    /**
     * Rejects non-finite training data. The mean and the diagonal suffice: a NaN or infinite
     * sample makes them non-finite too, and they cost O(d) rather than O(d^2) to check.
     */
    private static void checkFinite(double[] mean, double[] covariance) {
        int dim = mean.length;
        for (int i = 0; i < dim; i++) {
            if (!Double.isFinite(mean[i])) {
                throw new ModelFitException("gaussian mean is not finite: training data holds "
                    + "NaN or infinite values");
            }
            if (!Double.isFinite(covariance[i * dim + i])) {
                throw new ModelFitException("gaussian covariance is not finite");
            }
        }
    }

    /** Weighted mean and centred scatter of a growing pool, merged batch by batch. */
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
            if (batch.size() > 0) {
                addRows(batch);
            }
            for (SampleMoments m : batch.moments()) {
                merge(m.count(), m.count(), m.mean(), m.scatter());
            }
        }

        private void addRows(TrainingSet<double[]> batch) {
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
            merge(batchWeight, batch.size(), batchMean, centredScatter(batch, batchMean, dim));
        }

        /**
         * Chan, Golub and LeVeque's update: for pools A and B with weights W_a, W_b and means m_a,
         * m_b, the scatter of the union is S_a + S_b + (m_b - m_a)(m_b - m_a)^T W_a W_b / W.
         */
        private void merge(double batchWeight, int batchCount, double[] batchMean,
                           double[] batchScatter) {
            int dim = batchMean.length;
            if (mean == null) {
                weight = batchWeight;
                count = batchCount;
                mean = batchMean.clone();
                scatter = batchScatter.clone();
                return;
            }
            double total = weight + batchWeight;
            double[] delta = new double[dim];
            for (int i = 0; i < dim; i++) {
                delta[i] = batchMean[i] - mean[i];
            }
            double factor = weight * batchWeight / total;
            for (int i = 0; i < dim; i++) {
                int row = i * dim;
                double scaled = factor * delta[i];
                for (int j = 0; j < dim; j++) {
                    scatter[row + j] += batchScatter[row + j] + scaled * delta[j];
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
    public static final class Fitted implements GenerativeModel<double[]>, MomentSampler {

        /** The parameters, with the covariance already factored for sampling and densities. */
        private final GaussianMoments moments;
        /** L^T row-major, so that x = mu + L z runs as axpy loops along rows. */
        private final double[] upper;
        /** -(d/2) log(2 pi) - (1/2) log det Sigma, the constant of every log-density. */
        private final double logNormaliser;

        public Fitted(GaussianMoments moments) {
            this.moments = moments;
            int dim = moments.dim();
            double[] lower = moments.cholesky().lower();
            this.upper = new double[dim * dim];
            for (int i = 0; i < dim; i++) {
                for (int k = 0; k <= i; k++) {
                    upper[k * dim + i] = lower[i * dim + k];
                }
            }
            this.logNormaliser = -0.5 * (dim * Math.log(2 * Math.PI)
                + moments.cholesky().logDeterminant());
        }

        @Override
        public List<double[]> sample(int count, RandomGenerator random) {
            int dim = moments.dim();
            List<double[]> out = new ArrayList<>(count);
            double[][] z = new double[4][dim];
            // x = mu + L z, four samples per pass over L^T so that each entry of the factor
            // is loaded once for four samples.
            int s = 0;
            for (; s + 4 <= count; s += 4) {
                double[][] x = new double[4][];
                for (int b = 0; b < 4; b++) {
                    for (int k = 0; k < dim; k++) {
                        z[b][k] = random.nextGaussian();
                    }
                    x[b] = moments.mean().clone();
                }
                transform4(z, x, dim);
                for (double[] row : x) {
                    out.add(row);
                }
            }
            for (; s < count; s++) {
                for (int k = 0; k < dim; k++) {
                    z[0][k] = random.nextGaussian();
                }
                double[] x = moments.mean().clone();
                for (int k = 0; k < dim; k++) {
                    double zk = z[0][k];
                    int row = k * dim;
                    for (int i = k; i < dim; i++) {
                        x[i] += upper[row + i] * zk;
                    }
                }
                out.add(x);
            }
            return out;
        }

        private void transform4(double[][] z, double[][] x, int dim) {
            double[] x0 = x[0];
            double[] x1 = x[1];
            double[] x2 = x[2];
            double[] x3 = x[3];
            for (int k = 0; k < dim; k++) {
                double z0 = z[0][k];
                double z1 = z[1][k];
                double z2 = z[2][k];
                double z3 = z[3][k];
                int row = k * dim;
                for (int i = k; i < dim; i++) {
                    double u = upper[row + i];
                    x0[i] += u * z0;
                    x1[i] += u * z1;
                    x2[i] += u * z2;
                    x3[i] += u * z3;
                }
            }
        }

        /**
         * The mean and scatter of {@code count} samples drawn directly: xbar = mu + L z / sqrt(n)
         * and, independently, S ~ Wishart_d(Sigma, n - 1) by Bartlett's decomposition
         * S = (L A)(L A)^T with A lower triangular, A_ii^2 ~ chi-square(n - 1 - i) (i from 0) and
         * A_ij ~ N(0, 1) below the diagonal (Bartlett 1933; Smith and Hocking 1972). Needs
         * n - 1 &gt;= d, otherwise the scatter is singular and rows are sampled instead.
         */
        @Override
        public Optional<SampleMoments> sampleMoments(int count, RandomGenerator random) {
            int dim = moments.dim();
            if (count - 1 < dim) {
                return Optional.empty();
            }
            double[] mean = moments.mean().clone();
            double root = Math.sqrt(count);
            for (int k = 0; k < dim; k++) {
                double z = random.nextGaussian() / root;
                int row = k * dim;
                for (int i = k; i < dim; i++) {
                    mean[i] += upper[row + i] * z;
                }
            }
            double[] bartlett = new double[dim * dim];
            for (int i = 0; i < dim; i++) {
                int row = i * dim;
                for (int j = 0; j < i; j++) {
                    bartlett[row + j] = random.nextGaussian();
                }
                bartlett[row + i] = Math.sqrt(2 * Gammas.sample((count - 1 - i) / 2.0, random));
            }
            double[] factor = lowerProduct(moments.cholesky().lower(), bartlett, dim);
            return Optional.of(new SampleMoments(count, mean, gram(factor, dim)));
        }

        /** C = A B for lower-triangular A and B (C is lower triangular). */
        private static double[] lowerProduct(double[] a, double[] b, int dim) {
            double[] c = new double[dim * dim];
            for (int i = 0; i < dim; i++) {
                int rowI = i * dim;
                for (int k = 0; k <= i; k++) {
                    double aik = a[rowI + k];
                    int rowK = k * dim;
                    for (int j = 0; j <= k; j++) {
                        c[rowI + j] += aik * b[rowK + j];
                    }
                }
            }
            return c;
        }

        /** M M^T for lower-triangular M, both triangles filled. */
        private static double[] gram(double[] m, int dim) {
            double[] g = new double[dim * dim];
            for (int i = 0; i < dim; i++) {
                int rowI = i * dim;
                for (int j = 0; j <= i; j++) {
                    int rowJ = j * dim;
                    double sum = 0;
                    for (int k = 0; k <= j; k++) {
                        sum += m[rowI + k] * m[rowJ + k];
                    }
                    g[rowI + j] = sum;
                    g[rowJ + i] = sum;
                }
            }
            return g;
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
