package org.collapselab.model;

import java.util.List;

/**
 * The options of the {@code char-lstm} family, as written in the spec.
 *
 * @param hidden the widths of the stacked LSTM layers, input side first; at least one, each at
 *     least 1
 * @param epochs passes over the training lines, at least 1
 * @param batch lines per minibatch, at least 1
 * @param learningRate the Adam step size, finite and positive
 * @param tbpttLength the truncated back-propagation window in characters, at least 1: gradients
 *     flow back at most this many steps, and longer lines are trained window by window
 * @param temperature T in p_T(c | history) proportional to p(c | history)^(1/T), finite and
 *     positive; 1 leaves the fitted probabilities unchanged
 * @param maxLength the most characters in a sampled line, and in a training line (longer lines
 *     are cut there and trained without their end marker), at least 1
 */
public record CharLstmOptions(List<Integer> hidden, int epochs, int batch, double learningRate,
                              int tbpttLength, double temperature, int maxLength) {

    public CharLstmOptions {
        if (hidden == null || hidden.isEmpty()) {
            throw new IllegalArgumentException(
                "char-lstm: hidden must list at least one layer width");
        }
        hidden = List.copyOf(hidden);
        for (int width : hidden) {
            positive("hidden widths", width);
        }
        positive("epochs", epochs);
        positive("batch", batch);
        positive("tbptt length", tbpttLength);
        positive("max length", maxLength);
        if (!(learningRate > 0 && learningRate < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("char-lstm: learning rate must be finite and > 0,"
                + " found " + learningRate);
        }
        if (!(temperature > 0 && temperature < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("char-lstm: temperature must be finite and > 0,"
                + " found " + temperature);
        }
    }

    /** The same options at another temperature. */
    public CharLstmOptions withTemperature(double newTemperature) {
        return new CharLstmOptions(hidden, epochs, batch, learningRate, tbpttLength,
            newTemperature, maxLength);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("char-lstm: " + name + " must be >= 1, found "
                + value);
        }
    }
}
