package org.collapselab.model;

import java.util.random.RandomGenerator;

/**
 * The {@code vae} family: a variational autoencoder (Kingma and Welling, Auto-Encoding
 * Variational Bayes, ICLR 2014) with Gaussian encoder and decoder, built from Deeplearning4j's
 * {@code VariationalAutoencoder} layer and trained on ND4J by maximising the ELBO with Adam.
 * {@link VaeModel} states the model, its sampler and its density estimate.
 *
 * <p>The data are standardised inside the model with the training set's weighted mean and
 * standard deviation per coordinate (a coordinate with no spread keeps scale 1), and sampling
 * undoes it; the density includes the Jacobian of the standardisation.
 *
 * <p>Weights are honoured: each epoch draws its rows with probability proportional to their
 * weight (see {@link RowOrder}), and the standardisation uses weighted moments.
 *
 * <p>All randomness comes from the generator passed to {@link #fit}: the network's seed, the
 * density's seed and the minibatch orders are drawn from it, so one generator state gives one
 * model, sample for sample, on the CPU backend. DL4J and ND4J are loaded on the first fit only.
 */
public final class VaeFamily implements ModelFamily<double[]> {

    /** The family's name in the spec. */
    public static final String NAME = "vae";

    /** The options from the spec. */
    private final VaeOptions options;
    /** Where finished epochs are reported. */
    private final TrainingMonitor monitor;

    public VaeFamily(VaeOptions options) {
        this(options, TrainingMonitor.NONE);
    }

    private VaeFamily(VaeOptions options, TrainingMonitor monitor) {
        if (options == null) {
            throw new IllegalArgumentException("vae: options must not be null");
        }
        this.options = options;
        this.monitor = monitor;
    }

    @Override
    public VaeFamily reportingTo(TrainingMonitor monitor) {
        return new VaeFamily(options, monitor);
    }

    public VaeOptions options() {
        return options;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Trains a network on the standardised training set.
     *
     * @throws ModelFitException when the set is empty, a value or weight is not finite, the
     *     weights sum to zero, or training diverges to non-finite weights
     */
    @Override
    public VaeModel fit(TrainingSet<double[]> training, RandomGenerator random) {
        return fit(training, random, options.epochs());
    }

    /**
     * The model that {@link #fit} starts from, for the same training set and generator state:
     * the same standardisation and initial weights, no training step. A reference for how much
     * a fit learned.
     */
    public VaeModel untrained(TrainingSet<double[]> training, RandomGenerator random) {
        return fit(training, random, 0);
    }

    private VaeModel fit(TrainingSet<double[]> training, RandomGenerator random, int epochs) {
        WeightedRows rows = WeightedRows.of(training, NAME);
        int dim = rows.dim();
        double[] center = rows.mean();
        double[] scatter = rows.scatter(center);
        double[] scale = new double[dim];
        for (int c = 0; c < dim; c++) {
            double sd = Math.sqrt(scatter[c * dim + c] / rows.totalWeight());
            scale[c] = sd > 0 ? sd : 1.0;
        }
        double[][] standardised = new double[rows.size()][dim];
        double[] values = rows.values();
        for (int i = 0; i < rows.size(); i++) {
            for (int c = 0; c < dim; c++) {
                standardised[i][c] = (values[i * dim + c] - center[c]) / scale[c];
            }
        }
        double[] weights = training.isWeighted() ? weights(rows) : null;

        long networkSeed = random.nextLong();
        long densitySeed = random.nextLong();
        VaeTrainer.Network network = VaeTrainer.train(standardised, weights, options,
            epochs, networkSeed, random, monitor);
        checkFinite(network);
        return new VaeModel(center, scale, network.encoder(), network.latentMean(),
            network.latentLogVariance(), network.decoder(), network.output(),
            options.importanceSamples(), densitySeed);
    }

    private static double[] weights(WeightedRows rows) {
        double[] weights = new double[rows.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = rows.weight(i);
        }
        return weights;
    }

    private static void checkFinite(VaeTrainer.Network network) {
        java.util.List<DenseWeights> all = new java.util.ArrayList<>(network.encoder());
        all.add(network.latentMean());
        all.add(network.latentLogVariance());
        all.addAll(network.decoder());
        all.add(network.output());
        for (DenseWeights layer : all) {
            for (double w : layer.weights()) {
                if (!Double.isFinite(w)) {
                    throw new ModelFitException("vae: training diverged to a non-finite weight;"
                        + " lower model.learning_rate");
                }
            }
        }
    }
}
