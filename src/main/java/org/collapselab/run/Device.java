package org.collapselab.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a run computes: the choice between ND4J's CPU and CUDA backends, made once at the start
 * of a run from what the machine offers, before ND4J is loaded.
 *
 * <p>Rules, for a requested device of {@code auto}, {@code cpu} or {@code gpu}:
 * <ul>
 *   <li>A run whose families all run on the JVM (gaussian, gmm, kde, linear-regression, ngram)
 *       never loads ND4J and never probes for a GPU: {@code auto} and {@code cpu} record the
 *       backend {@code jvm}; {@code gpu} is refused, as the project refuses every option that
 *       nothing in the run reads.</li>
 *   <li>{@code cpu}: ND4J's CPU backend, without probing.</li>
 *   <li>{@code auto}: the CUDA backend when the build carries it and every visible NVIDIA card is
 *       one that this build's CUDA code runs on; otherwise the CPU backend, with one log line
 *       that says why.</li>
 *   <li>{@code gpu}: as {@code auto}, but where {@code auto} would fall back, the run stops with
 *       one line and exit code 2.</li>
 * </ul>
 *
 * <p>What the machine offers comes through a {@link Probe}, so that every branch can be checked
 * without a GPU and without loading ND4J.
 */
public final class Device {

    /** Families computed in plain Java: they do not load ND4J. */
    static final Set<String> JVM_FAMILIES =
        Set.of("gaussian", "gmm", "kde", "linear-regression", "ngram");

    /** The requests a spec or {@code --device} may make. */
    public static final Set<String> REQUESTS = Set.of("auto", "cpu", "gpu");

    /**
     * The compute capabilities that nd4j-cuda-11.6 1.0.0-M2.1 carries GPU code for. It carries no
     * PTX, so a card runs it only when the build has code of the card's major version and of a
     * minor version no higher than the card's (CUDA's binary compatibility rule).
     */
    static final List<ComputeCapability> BUILT_FOR = List.of(
        new ComputeCapability(3, 7), new ComputeCapability(5, 0), new ComputeCapability(5, 2),
        new ComputeCapability(6, 0), new ComputeCapability(6, 1), new ComputeCapability(7, 0),
        new ComputeCapability(7, 5), new ComputeCapability(8, 0), new ComputeCapability(8, 6));

    /** How to get the CUDA backend, appended where its absence is the reason. */
    static final String HOW_TO_GET_CUDA = "build with the gpu profile: gpu/run.sh SPEC.yaml, "
        + "see gpu/README.md";

    private Device() {
    }

    /** What the machine offers: the two questions a device choice asks. */
    public interface Probe {

        /** Whether the ND4J CUDA backend is on the class path (the gpu build). */
        boolean cudaBackendInBuild();

        /** The NVIDIA cards this process may use, or why none could be listed. */
        GpuListing gpus();
    }

    /** A card's CUDA compute capability, {@code major.minor}. */
    public record ComputeCapability(int major, int minor) {

        /** Reads {@code 8.6}; null when the text is not of that form. */
        static ComputeCapability parse(String text) {
            String[] parts = text.strip().split("\\.");
            if (parts.length != 2) {
                return null;
            }
            try {
                return new ComputeCapability(Integer.parseInt(parts[0]),
                    Integer.parseInt(parts[1]));
            } catch (NumberFormatException notNumbers) {
                return null;
            }
        }

        @Override
        public String toString() {
            return major + "." + minor;
        }
    }

    /**
     * One NVIDIA card.
     *
     * @param index the driver's index of the card (nvidia-smi's, and CUDA's by default)
     * @param uuid the card's UUID ({@code GPU-...})
     * @param name the product name
     * @param capability its compute capability
     */
    public record Gpu(int index, String uuid, String name, ComputeCapability capability) {

        String describe() {
            return "GPU " + index + " (" + name + ", compute capability " + capability + ")";
        }
    }

    /**
     * The cards visible to this process, or the reason none could be listed.
     *
     * @param gpus the cards, possibly none
     * @param failure why the cards could not be listed, or null when they could
     */
    public record GpuListing(List<Gpu> gpus, String failure) {

        public GpuListing {
            gpus = List.copyOf(gpus);
        }

        static GpuListing of(List<Gpu> gpus) {
            return new GpuListing(gpus, null);
        }

