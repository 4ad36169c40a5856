package org.collapselab.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.collapselab.math.Cholesky;

/**
 * One EM run for a Gaussian mixture from one k-means++ start (Dempster, Laird and Rubin, "Maximum
 * likelihood from incomplete data via the EM algorithm", JRSS B 39, 1977; Arthur and
 * Vassilvitskii, "k-means++: the advantages of careful seeding", SODA 2007).
 *
 * <p>Start: k means drawn by weighted k-means++ seeding (the first with probability w_i / W, each
 * next with probability proportional to w_i D(x_i)^2, D the distance to the nearest mean chosen so
 * far), every covariance equal to the regularised covariance of the whole training set, every
 * mixing weight 1/k.
 *
 * <p>E step, in log space: a_ik = log w_k + log N(x_i | mu_k, S_k),
 * log q(x_i) = log-sum-exp_k a_ik, and responsibilities r_ik = exp(a_ik - log q(x_i)).
 *
 * <p>M step, with sample weights as multiplicities: N_k = sum_i w_i r_ik,
 * w_k = N_k / W, mu_k = sum_i w_i r_ik x_i / N_k,
 * S_k = sum_i w_i r_ik (x_i - mu_k)(x_i - mu_k)^T / N_k + lambda I (only the diagonal for
 * DIAGONAL covariances), lambda the regularisation.
 *
 * <p>Each pass over the data does the E step under the current parameters and, in the same loop,
 * gathers the sums the next M step needs (N_k and the first and second moments about the current
 * means, from the same differences x_i - mu_k that the densities use): one pass per iteration
 * instead of two, and no n x k table of responsibilities.
 *
 * <p>Empty components are re-seeded, never dropped, so the fitted mixture always has the k
 * components the spec asked for: a component whose N_k is at most 1e-12 W takes as its mean the
 * training point that the current mixture explains worst (lowest log q(x_i) among points of
 * positive weight, the lowest index on ties, each point used once per step), the start covariance,
 * and mixing weight w_i / W; the weights are then renormalised. An iteration that re-seeds never
 * counts as converged.
 *
 * <p>Not thread-safe: one instance serves one run; the family creates one per start.
 */
