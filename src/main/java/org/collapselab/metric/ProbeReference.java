package org.collapselab.metric;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.collapselab.data.LinearModelTruth;
import org.collapselab.data.RealData;
import org.collapselab.data.Truth;
import org.collapselab.model.GaussianMoments;
import org.collapselab.math.Cholesky;
import org.collapselab.math.Matrices;
import org.collapselab.math.NotPositiveDefiniteException;

/**
 * Everything about a cell's real distribution that the metrics reuse at every generation,
 * computed once: the probe's moments, sorted projections for sliced 2-Wasserstein, the tail
 * thresholds and the square root of the truth's covariance.
 */
public final class ProbeReference {

    /** Seed of the sliced-W2 directions: fixed, so every cell and generation uses the same ones. */
    private static final long PROJECTION_SEED = 0x5EED_C011_A95EL;
    /** Lower and upper real quantiles that define the tails. */
    static final double TAIL_LOW = 0.01;
    static final double TAIL_HIGH = 0.99;

    private final RealData<double[]> real;
    private final List<double[]> probe;
    private final Optional<Truth<double[]>> truth;
    private final int evaluationSamples;
    private final int projections;
    /** Probe mean and biased covariance (row-major). */
    private final double[] probeMean;
    private final double[] probeCovariance;
    /** Cholesky factor of the probe covariance, or null when it is singular. */
    private final Cholesky probeFactor;
    /** Unit directions for sliced W2, one row each (empty when d = 1). */
    private final double[][] directions;
    /** The probe projected on each direction (or on the axis when d = 1), sorted. */
    private final double[][] sortedProjections;
    /** Per coordinate, the real 1% and 99% quantiles. */
    private final double[] tailLow;
    private final double[] tailHigh;
    /** S_p^(1/2) of a Gaussian truth with non-isotropic covariance, else null. */
    private final double[] truthRoot;
    /** v when the Gaussian truth has covariance v I, else NaN. */
    private final double truthIsotropicVariance;
    /** The truth's moments when it is Gaussian, factored once. */
    private final Optional<GaussianMoments> truthGaussian;

    public ProbeReference(RealData<double[]> real, int evaluationSamples, int projections) {
        this.real = real;
        this.probe = real.probe();
        this.truth = real.truth();
        this.evaluationSamples = evaluationSamples;
        this.projections = projections;
        int dim = probe.get(0).length;
        this.probeMean = new double[dim];
        this.probeCovariance = new double[dim * dim];
        probeMoments(dim);
        this.probeFactor = factorOrNull(probeCovariance, dim);
        this.directions = dim == 1 ? new double[][] {{1.0}} : directions(dim, projections);
        this.sortedProjections = new double[directions.length][];
        for (int p = 0; p < directions.length; p++) {
            sortedProjections[p] = project(probe, directions[p]);
        }
        this.tailLow = new double[dim];
        this.tailHigh = new double[dim];
        tailThresholds(dim);
        Optional<GaussianMoments> gaussianTruth = truth.flatMap(Truth::gaussianMoments);
        this.truthGaussian = gaussianTruth;
        double iso = gaussianTruth.map(ProbeReference::isotropicVariance).orElse(Double.NaN);
        this.truthIsotropicVariance = iso;
        this.truthRoot = gaussianTruth.isPresent() && Double.isNaN(iso)
            ? Matrices.symmetricSqrt(gaussianTruth.get().covariance(), dim) : null;
    }

