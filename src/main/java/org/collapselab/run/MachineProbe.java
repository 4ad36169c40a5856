package org.collapselab.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.collapselab.run.Device.ComputeCapability;
import org.collapselab.run.Device.Gpu;
import org.collapselab.run.Device.GpuListing;

/**
 * The real {@link Device.Probe}: looks for the ND4J CUDA backend class without initialising it
 * (which would load CUDA), and lists the NVIDIA cards with {@code nvidia-smi}, which reports each
 * card's compute capability without loading ND4J or CUDA into this process. The cards are
 * filtered by {@code CUDA_VISIBLE_DEVICES} as CUDA would filter them, since nvidia-smi lists every
 * card of the machine.
 */
public final class MachineProbe implements Device.Probe {

    /** The class of ND4J's CUDA backend, present only in the gpu build. */
    static final String CUDA_BACKEND = "org.nd4j.linalg.jcublas.JCublasBackend";
    /** How long nvidia-smi may take before it is taken as unusable. */
    private static final long NVIDIA_SMI_SECONDS = 30;

    private final String nvidiaSmi;
    /** The value of CUDA_VISIBLE_DEVICES, or null when it is not set. */
    private final String visibleDevices;

    /**
     * @param nvidiaSmi the nvidia-smi command (a name looked up on the PATH, or a path)
     * @param visibleDevices the value of CUDA_VISIBLE_DEVICES, or null when unset
     */
    public MachineProbe(String nvidiaSmi, String visibleDevices) {
        this.nvidiaSmi = nvidiaSmi;
        this.visibleDevices = visibleDevices;
    }

    /** The probe of this machine and process. */
    public static MachineProbe ofThisMachine() {
        return new MachineProbe("nvidia-smi", System.getenv("CUDA_VISIBLE_DEVICES"));
    }

    @Override
    public boolean cudaBackendInBuild() {
        try {
            Class.forName(CUDA_BACKEND, false, MachineProbe.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    @Override
    public GpuListing gpus() {
        String output;
        try {
            Process process = new ProcessBuilder(nvidiaSmi,
                "--query-gpu=index,uuid,name,compute_cap", "--format=csv,noheader")
                .redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] bytes = process.getInputStream().readAllBytes();
            if (!process.waitFor(NVIDIA_SMI_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return GpuListing.failed("nvidia-smi did not answer in " + NVIDIA_SMI_SECONDS
                    + " s");
            }
            output = new String(bytes, StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                String first = output.lines().findFirst().orElse("no output");
                return GpuListing.failed("nvidia-smi failed with exit code "
                    + process.exitValue() + ": " + first);
            }
        } catch (IOException notInstalled) {
            return GpuListing.failed("nvidia-smi not found; it comes with the NVIDIA driver");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return GpuListing.failed("interrupted while asking nvidia-smi");
        }
        return parse(output, visibleDevices);
    }

    /**
     * Reads nvidia-smi's {@code index, uuid, name, compute_cap} lines and keeps the cards that
     * {@code CUDA_VISIBLE_DEVICES} lets CUDA see.
     *
     * @param csv nvidia-smi's output, one card per line
     * @param visibleDevices CUDA_VISIBLE_DEVICES, or null when unset (every card is visible)
     */
    static GpuListing parse(String csv, String visibleDevices) {
        List<Gpu> gpus = new ArrayList<>();
        for (String line : csv.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            List<String> fields = Arrays.stream(line.split(",")).map(String::strip).toList();
            if (fields.size() < 4) {
                return GpuListing.failed("unexpected nvidia-smi line '" + line + "'");
            }
            ComputeCapability capability = ComputeCapability.parse(fields.get(fields.size() - 1));
            if (capability == null) {
                return GpuListing.failed("this nvidia-smi cannot report compute_cap ('" + line
                    + "'); a newer NVIDIA driver can");
            }
            int index;
            try {
                index = Integer.parseInt(fields.get(0));
            } catch (NumberFormatException notIndex) {
                return GpuListing.failed("unexpected nvidia-smi line '" + line + "'");
            }
            String name = String.join(",", fields.subList(2, fields.size() - 1));
            gpus.add(new Gpu(index, fields.get(1), name, capability));
        }
        return GpuListing.of(visible(gpus, visibleDevices));
    }

    /**
     * The cards CUDA sees under CUDA_VISIBLE_DEVICES: a comma-separated list of indexes or UUIDs
     * (whole or a unique prefix); CUDA stops at the first entry that names no card.
     */
    static List<Gpu> visible(List<Gpu> gpus, String visibleDevices) {
        if (visibleDevices == null) {
            return gpus;
        }
        List<Gpu> kept = new ArrayList<>();
        for (String entry : visibleDevices.split(",", -1)) {
            String wanted = entry.strip();
            Gpu match = gpus.stream().filter(gpu -> names(gpu, wanted)).findFirst().orElse(null);
            if (match == null || kept.contains(match)) {
                break;
            }
            kept.add(match);
        }
        return kept;
    }

    private static boolean names(Gpu gpu, String entry) {
        if (entry.isEmpty()) {
            return false;
        }
        if (entry.length() < 10 && entry.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(entry) == gpu.index();
        }
        return gpu.uuid().startsWith(entry.startsWith("GPU-") ? entry : "GPU-" + entry);
    }
}
