package org.collapselab.run;

import org.collapselab.model.NeuralBackend;
import org.collapselab.spec.ExperimentSpec;

/**
 * Which compute backend a run uses. The closed-form families (gaussian, gmm, kde,
 * linear-regression) run on the JVM and never load ND4J, so for them the backend is plain Java
 * on the CPU whatever the device setting. A run with a neural family names ND4J's backend, which
 * the Maven build puts on the classpath (CPU unless the gpu profile is used).
 */
final class Device {

    private Device() {
    }

    static String describe(ExperimentSpec spec) {
        boolean neural = spec.family().stream().anyMatch(NeuralBackend.FAMILIES::contains);
        if (!neural) {
            return "jvm-cpu (closed-form families do not use ND4J)";
        }
        return "nd4j-" + NeuralBackend.describe().toLowerCase(java.util.Locale.ROOT);
    }
}