    private void probeMoments(int dim) {
        for (double[] x : probe) {
            for (int i = 0; i < dim; i++) {
                probeMean[i] += x[i];
            }
        }
        for (int i = 0; i < dim; i++) {
            probeMean[i] /= probe.size();
        }
        double[] c = new double[dim];
        for (double[] x : probe) {
            for (int i = 0; i < dim; i++) {
                c[i] = x[i] - probeMean[i];
            }
            for (int i = 0; i < dim; i++) {
                for (int j = 0; j <= i; j++) {
                    probeCovariance[i * dim + j] += c[i] * c[j];
                }
            }
        }
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j <= i; j++) {
                double v = probeCovariance[i * dim + j] / probe.size();
                probeCovariance[i * dim + j] = v;
                probeCovariance[j * dim + i] = v;
            }
        }
    }

    private static Cholesky factorOrNull(double[] covariance, int dim) {
        try {
            return Cholesky.of(covariance, dim);
        } catch (NotPositiveDefiniteException singular) {
            return null;
        }
    }

    private static double[][] directions(int dim, int count) {
        SplittableRandom random = new SplittableRandom(PROJECTION_SEED + dim);
        double[][] out = new double[count][dim];
        for (double[] v : out) {
            double norm = 0;
            for (int i = 0; i < dim; i++) {
                v[i] = random.nextGaussian();
                norm += v[i] * v[i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < dim; i++) {
                v[i] /= norm;
            }
        }
        return out;
    }

    /** The samples projected on a direction, sorted. */
    static double[] project(List<double[]> samples, double[] direction) {
        double[] out = new double[samples.size()];
        for (int s = 0; s < out.length; s++) {
            double[] x = samples.get(s);
            double sum = 0;
            for (int i = 0; i < direction.length; i++) {
                sum += x[i] * direction[i];
            }
            out[s] = sum;
        }
        Arrays.sort(out);
        return out;
    }

    private void tailThresholds(int dim) {
        double[] column = new double[probe.size()];
        for (int i = 0; i < dim; i++) {
            double low = Double.NaN;
            double high = Double.NaN;
            if (truth.isPresent()) {
                low = truth.get().marginalQuantile(i, TAIL_LOW);
                high = truth.get().marginalQuantile(i, TAIL_HIGH);
            }
            if (Double.isNaN(low) || Double.isNaN(high)) {
                for (int s = 0; s < column.length; s++) {
                    column[s] = probe.get(s)[i];
                }
                Arrays.sort(column);
                low = Empirical.quantileSorted(column, TAIL_LOW);
                high = Empirical.quantileSorted(column, TAIL_HIGH);
            }
            tailLow[i] = low;
            tailHigh[i] = high;
        }
    }

    private static double isotropicVariance(GaussianMoments p) {
        int dim = p.dim();
        double v = p.covariance()[0];
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                double expected = i == j ? v : 0;
                if (p.covariance()[i * dim + j] != expected) {
                    return Double.NaN;
                }
            }
        }
        return v;
    }

    /** The cell's real data this reference was computed from. */
    public RealData<double[]> real() {
        return real;
    }

    public List<double[]> probe() {
        return probe;
    }

    public Optional<Truth<double[]>> truth() {
        return truth;
    }

    /** Whether the real distribution is a regression truth (the linear-regression family). */
    public boolean isRegression() {
        return truth.isPresent() && truth.get() instanceof LinearModelTruth;
    }

    /** p's moments when p is Gaussian (computed once per cell). */
    public Optional<GaussianMoments> truthGaussian() {
        return truthGaussian;
    }

    public int evaluationSamples() {
        return evaluationSamples;
    }

    public int dim() {
        return probeMean.length;
    }

    double[] probeMean() {
        return probeMean;
    }

    double[] probeCovariance() {
        return probeCovariance;
    }

    /** The probe covariance's factor, null when singular (fewer probe rows than dimensions). */
    Cholesky probeFactor() {
        return probeFactor;
    }

    double[][] directions() {
        return directions;
    }

    double[][] sortedProjections() {
        return sortedProjections;
    }

    double tailLow(int i) {
        return tailLow[i];
    }

    double tailHigh(int i) {
        return tailHigh[i];
    }

    double[] truthRoot() {
        return truthRoot;
    }

    double truthIsotropicVariance() {
        return truthIsotropicVariance;
    }

    int projections() {
        return projections;
    }
}
