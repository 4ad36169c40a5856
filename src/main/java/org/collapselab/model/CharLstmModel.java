package org.collapselab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A fitted {@code char-lstm} generation: q(line) = prod_{i=1}^{m+1} p_T(c_i | c_0 ... c_{i-1}),
 * with c_0 the boundary marker, c_1 ... c_m the line's characters and c_{m+1} the boundary again
 * (the end marker). p is the network's softmax and the temperature T reshapes every step:
 * p_T(c | h) = p(c | h)^(1/T) / sum_v p(v | h)^(1/T). Sampling and {@link #logDensity} both use
 * p_T, so the density is the sampler's (up to the cut at the max length, which the density
 * ignores). An unseen character counts as the UNKNOWN outcome, whose probability stands for all
 * unseen characters together, and a sampled UNKNOWN is written U+FFFD.
 *
 * <p>Per-character perplexity over lines l_1 ... l_N is exp(-sum_j log q(l_j) / sum_j
 * {@link #tokenCount}(l_j)), the end markers counted as tokens.
 *
 * <p>The network keeps recurrent state between calls, so {@link #sample}, {@link #logDensity}
 * and {@link #logDensities} hold this model's lock: several threads may share a model, one at
 * a time. Their results do not depend on what ran before.
 */
public final class CharLstmModel implements GenerativeModel<String> {

    /** Lines sampled side by side, one network step for all of them. */
    static final int SAMPLE_BATCH = 256;
    /** Lines evaluated side by side by {@link #logDensities}. */
    static final int DENSITY_BATCH = 64;
    /** The smallest probability taken to a logarithm, so that an underflow stays finite. */
    private static final double PROBABILITY_FLOOR = Double.MIN_NORMAL;

    private final MultiLayerNetwork network;
    private final CharVocabulary vocabulary;
    private final CharLstmOptions options;

    CharLstmModel(MultiLayerNetwork network, CharVocabulary vocabulary, CharLstmOptions options) {
        this.network = network;
        this.vocabulary = vocabulary;
        this.options = options;
    }

    /** |V|: the seen characters plus the boundary and UNKNOWN outcomes. */
    public int vocabularySize() {
        return vocabulary.size();
    }

    /** The options the model was fitted with. */
    public CharLstmOptions options() {
        return options;
    }

    /** The same network sampled and evaluated at another temperature. */
    public CharLstmModel withTemperature(double temperature) {
        return new CharLstmModel(network, vocabulary, options.withTemperature(temperature));
    }

    /** The outcomes a line's density multiplies: its code points plus the end marker. */
    public int tokenCount(String line) {
        return line.codePointCount(0, line.length()) + 1;
    }

    @Override
    public synchronized List<String> sample(int count, RandomGenerator random) {
        List<String> out = new ArrayList<>(count);
        for (int start = 0; start < count; start += SAMPLE_BATCH) {
            out.addAll(sampleBatch(Math.min(SAMPLE_BATCH, count - start), random));
        }
        return out;
    }

    private List<String> sampleBatch(int count, RandomGenerator random) {
        int size = vocabulary.size();
        StringBuilder[] lines = new StringBuilder[count];
        boolean[] finished = new boolean[count];
        int[] previous = new int[count];
        for (int i = 0; i < count; i++) {
            lines[i] = new StringBuilder();
        }
        network.rnnClearPreviousState();
        int open = count;
        double[] weights = new double[size];
        for (int step = 0; step < options.maxLength() && open > 0; step++) {
            INDArray output = network.rnnTimeStep(CharSequences.step(previous, size));
            double[] probabilities = output.dup('c').data().asDouble();
            for (int i = 0; i < count; i++) {
                if (finished[i]) {
                    continue;
                }
                int next = draw(probabilities, i * size, size, weights, random);
                if (next == CharVocabulary.BOUNDARY) {
                    finished[i] = true;
                    open--;
                } else {
                    lines[i].appendCodePoint(vocabulary.codePoint(next));
                    previous[i] = next;
                }
            }
        }
        network.rnnClearPreviousState();
        List<String> out = new ArrayList<>(count);
        for (StringBuilder line : lines) {
            out.add(line.toString());
        }
        return out;
    }

    /**
     * Draws an outcome from p_T, given the row of p at {@code offset}: weights
     * exp((log p_v - log p_max) / T), which are p_T up to its normaliser.
     */
    private int draw(double[] probabilities, int offset, int size, double[] weights,
                     RandomGenerator random) {
        double inverse = 1.0 / options.temperature();
        double largest = 0;
        for (int v = 0; v < size; v++) {
            largest = Math.max(largest, probabilities[offset + v]);
        }
        double logLargest = Math.log(largest);
        double total = 0;
        for (int v = 0; v < size; v++) {
            double p = Math.max(probabilities[offset + v], PROBABILITY_FLOOR);
            weights[v] = Math.exp((Math.log(p) - logLargest) * inverse);
            total += weights[v];
        }
        double target = random.nextDouble() * total;
        double cumulative = 0;
        for (int v = 0; v < size; v++) {
            cumulative += weights[v];
            if (target < cumulative) {
                return v;
            }
        }
        // Rounding left the target at the very top: the last outcome of positive weight.
        for (int v = size - 1; v > 0; v--) {
            if (weights[v] > 0) {
                return v;
            }
        }
        return 0;
    }

    @Override
    public boolean hasDensity() {
        return true;
    }

    /** log q(line) in nats; see the class comment. Lines longer than max length are not cut. */
    @Override
    public double logDensity(String line) {
        return logDensities(List.of(line))[0];
    }

    /** {@link #logDensity} of many lines, evaluated {@value #DENSITY_BATCH} at a time. */
    @Override
    public synchronized double[] logDensities(List<String> lines) {
        double[] out = new double[lines.size()];
        for (int start = 0; start < lines.size(); start += DENSITY_BATCH) {
            int end = Math.min(lines.size(), start + DENSITY_BATCH);
            double[][] steps = stepLogProbabilities(lines.subList(start, end));
            for (int i = 0; i < steps.length; i++) {
                double sum = 0;
                for (double value : steps[i]) {
                    sum += value;
                }
                out[start + i] = sum;
            }
        }
        return out;
    }

    /**
     * log p_T(c_t | c_0 ... c_{t-1}) for t = 1 ... m + 1 (the characters, then the end marker) of
     * each line, from one forward pass over the lines side by side.
     */
    synchronized double[][] stepLogProbabilities(List<String> lines) {
        int size = vocabulary.size();
        List<CharSequences.Encoded> batch = new ArrayList<>(lines.size());
        for (String line : lines) {
            batch.add(CharSequences.Encoded.of(vocabulary, line, Integer.MAX_VALUE));
        }
        var data = CharSequences.dataSet(batch, size);
        INDArray output = network.output(data.getFeatures(), false,
            data.getFeaturesMaskArray(), null);
        network.rnnClearPreviousState();
        double[] probabilities = output.dup('c').data().asDouble();
        int steps = CharSequences.steps(batch);
        double[][] out = new double[batch.size()][];
        for (int i = 0; i < batch.size(); i++) {
            out[i] = lineSteps(batch.get(i), probabilities, i, size, steps);
        }
        return out;
    }

    /** log p_T(target_t | history_t) per step of line i of a batch's softmax output. */
    private double[] lineSteps(CharSequences.Encoded line, double[] probabilities, int i,
                               int size, int steps) {
        double inverse = 1.0 / options.temperature();
        double[] out = new double[line.steps()];
        double[] scaled = new double[size];
        for (int t = 0; t < line.steps(); t++) {
            int target = line.target(t);
            double logTarget = Math.log(Math.max(
                probabilities[(i * size + target) * steps + t], PROBABILITY_FLOOR));
            if (inverse == 1.0) {
                out[t] = logTarget;
                continue;
            }
            // log p_T(w) = (1/T) log p(w) - log sum_v exp((1/T) log p(v)), shifted by the max.
            double largest = Double.NEGATIVE_INFINITY;
            for (int v = 0; v < size; v++) {
                double p = Math.max(probabilities[(i * size + v) * steps + t], PROBABILITY_FLOOR);
                scaled[v] = inverse * Math.log(p);
                largest = Math.max(largest, scaled[v]);
            }
            double total = 0;
            for (int v = 0; v < size; v++) {
                total += Math.exp(scaled[v] - largest);
            }
            out[t] = inverse * logTarget - largest - Math.log(total);
        }
        return out;
    }
}
