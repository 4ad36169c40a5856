package org.collapselab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The {@code char-lstm} family: a character language model of text lines, stacked LSTM layers
 * (Hochreiter and Schmidhuber 1997) under a softmax output over the vocabulary, trained with
 * Deeplearning4j on ND4J by cross-entropy with truncated back-propagation through time and
 * Adam. {@link CharLstmModel} states the model, its sampler and its density.
 *
 * <p>Each line is read from a boundary marker and must predict its characters and then the
 * boundary again (the end marker); {@link CharSequences} gives the layout. The vocabulary is the
 * set of code points in the lines of positive weight, plus the two markers.
 *
 * <p>Weights are honoured: each epoch draws its lines with probability proportional to their
 * weight ({@link RowOrder}); lines of weight 0 are never trained on. All randomness comes from the
 * generator passed to {@link #fit}: the network's seed (initial weights, and ND4J's per-thread
 * generator, seeded on the thread that trains) and the minibatch orders, so the same generator
 * state gives the same model on the CPU backend. The network computes in double precision.
 */
public final class CharLstmFamily implements ModelFamily<String> {

    /** The family's name in the spec. */
    public static final String NAME = "char-lstm";
    /** Gradient entries are clipped to this absolute value, against exploding gradients. */
    static final double GRADIENT_CLIP = 5.0;

    /** The options from the spec. */
    private final CharLstmOptions options;
    /** Where finished epochs are reported. */
    private final TrainingMonitor monitor;

    public CharLstmFamily(CharLstmOptions options) {
        this(options, TrainingMonitor.NONE);
    }

    private CharLstmFamily(CharLstmOptions options, TrainingMonitor monitor) {
        if (options == null) {
            throw new IllegalArgumentException("char-lstm: options must not be null");
        }
        this.options = options;
        this.monitor = monitor;
    }

    @Override
    public CharLstmFamily reportingTo(TrainingMonitor monitor) {
        return new CharLstmFamily(options, monitor);
    }

    public CharLstmOptions options() {
        return options;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Trains a network on the lines.
     *
     * @throws ModelFitException when no line has a positive weight, or a weight is negative or
     *     not finite
     */
    @Override
    public CharLstmModel fit(TrainingSet<String> training, RandomGenerator random) {
        return fit(training, random, options.epochs());
    }

    /**
     * The model that {@link #fit} starts from, for the same training set and generator state:
     * the same vocabulary and initial weights, no training step. A reference for how much a fit
     * learned.
     */
    public CharLstmModel untrained(TrainingSet<String> training, RandomGenerator random) {
        return fit(training, random, 0);
    }

    private CharLstmModel fit(TrainingSet<String> training, RandomGenerator random, int epochs) {
        List<String> lines = new ArrayList<>();
        double[] weights = new double[training.size()];
        for (int i = 0; i < training.size(); i++) {
            weights[i] = checkedWeight(training.weight(i), i);
            if (weights[i] > 0) {
                lines.add(training.samples().get(i));
            }
        }
        if (lines.isEmpty()) {
            throw new ModelFitException("char-lstm: the training set has no line of positive"
                + " weight");
        }
        CharVocabulary vocabulary = CharVocabulary.of(lines);
        List<CharSequences.Encoded> encoded = new ArrayList<>();
        for (String line : training.samples()) {
            encoded.add(CharSequences.Encoded.of(vocabulary, line, options.maxLength()));
        }

        long seed = random.nextLong();
        MultiLayerNetwork network = network(vocabulary.size(), seed);
        EpochLog log = new EpochLog(NAME, epochs, monitor);
        network.setListeners(log);
        RowOrder order = new RowOrder(training.isWeighted() ? weights : null, encoded.size());
        for (int epoch = 0; epoch < epochs; epoch++) {
            int[] visit = order.next(random);
            for (int start = 0; start < visit.length; start += options.batch()) {
                int end = Math.min(visit.length, start + options.batch());
                List<CharSequences.Encoded> batch = new ArrayList<>(end - start);
                for (int i = start; i < end; i++) {
                    batch.add(encoded.get(visit[i]));
                }
                network.fit(CharSequences.dataSet(batch, vocabulary.size()));
            }
            log.epochDone(epoch);
        }
        if (!Double.isFinite(network.params().sumNumber().doubleValue())) {
            throw new ModelFitException("char-lstm: training diverged to a non-finite weight;"
                + " lower model.learning_rate");
        }
        return new CharLstmModel(network, vocabulary, options);
    }

    /** The initialised network, with ND4J's generator of this thread seeded. */
    private MultiLayerNetwork network(int vocabulary, long seed) {
        var layers = new NeuralNetConfiguration.Builder()
            .seed(seed)
            .dataType(DataType.DOUBLE)
            .updater(new Adam(options.learningRate()))
            .weightInit(WeightInit.XAVIER)
            .gradientNormalization(GradientNormalization.ClipElementWiseAbsoluteValue)
            .gradientNormalizationThreshold(GRADIENT_CLIP)
            .list();
        int inputs = vocabulary;
        for (int width : options.hidden()) {
            layers.layer(new LSTM.Builder().nIn(inputs).nOut(width).activation(Activation.TANH)
                .build());
            inputs = width;
        }
        layers.layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
            .activation(Activation.SOFTMAX).nIn(inputs).nOut(vocabulary).build());
        layers.backpropType(BackpropType.TruncatedBPTT)
            .tBPTTForwardLength(options.tbpttLength())
            .tBPTTBackwardLength(options.tbpttLength());
        MultiLayerNetwork network = new MultiLayerNetwork(layers.build());
        network.init();
        Nd4j.getRandom().setSeed(seed);
        return network;
    }

    private static double checkedWeight(double weight, int line) {
        if (!(weight >= 0 && weight < Double.POSITIVE_INFINITY)) {
            throw new ModelFitException("char-lstm: weight of line " + line
                + " must be finite and >= 0, found " + weight);
        }
        return weight;
    }
}
