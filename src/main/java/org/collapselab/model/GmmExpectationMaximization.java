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

    /** Mixing weights w_k. */
    private final double[] mixingWeights;
    /** Means, component k at {@code [k * d, k * d + d)}. */
    private final double[] means;
    /** Covariances, component k's d x d block at {@code k * d * d}, row-major. */
    private final double[] covariances;
    /** Cholesky factors of the covariances, refreshed after every M step. */
    private final Cholesky[] factors;
    /** log w_k - (d log 2 pi + log det S_k) / 2. */
    private final double[] logScales;

    /** w_i r_ik at {@code i * k + k}: responsibilities already multiplied by the sample weight. */
    private final double[] weightedResponsibilities;
    /** log q(x_i) under the parameters of the last E step. */
    private final double[] pointLogDensities;

    GmmExpectationMaximization(WeightedRows rows, GmmOptions options, double[] startCovariance) {
        this.rows = rows;
        this.options = options;
        this.count = options.components();
        this.dim = rows.dim();
        this.startCovariance = startCovariance;
        this.mixingWeights = new double[count];
        this.means = new double[count * dim];
        this.covariances = new double[count * dim * dim];
        this.factors = new Cholesky[count];
        this.logScales = new double[count];
        this.weightedResponsibilities = new double[rows.size() * count];
        this.pointLogDensities = new double[rows.size()];
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

        double logLikelihood = expectation();
        int iterations = 0;
        boolean converged = false;
        while (iterations < options.maxIterations() && !converged) {
            boolean reseeded = maximization();
            iterations++;
            double previous = logLikelihood;
            logLikelihood = expectation();
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

    /** Factors every covariance and recomputes the log-scales. */
    private void refreshFactors() {
        int block = dim * dim;
        for (int k = 0; k < count; k++) {
            double[] covariance = Arrays.copyOfRange(covariances, k * block, (k + 1) * block);
            factors[k] = Cholesky.of(covariance, dim);
            logScales[k] = Math.log(mixingWeights[k])
                - 0.5 * (dim * LOG_TWO_PI + factors[k].logDeterminant());
        }
    }

    /** The E step; returns the mean log-likelihood sum_i w_i log q(x_i) / W. */
    private double expectation() {
        double[] values = rows.values();
        double[] terms = new double[count];
        double[] diff = new double[dim];
        double[] scratch = new double[dim];
        double weightedSum = 0;
        for (int i = 0; i < rows.size(); i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < count; k++) {
                for (int c = 0; c < dim; c++) {
                    diff[c] = values[i * dim + c] - means[k * dim + c];
                }
                terms[k] = logScales[k] - 0.5 * factors[k].mahalanobisSquared(diff, scratch);
                max = Math.max(max, terms[k]);
            }
            // Log-sum-exp that keeps the shifted exponentials for the responsibilities.
            double sum = 0;
            for (int k = 0; k < count; k++) {
                terms[k] = Math.exp(terms[k] - max);
                sum += terms[k];
            }
            double logDensity = max + Math.log(sum);
            pointLogDensities[i] = logDensity;
            double scale = rows.weight(i) / sum;
            for (int k = 0; k < count; k++) {
                weightedResponsibilities[i * count + k] = terms[k] * scale;
            }
            weightedSum += rows.weight(i) * logDensity;
        }
        return weightedSum / rows.totalWeight();
    }

    /** The M step; returns whether an empty component was re-seeded. */
    private boolean maximization() {
        boolean[] usedForReseed = new boolean[rows.size()];
        boolean reseeded = false;
        for (int k = 0; k < count; k++) {
            double mass = 0;
            for (int i = 0; i < rows.size(); i++) {
                mass += weightedResponsibilities[i * count + k];
            }
            if (mass <= EMPTY_SHARE * rows.totalWeight()) {
                reseed(k, usedForReseed);
                reseeded = true;
                continue;
            }
            mixingWeights[k] = mass / rows.totalWeight();
            updateMean(k, mass);
            updateCovariance(k, mass);
        }
        if (reseeded) {
            normaliseWeights();
        }
        refreshFactors();
        return reseeded;
    }

    private void updateMean(int k, double mass) {
        double[] values = rows.values();
        Arrays.fill(means, k * dim, (k + 1) * dim, 0);
        for (int i = 0; i < rows.size(); i++) {
            double r = weightedResponsibilities[i * count + k];
            for (int c = 0; c < dim; c++) {
                means[k * dim + c] += r * values[i * dim + c];
            }
        }
        for (int c = 0; c < dim; c++) {
            means[k * dim + c] /= mass;
        }
    }

    /** The weighted scatter about the new mean over N_k, plus the regularisation. */
    private void updateCovariance(int k, double mass) {
        double[] values = rows.values();
        double[] diff = new double[dim];
        int offset = k * dim * dim;
        boolean diagonalOnly = options.covariance() == GmmOptions.Covariance.DIAGONAL;
        Arrays.fill(covariances, offset, offset + dim * dim, 0);
        for (int i = 0; i < rows.size(); i++) {
            double r = weightedResponsibilities[i * count + k];
            for (int c = 0; c < dim; c++) {
                diff[c] = values[i * dim + c] - means[k * dim + c];
            }
            for (int a = 0; a < dim; a++) {
                double ra = r * diff[a];
                for (int b = diagonalOnly ? a : 0; b <= a; b++) {
                    covariances[offset + a * dim + b] += ra * diff[b];
                }
            }
        }
        for (int a = 0; a < dim; a++) {
            for (int b = 0; b <= a; b++) {
                covariances[offset + a * dim + b] /= mass;
            }
            covariances[offset + a * dim + a] += options.regularization();
            for (int b = 0; b < a; b++) {
                covariances[offset + b * dim + a] = covariances[offset + a * dim + b];
            }
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