        static GpuListing failed(String why) {
            return new GpuListing(List.of(), why);
        }
    }

    /**
     * The outcome, written into provenance.json.
     *
     * @param requested the device asked for: auto, cpu or gpu
     * @param backend {@code jvm} (no ND4J), {@code nd4j-cpu} or {@code nd4j-cuda}
     * @param device {@code cpu}, or the GPU used
     * @param reason why this backend and device, in a few words
     */
    public record Choice(String requested, String backend, String device, String reason) {

        public boolean usesNd4j() {
            return !backend.equals("jvm");
        }

        public boolean cuda() {
            return backend.equals("nd4j-cuda");
        }

        /** The log line that states the choice. */
        public String logLine() {
            return "device: " + device + " (" + backend + "), " + reason;
        }
    }

    /** Whether a run of these families loads ND4J (any family not computed in plain Java). */
    public static boolean usesNd4j(List<String> families) {
        return families.stream().anyMatch(family -> !JVM_FAMILIES.contains(family));
    }

    /** Whether this build's CUDA code runs on a card of compute capability {@code card}. */
    public static boolean supports(ComputeCapability card) {
        return BUILT_FOR.stream().anyMatch(built -> built.major() == card.major()
            && built.minor() <= card.minor());
    }

    /**
     * Chooses the backend and device of a run.
     *
     * @param requested auto, cpu or gpu
     * @param source where the request came from, for the error line ({@code --device}, or the
     *     spec file and its field)
     * @param families the run's families
     * @param probe what the machine offers; asked only when the choice depends on it
     * @throws UsageException when {@code gpu} is requested and cannot be honoured
     */
    public static Choice choose(String requested, String source, List<String> families,
                                Probe probe) throws UsageException {
        String request = requested.toLowerCase(Locale.ROOT);
        if (!REQUESTS.contains(request)) {
            throw new UsageException(source + ": '" + requested + "' is not a device; use auto, "
                + "cpu or gpu");
        }
        if (!usesNd4j(families)) {
            if (request.equals("gpu")) {
                throw new UsageException(source + ": gpu, but this run's families ("
                    + String.join(", ", new TreeSet<>(families)) + ") are computed on the "
                    + "JVM's CPU and never use a GPU; use auto or cpu");
            }
            return new Choice(request, "jvm", "cpu",
                "the closed-form families run on the JVM and do not load ND4J");
        }
        if (request.equals("cpu")) {
            return new Choice(request, "nd4j-cpu", "cpu", "the CPU was requested");
        }
        String unusable = whyNoGpu(probe);
        if (unusable == null) {
            List<Gpu> gpus = probe.gpus().gpus();
            String used = gpus.size() == 1 ? gpus.get(0).describe()
                : gpus.size() + " GPUs: " + String.join("; ", gpus.stream().map(Gpu::describe)
                    .toList());
            return new Choice(request, "nd4j-cuda", "gpu", "on " + used);
        }
        if (request.equals("gpu")) {
            throw new UsageException(source + ": gpu, but " + unusable + "; use auto to fall "
                + "back to the CPU");
        }
        return new Choice(request, "nd4j-cpu", "cpu", "because " + unusable);
    }

    /** Why no GPU can be used, or null when one can. */
    private static String whyNoGpu(Probe probe) {
        if (!probe.cudaBackendInBuild()) {
            return "the ND4J CUDA backend is not in this build (" + HOW_TO_GET_CUDA + ")";
        }
        GpuListing listing = probe.gpus();
        if (listing.failure() != null) {
            return "no NVIDIA GPU could be listed (" + listing.failure() + ")";
        }
        if (listing.gpus().isEmpty()) {
            return "no NVIDIA GPU is visible to this process";
        }
        List<String> unsupported = new ArrayList<>();
        for (Gpu gpu : listing.gpus()) {
            if (!supports(gpu.capability())) {
                unsupported.add(gpu.describe());
            }
        }
        if (!unsupported.isEmpty()) {
            return String.join("; ", unsupported) + (unsupported.size() == 1 ? " is" : " are")
                + " not supported by this build's CUDA code (compute capability 3.7 to 8.x; no "
                + "Hopper 9.x); hide such cards with CUDA_VISIBLE_DEVICES";
        }
        return null;
    }
}
