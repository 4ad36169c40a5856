package org.collapselab.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** The names of the model families a spec may use, with one line each for {@code list}. */
public final class FamilyCatalogue {

    private static final Map<String, String> FAMILIES = new LinkedHashMap<>();

    static {
        FAMILIES.put("gaussian", "multivariate normal by maximum likelihood (options: unbiased, "
            + "ridge, moment_sampling)");
        FAMILIES.put("gmm", "Gaussian mixture by EM from k-means++ starts (options: components, "
            + "covariance, max_iterations, tolerance, restarts, regularization)");
        FAMILIES.put("kde", "Gaussian kernel density (option: bandwidth = scott, silverman or a "
            + "number)");
        FAMILIES.put("linear-regression", "least squares on a fixed design, relabelled each "
            + "generation (data: analytic linear-model; option: noise_variance)");
        FAMILIES.put("vae", "variational autoencoder on DL4J/ND4J, sampled from the prior; nll "
            + "importance-sampled (options: hidden, latent, epochs, batch, learning_rate)");
    }

    private FamilyCatalogue() {
    }

    /** Family names and descriptions, in a stable order. */
    public static Map<String, String> families() {
        return java.util.Collections.unmodifiableMap(FAMILIES);
    }

    public static boolean contains(String name) {
        return FAMILIES.containsKey(name);
    }
}
