package org.collapselab.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names of the model families a spec may use, with one line each for {@code list}, and which
 * of them model lines of text ({@code GenerativeModel<String>}) rather than numeric vectors.
 */
public final class FamilyCatalogue {

    private static final Map<String, String> FAMILIES = new LinkedHashMap<>();
    /** The families over lines of text; they need {@code data.source: text}, and the others not. */
    private static final java.util.Set<String> TEXT = java.util.Set.of(NgramFamily.NAME,
        CharLstmFamily.NAME);

    static {
        FAMILIES.put("gaussian", "multivariate normal by maximum likelihood (options: unbiased, "
            + "ridge, moment_sampling)");
        FAMILIES.put("gmm", "Gaussian mixture by EM from k-means++ starts (options: components, "
            + "covariance, max_iterations, tolerance, restarts, regularization)");
        FAMILIES.put("kde", "Gaussian kernel density (option: bandwidth = scott, silverman or a "
            + "number)");
        FAMILIES.put("linear-regression", "least squares on a fixed design, relabelled each "
            + "generation (data: analytic linear-model; option: noise_variance)");
        FAMILIES.put(NgramFamily.NAME, "character or word n-gram language model with add-k or "
            + "Kneser-Ney smoothing (data: text; options: unit, order, smoothing, add_k, "
            + "discount, temperature, max_length)");
        FAMILIES.put("vae", "variational autoencoder on DL4J/ND4J, sampled from the prior; nll "
            + "importance-sampled (options: hidden, latent, epochs, batch, learning_rate)");
        FAMILIES.put(CharLstmFamily.NAME, "character LSTM language model on DL4J/ND4J (data: "
            + "text; options: hidden, epochs, batch, learning_rate, tbptt, temperature, "
            + "max_length)");
    }

    private FamilyCatalogue() {
    }

    /** Family names and descriptions, in a stable order. */
    public static Map<String, String> families() {
        return java.util.Collections.unmodifiableMap(FAMILIES);
    }

    /** Whether the family models lines of text. */
    public static boolean isText(String name) {
        return TEXT.contains(name);
    }

    public static boolean contains(String name) {
        return FAMILIES.containsKey(name);
    }
}
