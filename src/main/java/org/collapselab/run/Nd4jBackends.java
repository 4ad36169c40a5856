package org.collapselab.run;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Puts a device choice into effect in ND4J, which picks its backend once per process, the first
 * time it is used, among the backends its service files list.
 *
 * <p>ND4J tries the CUDA backend before the CPU one. Its priorities are read from environment
 * variables (BACKEND_PRIORITY_CPU, BACKEND_PRIORITY_GPU) that a running JVM cannot set, and a
 * CUDA backend tried on a machine without a usable card prints a stack trace, or, on a card this
 * build has no code for, starts and then fails. So when the choice is the CPU in a build that
 * carries both backends, ND4J is given a class loader that hides the CUDA backend's service file
 * ({@link ND4JClassLoading#setNd4jClassloader}); classes still come from the same loader.
 */
final class Nd4jBackends {

    /** The service file through which ND4J finds its backends. */
    static final String SERVICE = "META-INF/services/org.nd4j.linalg.factory.Nd4jBackend";

    private Nd4jBackends() {
    }

    /**
     * Readies ND4J for the choice, loads it, and returns the backend it started: "CPU" or
     * "CUDA". Call before anything else in the process uses ND4J.
     */
    static String start(Device.Choice choice, boolean cudaInBuild) {
        if (!choice.cuda() && cudaInBuild) {
            ClassLoader current = ND4JClassLoading.getNd4jClassloader();
            ND4JClassLoading.setNd4jClassloader(new WithoutBackend(current,
                MachineProbe.CUDA_BACKEND));
        }
        Object backend = Nd4j.getExecutioner().getEnvironmentInformation().get("backend");
        return String.valueOf(backend);
    }

    /**
     * Delegates everything to its parent, except that ND4J's backend service files naming one
     * backend class are left out.
     */
    static final class WithoutBackend extends ClassLoader {

        private final String hidden;

        WithoutBackend(ClassLoader parent, String hidden) {
            super(parent);
            this.hidden = hidden;
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            Enumeration<URL> all = super.getResources(name);
            if (!name.equals(SERVICE)) {
                return all;
            }
            List<URL> kept = new ArrayList<>();
            for (URL url : Collections.list(all)) {
                if (!names(url, hidden)) {
                    kept.add(url);
                }
            }
            return Collections.enumeration(kept);
        }

        /** Whether a service file lists {@code className} (lines after '#' are comments). */
        private static boolean names(URL serviceFile, String className) throws IOException {
            try (InputStream in = serviceFile.openStream()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return text.lines().map(line -> line.replaceFirst("#.*", "").strip())
                    .anyMatch(className::equals);
            }
        }
    }
}