final class GmmExpectationMaximization {

    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);
    /** A component with N_k at most this share of W is empty. */
    private static final double EMPTY_SHARE = 1e-12;

    private final WeightedRows rows;
    private final GmmOptions options;
    /** Number of components k. */
    private final int count;
    /** Dimension d. */
    private final int dim;
    /** Regularised covariance of the whole training set: every component's start. */
    private final double[] startCovariance;
    /** Whether covariances are diagonal, so only their diagonals are accumulated. */
    private final boolean diagonalOnly;

    /** Mixing weights w_k. */
    private final double[] mixingWeights;
    /** Means, component k at {@code [k * d, k * d + d)}. */
    private final double[] means;
    /** Covariances, component k's d x d block at {@code k * d * d}, row-major. */
    private final double[] covariances;
    /** Cholesky factors of the covariances, refreshed after every M step. */
    private final Cholesky[] factors;
    /** L_k^-1 at {@code k * d * d}: the E step whitens with products rather than solves. */
    private final double[] inverseFactors;
    /** log w_k - (d log 2 pi + log det S_k) / 2. */
    private final double[] logScales;

    /** log q(x_i) under the parameters of the last E step. */
    private final double[] pointLogDensities;

    /** N_k = sum_i w_i r_ik, accumulated by the last pass. */
    private final double[] masses;
    /** sum_i w_i r_ik (x_i - c_k), c_k the mean before the M step, at {@code k * d}. */
    private final double[] firstMoments;
    /** sum_i w_i r_ik (x_i - c_k)(x_i - c_k)^T, lower triangle, at {@code k * d * d}. */
    private final double[] secondMoments;

    GmmExpectationMaximization(WeightedRows rows, GmmOptions options, double[] startCovariance) {
        this.rows = rows;
        this.options = options;
        this.count = options.components();
        this.dim = rows.dim();
        this.startCovariance = startCovariance;
        this.diagonalOnly = options.covariance() == GmmOptions.Covariance.DIAGONAL;
        this.mixingWeights = new double[count];
        this.means = new double[count * dim];
        this.covariances = new double[count * dim * dim];
        this.factors = new Cholesky[count];
        this.inverseFactors = new double[count * dim * dim];
        this.logScales = new double[count];
        this.pointLogDensities = new double[rows.size()];
        this.masses = new double[count];
        this.firstMoments = new double[count * dim];
        this.secondMoments = new double[count * dim * dim];
    }

    /**
     * Runs EM to convergence or to the iteration limit.
     *
     * @throws org.collapselab.math.NotPositiveDefiniteException when a covariance is singular,
     *     which only happens without regularisation
     */
    GmmModel run(RandomGenerator random) {
        seedMeans(random);
        return iterate();
    }

    /** Runs EM from the given start means (k rows of d values, flat), for tests of the steps. */
    GmmModel run(double[] startMeans) {
        System.arraycopy(startMeans, 0, means, 0, count * dim);
        return iterate();
    }

    private GmmModel iterate() {
        Arrays.fill(mixingWeights, 1.0 / count);
        for (int k = 0; k < count; k++) {
            System.arraycopy(startCovariance, 0, covariances, k * dim * dim, dim * dim);
        }
        refreshFactors();

        double logLikelihood = expectationPass();
        int iterations = 0;
        boolean converged = false;
        while (iterations < options.maxIterations() && !converged) {
            boolean reseeded = maximization();
            iterations++;
            double previous = logLikelihood;
            logLikelihood = expectationPass();
            converged = !reseeded && Math.abs(logLikelihood - previous) < options.tolerance();
        }
        return toModel(logLikelihood, iterations, converged);
    }

    /** Weighted k-means++ seeding of the means. */
    private void seedMeans(RandomGenerator random) {
        double[] values = rows.values();
        double[] nearestSquared = new double[rows.size()];
        Arrays.fill(nearestSquared, Double.POSITIVE_INFINITY);
        double[] scores = new double[rows.size()];
        for (int k = 0; k < count; k++) {
            double total = 0;
            for (int i = 0; i < rows.size(); i++) {
                scores[i] = k == 0 ? rows.weight(i) : rows.weight(i) * nearestSquared[i];
                total += scores[i];
            }
            if (total == 0) {
                // Every point of positive weight coincides with a chosen mean: pick by weight.
                for (int i = 0; i < rows.size(); i++) {
                    scores[i] = rows.weight(i);
                }
            }
            int centre = drawProportional(scores, random);
            System.arraycopy(values, centre * dim, means, k * dim, dim);
            for (int i = 0; i < rows.size(); i++) {
                nearestSquared[i] = Math.min(nearestSquared[i], squaredDistance(i, k));
            }
        }
    }

    /** An index drawn with probability scores[i] / sum(scores), by one uniform draw. */
    private static int drawProportional(double[] scores, RandomGenerator random) {
        double total = 0;
        for (double score : scores) {
            total += score;
        }
        double target = random.nextDouble() * total;
        double cumulative = 0;
        int lastPositive = -1;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > 0) {
                cumulative += scores[i];
                lastPositive = i;
                if (target < cumulative) {
                    return i;
                }
            }
        }
        return lastPositive;
    }

    private double squaredDistance(int point, int component) {
        double[] values = rows.values();
        double sum = 0;
        for (int c = 0; c < dim; c++) {
            double diff = values[point * dim + c] - means[component * dim + c];
            sum += diff * diff;
        }
        return sum;
    }

    /** Factors every covariance and recomputes the inverse factors and log-scales. */
    private void refreshFactors() {
        int block = dim * dim;
        for (int k = 0; k < count; k++) {
            double[] covariance = Arrays.copyOfRange(covariances, k * block, (k + 1) * block);
            factors[k] = Cholesky.of(covariance, dim);
            System.arraycopy(factors[k].inverseLower(), 0, inverseFactors, k * block, block);
            logScales[k] = Math.log(mixingWeights[k])
                - 0.5 * (dim * LOG_TWO_PI + factors[k].logDeterminant());
        }
    }

    /**
     * The E step, fused with the accumulation of the next M step's sums; returns the mean
     * log-likelihood sum_i w_i log q(x_i) / W.
     */
    private double expectationPass() {
        double[] terms = new double[count];
        double[] diffs = new double[count * dim];
        Arrays.fill(masses, 0);
        Arrays.fill(firstMoments, 0);
        Arrays.fill(secondMoments, 0);
        double weightedSum = 0;
        for (int i = 0; i < rows.size(); i++) {
            int largest = 0;
            for (int k = 0; k < count; k++) {
                terms[k] = logScales[k] - 0.5 * whitenedNormSquared(i, k, diffs);
                if (terms[k] > terms[largest]) {
                    largest = k;
                }
            }
            // Log-sum-exp shifted by the largest term, whose exponential is exactly 1; the
            // shifted exponentials are kept for the responsibilities.
            double max = terms[largest];
            double sum = 0;
            for (int k = 0; k < count; k++) {
                terms[k] = k == largest ? 1 : Math.exp(terms[k] - max);
                sum += terms[k];
            }
            double logDensity = max + Math.log(sum);
            pointLogDensities[i] = logDensity;
            weightedSum += rows.weight(i) * logDensity;
            double scale = rows.weight(i) / sum;
            for (int k = 0; k < count; k++) {
                accumulate(k, terms[k] * scale, diffs);
            }
        }
        return weightedSum / rows.totalWeight();
    }

    /**
     * |L_k^-1 (x_i - mu_k)|^2, the squared Mahalanobis distance of point i from component k; leaves
     * x_i - mu_k in {@code diffs[k * d, k * d + d)}.
     */
    private double whitenedNormSquared(int i, int k, double[] diffs) {
        double[] values = rows.values();
        int base = k * dim;
        for (int c = 0; c < dim; c++) {
            diffs[base + c] = values[i * dim + c] - means[base + c];
        }
        int offset = k * dim * dim;
        double sum = 0;
        for (int a = 0; a < dim; a++) {
            double y = 0;
            for (int b = 0; b <= a; b++) {
                y += inverseFactors[offset + a * dim + b] * diffs[base + b];
            }
            sum += y * y;
        }
        return sum;
    }

    /** Adds point i's weighted responsibility r = w_i r_ik and its moments about mu_k. */
    private void accumulate(int k, double r, double[] diffs) {
        int base = k * dim;
        int offset = k * dim * dim;
        masses[k] += r;
        for (int a = 0; a < dim; a++) {
            double ra = r * diffs[base + a];
            firstMoments[base + a] += ra;
            for (int b = diagonalOnly ? a : 0; b <= a; b++) {
                secondMoments[offset + a * dim + b] += ra * diffs[base + b];
            }
        }
    }

    /** The M step; returns whether an empty component was re-seeded. */
    private boolean maximization() {
        boolean[] usedForReseed = new boolean[rows.size()];
        boolean reseeded = false;
        for (int k = 0; k < count; k++) {
            if (masses[k] <= EMPTY_SHARE * rows.totalWeight()) {
                reseed(k, usedForReseed);
                reseeded = true;
            } else {
                mixingWeights[k] = masses[k] / rows.totalWeight();
                updateMeanAndCovariance(k);
            }
        }
        if (reseeded) {
            normaliseWeights();
        }
        refreshFactors();
        return reseeded;
    }

    /**
     * mu_k = c_k + delta, delta = M1 / N_k; S_k = M2 / N_k - delta delta^T + lambda I (only the
     * diagonal for DIAGONAL), from the moments M1, M2 about the mean c_k of the last E step.
     * Centring on c_k, already close to the new mean, keeps the subtraction free of cancellation.
     */
    private void updateMeanAndCovariance(int k) {
        double[] delta = new double[dim];
        for (int a = 0; a < dim; a++) {
            delta[a] = firstMoments[k * dim + a] / masses[k];
            means[k * dim + a] += delta[a];
        }
        int offset = k * dim * dim;
        for (int a = 0; a < dim; a++) {
            for (int b = 0; b <= a; b++) {
                boolean kept = !diagonalOnly || a == b;
                double centred = secondMoments[offset + a * dim + b] / masses[k];
                covariances[offset + a * dim + b] = kept ? centred - delta[a] * delta[b] : 0;
                covariances[offset + b * dim + a] = covariances[offset + a * dim + b];
            }
            covariances[offset + a * dim + a] += options.regularization();
        }
    }

    /** Moves empty component k onto the worst-explained point not yet used in this step. */
    private void reseed(int k, boolean[] used) {
        int worst = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.weight(i) > 0 && !used[i]
                && (worst < 0 || pointLogDensities[i] < pointLogDensities[worst])) {
                worst = i;
            }
        }
        used[worst] = true;
        System.arraycopy(rows.values(), worst * dim, means, k * dim, dim);
        System.arraycopy(startCovariance, 0, covariances, k * dim * dim, dim * dim);
        mixingWeights[k] = rows.weight(worst) / rows.totalWeight();
    }

    private void normaliseWeights() {
        double total = 0;
        for (double w : mixingWeights) {
            total += w;
        }
        for (int k = 0; k < count; k++) {
            mixingWeights[k] /= total;
        }
    }

    private GmmModel toModel(double logLikelihood, int iterations, boolean converged) {
        int block = dim * dim;
        List<GmmComponent> components = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            double[] mean = Arrays.copyOfRange(means, k * dim, (k + 1) * dim);
            double[] covariance = Arrays.copyOfRange(covariances, k * block, (k + 1) * block);
            components.add(new GmmComponent(mixingWeights[k],
                new GaussianMoments(mean, covariance, factors[k])));
        }
        return new GmmModel(components, logLikelihood, iterations, converged);
    }
}
