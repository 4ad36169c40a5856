package org.collapselab.model;

import java.util.random.RandomGenerator;
import org.collapselab.math.NotPositiveDefiniteException;

/**
 * The {@code gmm} family: a mixture of k Gaussians with full or diagonal covariances, fitted by
 * maximum likelihood with the EM algorithm (Dempster, Laird and Rubin 1977) from k-means++ starts
 * (Arthur and Vassilvitskii 2007). {@link GmmExpectationMaximization} states the steps.
 *
 * <p>Each of the {@link GmmOptions#restarts()} starts draws its seeds from the generator passed to
 * {@link #fit}, one after another, and the start with the highest mean log-likelihood wins (the
 * earliest on ties), so a fit is a deterministic function of the training set and the generator's
 * state. Sample weights enter as multiplicities: a weight of 2 fits what the sample written twice
 * would.
 */
public final class GmmFamily implements ModelFamily<double[]> {

    /** The family's name in the spec. */
    public static final String NAME = "gmm";

    /** The options from the spec. */
    private final GmmOptions options;

    public GmmFamily(GmmOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("gmm: options must not be null");
        }
        this.options = options;
    }

    public GmmOptions options() {
        return options;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Fits the mixture.
     *
     * @throws ModelFitException when fewer samples of positive weight than components remain, a
     *     value or weight is not finite, or (without regularisation) a covariance is singular
     */
    @Override
    public GmmModel fit(TrainingSet<double[]> training, RandomGenerator random) {
        WeightedRows rows = WeightedRows.of(training, NAME);
        int usable = rows.positiveCount();
        if (usable < options.components()) {
            throw new ModelFitException("gmm: " + usable + " samples of positive weight for "
                + options.components() + " components; expected at least one per component");
        }
        double[] startCovariance = startCovariance(rows, options);
        try {
            GmmModel best = null;
            for (int start = 0; start < options.restarts(); start++) {
                GmmModel model = new GmmExpectationMaximization(rows, options, startCovariance)
                    .run(random);
                if (best == null || model.meanLogLikelihood() > best.meanLogLikelihood()) {
                    best = model;
                }
            }
            return best;
        } catch (NotPositiveDefiniteException e) {
            throw new ModelFitException("gmm: a component covariance is singular with"
                + " regularization " + options.regularization() + "; use a positive value");
        }
    }

    /**
     * The plug-in covariance of the whole training set (only its diagonal for DIAGONAL) plus the
     * regularisation: where every component starts, and where a re-seeded one restarts.
     */
    static double[] startCovariance(WeightedRows rows, GmmOptions options) {
        int dim = rows.dim();
        double[] covariance = rows.scatter(rows.mean());
        boolean diagonalOnly = options.covariance() == GmmOptions.Covariance.DIAGONAL;
        for (int a = 0; a < dim; a++) {
            for (int b = 0; b < dim; b++) {
                boolean kept = a == b || !diagonalOnly;
                covariance[a * dim + b] = kept ? covariance[a * dim + b] / rows.totalWeight() : 0;
            }
            covariance[a * dim + a] += options.regularization();
        }
        return covariance;
    }
}
