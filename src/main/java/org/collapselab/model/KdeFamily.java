package org.collapselab.model;

import java.util.random.RandomGenerator;
import org.collapselab.math.Cholesky;
import org.collapselab.math.Matrices;
import org.collapselab.math.NotPositiveDefiniteException;

/**
 * The {@code kde} family: a Gaussian kernel density estimate
 * q(x) = sum_i p_i N(x | x_i, H), p_i = w_i / W, one kernel on every training point of positive
 * weight, all kernels sharing the bandwidth matrix H.
 *
 * <p>Bandwidth. The data-driven rules set H = h^2 Sigma_hat, with the normal-reference factors
 * <ul>
 *   <li>Scott: h = n_eff^(-1/(d+4)) (Scott, Multivariate Density Estimation, Wiley, 1992);</li>
 *   <li>Silverman: h = (4/(d+2))^(1/(d+4)) n_eff^(-1/(d+4)) (Silverman, Density Estimation for
 *       Statistics and Data Analysis, Chapman and Hall, 1986),</li>
 * </ul>
 * where n_eff = (sum w)^2 / sum w^2 is Kish's effective sample size (n for unit weights) and
 * Sigma_hat = sum_i w_i (x_i - m)(x_i - m)^T / (W - sum w^2 / W) is the weighted sample
 * covariance with the unbiased normalisation (n - 1 for unit weights), since the rules are stated
 * for the sample covariance. FIXED sets H = h^2 I.
 *
 * <p>Because n_eff enters the rules, a weight of 2 is not the same as the sample written twice
 * for the bandwidth (all weights equal to 2 give n_eff = n, the sample written twice gives 2n);
 * the kernel centres and their probabilities do treat weights as multiplicities.
 *
 * <p>Singular Sigma_hat (n <= d, collinear or constant data): when its Cholesky factorisation fails
 * or leaves some coordinate less than {@link #RELATIVE_PIVOT} of its variance once the previous
 * coordinates are regressed out, H uses the diagonal of Sigma_hat instead; variances that are
 * zero there are replaced by {@link #VARIANCE_FLOOR}, so identical points give
 * H = h^2 VARIANCE_FLOOR I.
 *
 * <p>Fitting uses no randomness.
 */
public final class KdeFamily implements ModelFamily<double[]> {

    /** The family's name in the spec. */
    public static final String NAME = "kde";
    /**
     * The variance that replaces a zero variance in Sigma_hat, matching the gmm family's default
     * regularisation; a kernel standard deviation of h times 1e-3.
     */
    public static final double VARIANCE_FLOOR = 1e-6;
    /**
     * A squared Cholesky pivot below this share of its coordinate's variance marks Sigma_hat as
     * singular within rounding (the coordinate is a linear function of the previous ones).
     */
    public static final double RELATIVE_PIVOT = 1e-10;

    /** The options from the spec. */
    private final KdeOptions options;

    public KdeFamily(KdeOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("kde: options must not be null");
        }
        this.options = options;
    }

    public KdeOptions options() {
        return options;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Builds the estimate; {@code random} is not used.
     *
     * @throws ModelFitException when the set is empty, a value or weight is not finite, or the
     *     weights sum to zero
     */
    @Override
    public KdeModel fit(TrainingSet<double[]> training, RandomGenerator random) {
        WeightedRows rows = WeightedRows.of(training, NAME);
        int dim = rows.dim();
        double[] scatter = rows.scatter(rows.mean());
        KdeBandwidth bandwidth = bandwidth(rows, scatter);
        double spread = Matrices.trace(scatter, dim) / rows.totalWeight();
        return KdeModel.of(rows, bandwidth, spread + Matrices.trace(bandwidth.matrix(), dim));
    }

    private KdeBandwidth bandwidth(WeightedRows rows, double[] scatter) {
        int dim = rows.dim();
        double effectiveSize = rows.effectiveSize();
        if (options.bandwidth() == KdeOptions.Bandwidth.FIXED) {
            double h = options.fixedBandwidth();
            return scaled(h, effectiveSize, KdeBandwidth.Shape.IDENTITY, Matrices.identity(dim));
        }
        double h = factor(options.bandwidth(), effectiveSize, dim);
        // W - sum w^2 / W = W (1 - 1 / n_eff): zero for a single point, where Sigma_hat is 0.
        double denominator = rows.totalWeight() * (1 - 1 / effectiveSize);
        double[] covariance = new double[dim * dim];
        if (denominator > 0) {
            for (int e = 0; e < covariance.length; e++) {
                covariance[e] = scatter[e] / denominator;
            }
        }
        if (isNonsingular(covariance, dim)) {
            return scaled(h, effectiveSize, KdeBandwidth.Shape.COVARIANCE, covariance);
        }
        double[] diagonal = new double[dim];
        boolean floored = false;
        for (int c = 0; c < dim; c++) {
            double variance = covariance[c * dim + c];
            floored |= !(variance > 0);
            diagonal[c] = variance > 0 ? variance : VARIANCE_FLOOR;
        }
        KdeBandwidth.Shape shape = floored ? KdeBandwidth.Shape.FLOOR : KdeBandwidth.Shape.DIAGONAL;
        return scaled(h, effectiveSize, shape, Matrices.diagonal(diagonal));
    }

    /**
     * The factor h of a data-driven rule: Scott n_eff^(-1/(d+4)), Silverman
     * (4/(d+2))^(1/(d+4)) n_eff^(-1/(d+4)).
     */
    static double factor(KdeOptions.Bandwidth rule, double effectiveSize, int dim) {
        double scott = Math.pow(effectiveSize, -1.0 / (dim + 4));
        return switch (rule) {
            case SCOTT -> scott;
            case SILVERMAN -> Math.pow(4.0 / (dim + 2), 1.0 / (dim + 4)) * scott;
            case FIXED -> throw new IllegalArgumentException("kde: FIXED has no rule for h");
        };
    }

    /** Whether the covariance factors with every squared pivot above its relative threshold. */
    private static boolean isNonsingular(double[] covariance, int dim) {
        Cholesky factor;
        try {
            factor = Cholesky.of(covariance, dim);
        } catch (NotPositiveDefiniteException e) {
            return false;
        }
        for (int c = 0; c < dim; c++) {
            double pivot = factor.lower(c, c);
            if (pivot * pivot <= RELATIVE_PIVOT * covariance[c * dim + c]) {
                return false;
            }
        }
        return true;
    }

    private static KdeBandwidth scaled(double h, double effectiveSize, KdeBandwidth.Shape shape,
                                       double[] matrix) {
        double[] bandwidth = new double[matrix.length];
        for (int e = 0; e < matrix.length; e++) {
            bandwidth[e] = h * h * matrix[e];
        }
        return new KdeBandwidth(h, effectiveSize, shape, bandwidth);
    }
}
