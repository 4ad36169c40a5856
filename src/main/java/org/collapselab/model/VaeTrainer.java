package org.collapselab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.variational.GaussianReconstructionDistribution;
import org.deeplearning4j.nn.conf.layers.variational.VariationalAutoencoder;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Trains the {@code vae} network with Deeplearning4j and copies its weights out. The only class
 * of the family that touches DL4J or ND4J, so that they load only when a vae is fitted.
 *
 * <p>One layer, {@link VariationalAutoencoder}, trained by {@code pretrainLayer} on minibatches
 * that this class draws: each epoch visits the rows in a fresh random order, or, for a weighted
 * training set, draws as many rows with replacement with probability w_i / W, so that the
 * expected gradient is that of the weighted ELBO (a weight of 2 counts a row twice). The network
 * computes in double precision; its initial weights come from the builder's seed, and the
 * reparameterisation noise from ND4J's per-thread generator, seeded here on the thread that
 * trains.
 */
final class VaeTrainer {

    private VaeTrainer() {
    }

    /**
     * @param rows the standardised training rows
     * @param weights one weight per row, or null for unit weights
     * @param epochs passes over the rows ({@link VaeOptions#epochs()}, or 0 for none)
     * @param seed seeds the network's initialisation and ND4J's generator
     * @param random orders the minibatches
     * @param monitor receives each finished epoch
     * @return the network in plain arrays: encoder layers, latent heads, decoder layers, output
     */
    static Network train(double[][] rows, double[] weights, VaeOptions options, int epochs,
                         long seed, RandomGenerator random, TrainingMonitor monitor) {
        MultiLayerNetwork network = untrained(rows[0].length, options, seed);
        EpochLog log = new EpochLog(VaeFamily.NAME, epochs, monitor);
        network.setListeners(log);

        RowOrder order = new RowOrder(weights, rows.length);
        for (int epoch = 0; epoch < epochs; epoch++) {
            int[] visit = order.next(random);
            for (int start = 0; start < visit.length; start += options.batch()) {
                int end = Math.min(visit.length, start + options.batch());
                double[][] batch = new double[end - start][];
                for (int i = start; i < end; i++) {
                    batch[i - start] = rows[visit[i]];
                }
                network.pretrainLayer(0, Nd4j.create(batch));
            }
            log.epochDone(epoch);
        }
        return Network.of(network, options);
    }

    /**
     * The initialised network before any training step, with ND4J's generator of this thread
     * seeded.
     */
    static MultiLayerNetwork untrained(int dim, VaeOptions options, long seed) {
        MultiLayerConfiguration configuration = new NeuralNetConfiguration.Builder()
            .seed(seed)
            .dataType(DataType.DOUBLE)
            .updater(new Adam(options.learningRate()))
            .weightInit(WeightInit.XAVIER)
            .list()
            .layer(new VariationalAutoencoder.Builder()
                .nIn(dim)
                .nOut(options.latent())
                .encoderLayerSizes(options.encoderWidths())
                .decoderLayerSizes(options.decoderWidths())
                .activation(Activation.TANH)
                .pzxActivationFunction(Activation.IDENTITY)
                .reconstructionDistribution(
                    new GaussianReconstructionDistribution(Activation.IDENTITY))
                .numSamples(1)
                .build())
            .build();
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        Nd4j.getRandom().setSeed(seed);
        return network;
    }

    /** The trained layers as plain arrays, in the order of the forward passes. */
    record Network(List<DenseWeights> encoder, DenseWeights latentMean,
                   DenseWeights latentLogVariance, List<DenseWeights> decoder,
                   DenseWeights output) {

        static Network of(MultiLayerNetwork network, VaeOptions options) {
            var layer = network.getLayer(0);
            List<DenseWeights> encoder = new ArrayList<>();
            for (int i = 0; i < options.hidden().size(); i++) {
                encoder.add(dense(layer.getParam("e" + i + "W"), layer.getParam("e" + i + "b")));
            }
            List<DenseWeights> decoder = new ArrayList<>();
            for (int i = 0; i < options.hidden().size(); i++) {
                decoder.add(dense(layer.getParam("d" + i + "W"), layer.getParam("d" + i + "b")));
            }
            return new Network(encoder,
                dense(layer.getParam("pZXMeanW"), layer.getParam("pZXMeanb")),
                dense(layer.getParam("pZXLogStd2W"), layer.getParam("pZXLogStd2b")),
                decoder,
                dense(layer.getParam("pXZW"), layer.getParam("pXZb")));
        }

        private static DenseWeights dense(INDArray weights, INDArray bias) {
            int inputs = (int) weights.size(0);
            int outputs = (int) weights.size(1);
            double[] flat = new double[inputs * outputs];
            for (int i = 0; i < inputs; i++) {
                for (int j = 0; j < outputs; j++) {
                    flat[i * outputs + j] = weights.getDouble(i, j);
                }
            }
            return new DenseWeights(inputs, outputs, flat, bias.toDoubleVector());
        }
    }
}
