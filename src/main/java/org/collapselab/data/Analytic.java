package org.collapselab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Gamma;
import org.collapselab.model.GaussianMoments;
import org.collapselab.math.Matrices;

/**
 * The analytic truths: real distributions known exactly, so that KL and quality can be computed
 * against p itself.
 */
public final class Analytic {

    private Analytic() {
    }

    /** log(2 pi). */
    static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    /** The isotropic Gaussian N(m 1, v I) in d dimensions. */
    public record GaussianTruth(int dim, double mean, double variance) implements Truth<double[]> {

        @Override
        public double logDensity(double[] x) {
            double sum = 0;
            for (double xi : x) {
                double c = xi - mean;
                sum += c * c;
            }
            return -0.5 * (dim * (LOG_TWO_PI + Math.log(variance)) + sum / variance);
        }

        @Override
        public List<double[]> sample(int count, RandomGenerator random) {
            double sd = Math.sqrt(variance);
            List<double[]> out = new ArrayList<>(count);
            for (int s = 0; s < count; s++) {
                double[] x = new double[dim];
                for (int i = 0; i < dim; i++) {
                    x[i] = mean + sd * random.nextGaussian();
                }
                out.add(x);
            }
            return out;
        }

        @Override
        public Optional<GaussianMoments> gaussianMoments() {
            double[] mu = new double[dim];
            java.util.Arrays.fill(mu, mean);
            double[] diag = new double[dim];
            java.util.Arrays.fill(diag, variance);
            return Optional.of(GaussianMoments.of(mu, Matrices.diagonal(diag)));
        }

        @Override
        public double totalVariance() {
            return dim * variance;
        }

        @Override
        public double marginalQuantile(int coordinate, double probability) {
            return mean + Math.sqrt(variance)
                * new NormalDistribution(null, 0, 1).inverseCumulativeProbability(probability);
        }
    }

    /**
     * An equal-weight mixture of k unit-covariance Gaussians in d dimensions whose means sit on
     * the first axis at (c - (k - 1)/2) * separation, c = 0..k-1.
     */
    public record MixtureTruth(int dim, int components, double separation)
        implements Truth<double[]> {

        private double centre(int component) {
            return (component - (components - 1) / 2.0) * separation;
        }

        @Override
        public double logDensity(double[] x) {
            double rest = 0;
            for (int i = 1; i < dim; i++) {
                rest += x[i] * x[i];
            }
            double max = Double.NEGATIVE_INFINITY;
            double[] terms = new double[components];
            for (int c = 0; c < components; c++) {
                double d0 = x[0] - centre(c);
                terms[c] = -0.5 * (d0 * d0 + rest);
                max = Math.max(max, terms[c]);
            }
            double sum = 0;
            for (double t : terms) {
                sum += Math.exp(t - max);
            }
            return max + Math.log(sum / components) - 0.5 * dim * LOG_TWO_PI;
        }

        @Override
        public List<double[]> sample(int count, RandomGenerator random) {
            List<double[]> out = new ArrayList<>(count);
            for (int s = 0; s < count; s++) {
                double[] x = new double[dim];
                int c = random.nextInt(components);
                for (int i = 0; i < dim; i++) {
                    x[i] = random.nextGaussian();
                }
                x[0] += centre(c);
                out.add(x);
            }
            return out;
        }

        @Override
        public double totalVariance() {
            // Unit variance per coordinate plus the spread of the equally likely centres.
            double spread = 0;
            for (int c = 0; c < components; c++) {
                spread += centre(c) * centre(c);
            }
            return dim + spread / components;
        }
    }

    /**
     * The multivariate Student t with nu degrees of freedom, location 0 and scale I: heavy tails,
     * finite variance nu / (nu - 2) per coordinate for nu &gt; 2.
     */
    public record StudentTruth(int dim, double degreesOfFreedom) implements Truth<double[]> {

        @Override
        public double logDensity(double[] x) {
            double nu = degreesOfFreedom;
            double norm2 = 0;
            for (double xi : x) {
                norm2 += xi * xi;
            }
            return Gamma.logGamma((nu + dim) / 2) - Gamma.logGamma(nu / 2)
                - 0.5 * dim * Math.log(nu * Math.PI) - 0.5 * (nu + dim) * Math.log1p(norm2 / nu);
        }

        @Override
        public List<double[]> sample(int count, RandomGenerator random) {
            List<double[]> out = new ArrayList<>(count);
            for (int s = 0; s < count; s++) {
                double scale = Math.sqrt(degreesOfFreedom
                    / (2 * org.collapselab.math.Gammas.sample(degreesOfFreedom / 2, random)));
                double[] x = new double[dim];
                for (int i = 0; i < dim; i++) {
                    x[i] = scale * random.nextGaussian();
                }
                out.add(x);
            }
            return out;
        }

        @Override
        public double totalVariance() {
            return dim * degreesOfFreedom / (degreesOfFreedom - 2);
        }

        @Override
        public double marginalQuantile(int coordinate, double probability) {
            return new TDistribution(null, degreesOfFreedom)
                .inverseCumulativeProbability(probability);
        }
    }
}
