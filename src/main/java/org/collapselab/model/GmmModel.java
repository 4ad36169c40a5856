package org.collapselab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.collapselab.math.LogSumExp;

/**
 * A fitted Gaussian mixture q(x) = sum_k w_k N(x | mu_k, S_k), with the diagnostics of the EM run
 * that produced it.
 *
 * <p>Sampling picks component k with probability w_k, then returns mu_k + L_k z with L_k the
 * Cholesky factor of S_k and z standard normal. The log-density is a log-sum-exp over the
 * components. The total variance is exact, by the law of total variance:
 * tr Cov(X) = sum_k w_k (tr S_k + |mu_k - mu|^2), with mu = sum_k w_k mu_k.
 */
public final class GmmModel implements GenerativeModel<double[]> {

    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    /** The components, in the order EM left them. */
    private final List<GmmComponent> components;
    /** Dimension d. */
    private final int dim;
    /** log w_k - (d log 2 pi + log det S_k) / 2: the part of log w_k N(x | k) free of x. */
    private final double[] logScales;
    /** Cumulative mixing weights, for choosing a component with one uniform draw. */
    private final double[] cumulativeWeights;
    /** tr Cov(X), computed once at construction. */
    private final double totalVariance;
    /** Mean log-likelihood per unit of training weight at the fitted parameters. */
    private final double meanLogLikelihood;
    /** EM iterations (M steps) run. */
    private final int iterations;
    /** Whether the likelihood change fell below the tolerance before the iteration limit. */
    private final boolean converged;

    GmmModel(List<GmmComponent> components, double meanLogLikelihood, int iterations,
             boolean converged) {
        this.components = List.copyOf(components);
        this.dim = components.get(0).moments().dim();
        this.logScales = new double[components.size()];
        this.cumulativeWeights = new double[components.size()];
        double cumulative = 0;
        for (int k = 0; k < components.size(); k++) {
            GmmComponent component = components.get(k);
            double logDet = component.moments().cholesky().logDeterminant();
            logScales[k] = Math.log(component.weight()) - 0.5 * (dim * LOG_TWO_PI + logDet);
            cumulative += component.weight();
            cumulativeWeights[k] = cumulative;
        }
        this.totalVariance = mixtureTotalVariance(this.components, dim);
        this.meanLogLikelihood = meanLogLikelihood;
        this.iterations = iterations;
        this.converged = converged;
    }

    private static double mixtureTotalVariance(List<GmmComponent> components, int dim) {
        double[] mean = new double[dim];
        for (GmmComponent component : components) {
            double[] mu = component.moments().mean();
            for (int c = 0; c < dim; c++) {
                mean[c] += component.weight() * mu[c];
            }
        }
        double total = 0;
        for (GmmComponent component : components) {
            double[] mu = component.moments().mean();
            double spread = 0;
            for (int c = 0; c < dim; c++) {
                spread += (mu[c] - mean[c]) * (mu[c] - mean[c]);
            }
            total += component.weight() * (component.moments().totalVariance() + spread);
        }
        return total;
    }

    /** The components, each with its weight, mean and covariance. */
    public List<GmmComponent> components() {
        return components;
    }

    public int dim() {
        return dim;
    }

    /** Mean log-likelihood of the training set per unit of weight, in nats. */
    public double meanLogLikelihood() {
        return meanLogLikelihood;
    }

    /** EM iterations (M steps) run by the winning start. */
    public int iterations() {
        return iterations;
    }

    /** False when EM stopped at the iteration limit with the likelihood still moving. */
    public boolean converged() {
        return converged;
    }

    @Override
    public List<double[]> sample(int count, RandomGenerator random) {
        List<double[]> samples = new ArrayList<>(count);
        double[] z = new double[dim];
        for (int s = 0; s < count; s++) {
            int k = chooseComponent(random.nextDouble());
            GaussianMoments moments = components.get(k).moments();
            for (int c = 0; c < dim; c++) {
                z[c] = random.nextGaussian();
            }
            double[] x = new double[dim];
            moments.cholesky().transform(z, moments.mean(), x);
            samples.add(x);
        }
        return samples;
    }

    /** The first component whose cumulative weight exceeds u (the last, against rounding). */
    private int chooseComponent(double u) {
        double target = u * cumulativeWeights[cumulativeWeights.length - 1];
        for (int k = 0; k < cumulativeWeights.length - 1; k++) {
            if (target < cumulativeWeights[k]) {
                return k;
            }
        }
        return cumulativeWeights.length - 1;
    }

    @Override
    public boolean hasDensity() {
        return true;
    }

    @Override
    public double logDensity(double[] x) {
        if (x.length != dim) {
            throw new IllegalArgumentException("gmm: sample of dimension " + x.length
                + ", expected " + dim);
        }
        double[] terms = new double[components.size()];
        double[] diff = new double[dim];
        double[] scratch = new double[dim];
        for (int k = 0; k < terms.length; k++) {
            GaussianMoments moments = components.get(k).moments();
            double[] mu = moments.mean();
            for (int c = 0; c < dim; c++) {
                diff[c] = x[c] - mu[c];
            }
            terms[k] = logScales[k] - 0.5 * moments.cholesky().mahalanobisSquared(diff, scratch);
        }
        return LogSumExp.of(terms, terms.length);
    }

    /** The single component's moments when k = 1, else empty: a mixture is not a Gaussian. */
    @Override
    public Optional<GaussianMoments> gaussianMoments() {
        return components.size() == 1
            ? Optional.of(components.get(0).moments())
            : Optional.empty();
    }

    /** sum_k w_k (tr S_k + |mu_k - mu|^2), exact. */
    @Override
    public double totalVariance() {
        return totalVariance;
    }
}
