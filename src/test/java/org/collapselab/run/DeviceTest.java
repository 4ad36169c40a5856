package org.collapselab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.collapselab.run.Device.Choice;
import org.collapselab.run.Device.ComputeCapability;
import org.collapselab.run.Device.Gpu;
import org.collapselab.run.Device.GpuListing;
import org.junit.jupiter.api.Test;

/**
 * The device choice on machines described by a probe: no GPU is needed to check the fallback and
 * the failure paths, and ND4J is never loaded.
 */
class DeviceTest {

    private static final List<String> NEURAL = List.of("gaussian", "vae");
    private static final List<String> CLOSED_FORM = List.of("gaussian", "kde");

    /** A machine: whether the build carries the CUDA backend, and what nvidia-smi says. */
    private record Machine(boolean cuda, GpuListing listing) implements Device.Probe {

        @Override
        public boolean cudaBackendInBuild() {
            return cuda;
        }

        @Override
        public GpuListing gpus() {
            return listing;
        }
    }

    /** A probe that fails the test when asked anything. */
    private static final Device.Probe UNASKED = new Device.Probe() {
        @Override
        public boolean cudaBackendInBuild() {
            throw new AssertionError("probed the machine");
        }

        @Override
        public GpuListing gpus() {
            throw new AssertionError("probed the machine");
        }
    };

    private static Machine withCards(String... capabilities) {
        List<Gpu> gpus = new java.util.ArrayList<>();
        for (int i = 0; i < capabilities.length; i++) {
            gpus.add(new Gpu(i, "GPU-" + i, "card " + i,
                ComputeCapability.parse(capabilities[i])));
        }
        return new Machine(true, GpuListing.of(gpus));
    }

    @Test
    void closedFormRunsUseTheJvmWithoutProbing() throws UsageException {
        for (String request : List.of("auto", "cpu")) {
            Choice choice = Device.choose(request, "--device", CLOSED_FORM, UNASKED);
            assertEquals("jvm", choice.backend());
            assertEquals("cpu", choice.device());
            assertFalse(choice.usesNd4j());
        }
    }

    @Test
    void gpuForClosedFormFamiliesIsRefusedAsAnOptionNothingReads() {
        UsageException mistake = assertThrows(UsageException.class,
            () -> Device.choose("gpu", "exp.yaml: device", CLOSED_FORM, UNASKED));
        assertEquals("exp.yaml: device: gpu, but this run's families (gaussian, kde) are "
            + "computed on the JVM's CPU and never use a GPU; use auto or cpu",
            mistake.getMessage());
    }

    @Test
    void cpuUsesTheNd4jCpuBackendWithoutProbing() throws UsageException {
        Choice choice = Device.choose("cpu", "--device", NEURAL, UNASKED);
        assertEquals("nd4j-cpu", choice.backend());
        assertTrue(choice.usesNd4j());
    }

    @Test
    void autoFallsBackToTheCpuWhenTheBuildHasNoCudaBackend() throws UsageException {
        Choice choice = Device.choose("auto", "--device", NEURAL,
            new Machine(false, GpuListing.failed("never asked")));
        assertEquals("nd4j-cpu", choice.backend());
        assertEquals("cpu", choice.device());
        assertTrue(choice.reason().contains("CUDA backend is not in this build"), choice.reason());
        assertTrue(choice.reason().contains("gpu/README.md"), choice.reason());
        assertEquals(1, choice.logLine().lines().count());
    }

    @Test
    void gpuWithoutTheCudaBackendFailsWithOneLine() {
        UsageException mistake = assertThrows(UsageException.class, () -> Device.choose("gpu",
            "--device", NEURAL, new Machine(false, GpuListing.failed("never asked"))));
        assertTrue(mistake.getMessage().startsWith("--device: gpu, but the ND4J CUDA backend is "
            + "not in this build"), mistake.getMessage());
        assertEquals(1, mistake.getMessage().lines().count());
    }

    @Test
    void autoFallsBackWhenNoCardCanBeListed() throws UsageException {
        Choice choice = Device.choose("auto", "--device", NEURAL,
            new Machine(true, GpuListing.failed("nvidia-smi not found")));
        assertEquals("cpu", choice.device());
        assertTrue(choice.reason().contains("nvidia-smi not found"), choice.reason());

        Choice none = Device.choose("auto", "--device", NEURAL, withCards());
        assertTrue(none.reason().contains("no NVIDIA GPU is visible"), none.reason());
    }

    @Test
    void hopperIsNotSupportedSoAutoFallsBackAndGpuFails() throws UsageException {
        Choice choice = Device.choose("auto", "--device", NEURAL, withCards("9.0"));
        assertEquals("nd4j-cpu", choice.backend());
        assertTrue(choice.reason().contains("GPU 0 (card 0, compute capability 9.0) is not "
            + "supported"), choice.reason());
        assertThrows(UsageException.class,
            () -> Device.choose("gpu", "--device", NEURAL, withCards("9.0")));
    }

    @Test
    void oneUnsupportedCardAmongSupportedOnesMeansTheCpu() throws UsageException {
        assertEquals("cpu", Device.choose("auto", "--device", NEURAL, withCards("8.0", "9.0"))
            .device());
    }

    @Test
    void aSupportedCardIsUsedByAutoAndGpu() throws UsageException {
        for (String request : List.of("auto", "gpu")) {
            Choice choice = Device.choose(request, "--device", NEURAL, withCards("8.0"));
            assertEquals("nd4j-cuda", choice.backend());
            assertEquals("gpu", choice.device());
            assertEquals("on GPU 0 (card 0, compute capability 8.0)", choice.reason());
        }
    }

    @Test
    void supportedCapabilitiesFollowCudaBinaryCompatibility() {
        // Built for 3.7, 5.0, 5.2, 6.0, 6.1, 7.0, 7.5, 8.0, 8.6: a card runs code of its own
        // major version and a minor version no higher than its own.
        for (String yes : List.of("3.7", "5.0", "5.3", "6.2", "7.0", "7.2", "7.5", "8.0", "8.6",
            "8.9")) {
            assertTrue(Device.supports(ComputeCapability.parse(yes)), yes);
        }
        for (String no : List.of("3.0", "3.5", "9.0", "10.0", "12.0", "2.1")) {
            assertFalse(Device.supports(ComputeCapability.parse(no)), no);
        }
    }

    @Test
    void anUnknownRequestIsRefused() {
        UsageException mistake = assertThrows(UsageException.class,
            () -> Device.choose("tpu", "--device", NEURAL, UNASKED));
        assertEquals("--device: 'tpu' is not a device; use auto, cpu or gpu",
            mistake.getMessage());
    }
}
