package org.collapselab.run;

import org.collapselab.spec.ExperimentSpec;

/**
 * Which compute backend a run uses. The closed-form families (gaussian, gmm, kde,
 * linear-regression) run on the JVM and never load ND4J, so for them the backend is plain Java
 * on the CPU whatever the device setting.
 */
final class Device {

    private Device() {
    }

    static String describe(ExperimentSpec spec) {
        return "jvm-cpu (closed-form families do not use ND4J)";
    }
}
