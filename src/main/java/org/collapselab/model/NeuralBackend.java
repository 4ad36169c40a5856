package org.collapselab.model;

import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J backend that the neural families train on. Calling {@link #describe} loads ND4J
 * (seconds, and its native libraries), so only runs that use a neural family call it.
 */
public final class NeuralBackend {

    /** The families that train on ND4J. */
    public static final java.util.Set<String> FAMILIES =
        java.util.Set.of(VaeFamily.NAME, CharLstmFamily.NAME);

    private NeuralBackend() {
    }

    /** ND4J's own name for its backend, e.g. {@code CPU} or {@code CUDA}. */
    public static String describe() {
        Object backend = Nd4j.getExecutioner().getEnvironmentInformation().get("backend");
        return backend == null ? "unknown" : backend.toString();
    }
}
