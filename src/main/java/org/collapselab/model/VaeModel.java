package org.collapselab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A fitted {@code vae} generation: a Gaussian decoder p(y | z) = N(y; mu(z), diag sigma^2(z))
 * under the standard normal prior p(z) = N(0, I), with a Gaussian encoder
 * q(z | y) = N(z; m(y), diag s^2(y)), on standardised data y = (x - c) / s_x, where c and s_x
 * are the training set's mean and standard deviation per coordinate.
 *
 * <p>The weights are copied out of the trained Deeplearning4j layer, so sampling and densities
 * run on plain arrays: the model is immutable, needs no ND4J, and can be used from any thread.
 * Hidden layers use tanh; the heads are linear, and each Gaussian head gives a mean and a log
 * variance.
 *
 * <p>Sampling: z ~ N(0, I), y ~ p(y | z), x = c + s_x y.
 *
 * <p>Density: the importance-sampled estimate of Burda, Grosse and Salakhutdinov (Importance
 * Weighted Autoencoders, ICLR 2016) with k draws z_i ~ q(z | y):
 * <pre>  log p(y) ~ log (1/k) sum_i p(y | z_i) p(z_i) / q(z_i | y),</pre>
 * then log q(x) = log p(y) - sum_j log s_x,j for the change of variables. Its expectation is a
 * lower bound on log p(y) that tightens as k grows. The draws come from a stream seeded by the
 * model and by the bits of y, so the estimate is a fixed function of x: repeated calls agree,
 * whatever the thread or the order of calls.
 */
public final class VaeModel implements GenerativeModel<double[]> {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    /** c: the training mean per coordinate, added back on sampling. */
    private final double[] center;
    /** s_x: the training standard deviation per coordinate. */
    private final double[] scale;
    /** sum_j log s_x,j, the log-Jacobian of the standardisation. */
    private final double logScale;
    private final List<DenseWeights> encoder;
    /** Encoder head: the latent mean m(y) and log variance log s^2(y) side by side. */
    private final DenseWeights latentMean;
    private final DenseWeights latentLogVariance;
    private final List<DenseWeights> decoder;
    /** Decoder head: 2d outputs, the mean mu(z) then the log variance log sigma^2(z). */
    private final DenseWeights output;
    /** k of the importance-sampled density. */
    private final int importanceSamples;
    /** Seeds the density's draws together with the bits of the point evaluated. */
    private final long densitySeed;

    VaeModel(double[] center, double[] scale, List<DenseWeights> encoder,
             DenseWeights latentMean, DenseWeights latentLogVariance,
             List<DenseWeights> decoder, DenseWeights output, int importanceSamples,
             long densitySeed) {
        this.center = center.clone();
        this.scale = scale.clone();
        double sum = 0;
        for (double s : scale) {
            sum += Math.log(s);
        }
        this.logScale = sum;
        this.encoder = List.copyOf(encoder);
        this.latentMean = latentMean;
        this.latentLogVariance = latentLogVariance;
        this.decoder = List.copyOf(decoder);
        this.output = output;
        this.importanceSamples = importanceSamples;
        this.densitySeed = densitySeed;
    }

    /** The data dimension d. */
    public int dim() {
        return center.length;
    }

    /** The latent dimension. */
    public int latent() {
        return latentMean.outputs();
    }

    /** k, the latent draws of each density estimate. */
    public int importanceSamples() {
        return importanceSamples;
    }

    @Override
    public List<double[]> sample(int count, RandomGenerator random) {
        List<double[]> out = new ArrayList<>(count);
        double[] z = new double[latent()];
        int dim = dim();
        for (int s = 0; s < count; s++) {
            for (int j = 0; j < z.length; j++) {
                z[j] = random.nextGaussian();
            }
            double[] gaussian = decode(z);
            double[] x = new double[dim];
            for (int j = 0; j < dim; j++) {
                double sd = Math.exp(0.5 * gaussian[dim + j]);
                x[j] = center[j] + scale[j] * (gaussian[j] + sd * random.nextGaussian());
            }
            out.add(x);
        }
        return out;
    }

    @Override
    public boolean hasDensity() {
        return true;
    }

    @Override
    public java.util.Optional<String> densityEstimator() {
        return java.util.Optional.of("importance-sampled(k=" + importanceSamples + ")");
    }

    @Override
    public double logDensity(double[] x) {
        int dim = dim();
        if (x.length != dim) {
            throw new IllegalArgumentException("vae: a point of dimension " + x.length
                + " for a model of dimension " + dim);
        }
        double[] y = standardise(x);
        double[] hidden = y;
        for (DenseWeights layer : encoder) {
            hidden = layer.tanh(hidden);
        }
        double[] mean = latentMean.linear(hidden);
        double[] logVariance = latentLogVariance.linear(hidden);
        double[] sd = new double[mean.length];
        for (int j = 0; j < sd.length; j++) {
            sd[j] = Math.exp(0.5 * logVariance[j]);
        }

        SplittableRandom random = new SplittableRandom(densitySeed ^ bitsHash(y));
        double[] logWeights = new double[importanceSamples];
        double[] z = new double[mean.length];
        for (int i = 0; i < importanceSamples; i++) {
            // log p(z) - log q(z | y) with z = m + s e: the (z^2 - e^2) / 2 and log s terms.
            double logRatio = 0;
            for (int j = 0; j < z.length; j++) {
                double e = random.nextGaussian();
                z[j] = mean[j] + sd[j] * e;
                logRatio += 0.5 * (e * e - z[j] * z[j]) + 0.5 * logVariance[j];
            }
            logWeights[i] = decoderLogDensity(y, z) + logRatio;
        }
        return logMeanExp(logWeights) - logScale;
    }

    /** log p(y | z) under the decoder's diagonal Gaussian. */
    double decoderLogDensity(double[] y, double[] z) {
        int dim = dim();
        double[] gaussian = decode(z);
        double sum = 0;
        for (int j = 0; j < dim; j++) {
            double logVariance = gaussian[dim + j];
            double diff = y[j] - gaussian[j];
            sum -= 0.5 * (LOG_2PI + logVariance + diff * diff * Math.exp(-logVariance));
        }
        return sum;
    }

    /** The decoder's output for z: d means, then d log variances, in standardised units. */
    double[] decode(double[] z) {
        double[] hidden = z;
        for (DenseWeights layer : decoder) {
            hidden = layer.tanh(hidden);
        }
        return output.linear(hidden);
    }

    /** The encoder's latent mean m(y) for a point x in data units. */
    double[] encodeMean(double[] x) {
        double[] hidden = standardise(x);
        for (DenseWeights layer : encoder) {
            hidden = layer.tanh(hidden);
        }
        return latentMean.linear(hidden);
    }

    private double[] standardise(double[] x) {
        double[] y = new double[x.length];
        for (int j = 0; j < y.length; j++) {
            y[j] = (x[j] - center[j]) / scale[j];
        }
        return y;
    }

    /** log((1/k) sum_i exp(a_i)), shifted by the largest term so that nothing overflows. */
    private static double logMeanExp(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double v : values) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum / values.length);
    }

    /** A 64-bit mix of the coordinates' bits (SplitMix64's finaliser after each one). */
    private static long bitsHash(double[] x) {
        long h = 0x9E3779B97F4A7C15L;
        for (double v : x) {
            h ^= Double.doubleToLongBits(v);
            h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
            h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
            h ^= h >>> 31;
        }
        return h;
    }
}
