package org.collapselab.model;

import java.util.List;

/**
 * The options of the {@code vae} family, as written in the spec.
 *
 * @param hidden the widths of the encoder's hidden layers, input side first; the decoder uses
 *     the same widths in reverse order. At least one layer, each at least 1 wide
 * @param latent the dimension of the latent variable z, at least 1
 * @param epochs passes over the training set, at least 1
 * @param batch samples per gradient step (the last step of an epoch may hold fewer), at least 1
 * @param learningRate the Adam step size, finite and positive
 * @param importanceSamples k, the latent draws behind each importance-sampled log-density, at
 *     least 1
 */
public record VaeOptions(List<Integer> hidden, int latent, int epochs, int batch,
                         double learningRate, int importanceSamples) {

    /** The k of {@link #of}: enough for a stable bound on small latent spaces, and cheap. */
    public static final int DEFAULT_IMPORTANCE_SAMPLES = 64;

    public VaeOptions {
        if (hidden == null || hidden.isEmpty()) {
            throw new IllegalArgumentException("vae: hidden must list at least one layer width");
        }
        hidden = List.copyOf(hidden);
        for (int width : hidden) {
            if (width < 1) {
                throw new IllegalArgumentException("vae: hidden widths must be >= 1, found "
                    + width);
            }
        }
        positive("latent", latent);
        positive("epochs", epochs);
        positive("batch", batch);
        positive("importance samples", importanceSamples);
        if (!(learningRate > 0 && learningRate < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("vae: learning rate must be finite and > 0, found "
                + learningRate);
        }
    }

    /** The options with {@link #DEFAULT_IMPORTANCE_SAMPLES} importance samples. */
    public static VaeOptions of(List<Integer> hidden, int latent, int epochs, int batch,
                                double learningRate) {
        return new VaeOptions(hidden, latent, epochs, batch, learningRate,
            DEFAULT_IMPORTANCE_SAMPLES);
    }

    /** The decoder's hidden widths: {@link #hidden} in reverse order. */
    public int[] decoderWidths() {
        int[] widths = new int[hidden.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = hidden.get(hidden.size() - 1 - i);
        }
        return widths;
    }

    /** The encoder's hidden widths as an array. */
    public int[] encoderWidths() {
        return hidden.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("vae: " + name + " must be >= 1, found " + value);
        }
    }
}
