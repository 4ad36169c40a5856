package org.collapselab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.collapselab.math.Cholesky;
import org.collapselab.math.LogSumExp;

/**
 * A fitted Gaussian kernel density q(x) = sum_i p_i N(x | x_i, H) (see {@link KdeFamily}).
 *
 * <p>Sampling chooses training point i with probability p_i and adds L z, L the Cholesky factor
 * of H and z standard normal. The log-density is exact: a log-sum-exp over all n kernels, with
 * the points stored already whitened (y_i = L^-1 x_i), so that each kernel costs one squared
 * distance |L^-1 x - y_i|^2. The total variance is exact: the trace of the plug-in covariance of
 * the weighted points, sum_i p_i |x_i - m|^2, plus tr H.
 */
public final class KdeModel implements GenerativeModel<double[]> {

    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    /** Number of kernels (training points of positive weight). */
    private final int size;
    /** Dimension d. */
    private final int dim;
    /** Kernel centres x_i, row-major. */
    private final double[] centres;
    /** Whitened centres y_i = L^-1 x_i, row-major. */
    private final double[] whitenedCentres;
    /** log p_i - (d log 2 pi + log det H) / 2: the part of each kernel's log term free of x. */
    private final double[] logScales;
    /** Cumulative kernel probabilities, for choosing a kernel with one uniform draw. */
    private final double[] cumulativeProbabilities;
    /** The bandwidth and how it was chosen. */
    private final KdeBandwidth bandwidth;
    /** Cholesky factor L of H. */
    private final Cholesky factor;
    /** tr Cov(X), exact. */
    private final double totalVariance;

    private KdeModel(double[] centres, double[] probabilities, KdeBandwidth bandwidth,
                     double totalVariance) {
        this.size = probabilities.length;
        this.dim = centres.length / size;
        this.centres = centres;
        this.bandwidth = bandwidth;
        this.factor = Cholesky.of(bandwidth.matrix(), dim);
        this.totalVariance = totalVariance;
        this.whitenedCentres = new double[centres.length];
        this.logScales = new double[size];
        this.cumulativeProbabilities = new double[size];
        double logNormalizer = -0.5 * (dim * LOG_TWO_PI + factor.logDeterminant());
        double[] row = new double[dim];
        double cumulative = 0;
        for (int i = 0; i < size; i++) {
            System.arraycopy(centres, i * dim, row, 0, dim);
            factor.solveLowerInPlace(row);
            System.arraycopy(row, 0, whitenedCentres, i * dim, dim);
            logScales[i] = Math.log(probabilities[i]) + logNormalizer;
            cumulative += probabilities[i];
            cumulativeProbabilities[i] = cumulative;
        }
    }

    /** One kernel per row of positive weight, with probability w_i / W. */
    static KdeModel of(WeightedRows rows, KdeBandwidth bandwidth, double totalVariance) {
        int dim = rows.dim();
        int size = rows.positiveCount();
        double[] centres = new double[size * dim];
        double[] probabilities = new double[size];
        int kept = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.weight(i) > 0) {
                System.arraycopy(rows.values(), i * dim, centres, kept * dim, dim);
                probabilities[kept] = rows.weight(i) / rows.totalWeight();
                kept++;
            }
        }
        return new KdeModel(centres, probabilities, bandwidth, totalVariance);
    }

    /** The bandwidth matrix H, its factor h and the shape it was built from. */
    public KdeBandwidth bandwidth() {
        return bandwidth;
    }

    /** The number of kernels. */
    public int size() {
        return size;
    }

    public int dim() {
        return dim;
    }

    @Override
    public List<double[]> sample(int count, RandomGenerator random) {
        List<double[]> samples = new ArrayList<>(count);
        double[] z = new double[dim];
        double[] centre = new double[dim];
        for (int s = 0; s < count; s++) {
            int i = chooseKernel(random.nextDouble());
            System.arraycopy(centres, i * dim, centre, 0, dim);
            for (int c = 0; c < dim; c++) {
                z[c] = random.nextGaussian();
            }
            double[] x = new double[dim];
            factor.transform(z, centre, x);
            samples.add(x);
        }
        return samples;
    }

    /** The first kernel whose cumulative probability exceeds u, by bisection. */
    private int chooseKernel(double u) {
        double target = u * cumulativeProbabilities[size - 1];
        int low = 0;
        int high = size - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulativeProbabilities[middle] > target) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    @Override
    public boolean hasDensity() {
        return true;
    }

    @Override
    public double logDensity(double[] x) {
        if (x.length != dim) {
            throw new IllegalArgumentException("kde: sample of dimension " + x.length
                + ", expected " + dim);
        }
        double[] y = x.clone();
        factor.solveLowerInPlace(y);
        double[] terms = new double[size];
        for (int i = 0; i < size; i++) {
            double distance = 0;
            for (int c = 0; c < dim; c++) {
                double diff = y[c] - whitenedCentres[i * dim + c];
                distance += diff * diff;
            }
            terms[i] = logScales[i] - 0.5 * distance;
        }
        return LogSumExp.of(terms, size);
    }

    /** sum_i p_i |x_i - m|^2 + tr H, exact. */
    @Override
    public double totalVariance() {
        return totalVariance;
    }
}
