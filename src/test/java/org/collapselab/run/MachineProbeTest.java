package org.collapselab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.List;
import org.collapselab.run.Device.ComputeCapability;
import org.collapselab.run.Device.Gpu;
import org.collapselab.run.Device.GpuListing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading nvidia-smi, CUDA_VISIBLE_DEVICES, and hiding the CUDA backend from ND4J. */
class MachineProbeTest {

    private static final String TWO_CARDS = """
        0, GPU-aaaa1111, NVIDIA A100-SXM4-40GB, 8.0
        1, GPU-bbbb2222, NVIDIA H100 80GB HBM3, 9.0
        """;

    @TempDir
    Path dir;

    @Test
    void readsIndexUuidNameAndCapability() {
        GpuListing listing = MachineProbe.parse(TWO_CARDS, null);
        assertNull(listing.failure());
        assertEquals(List.of(
            new Gpu(0, "GPU-aaaa1111", "NVIDIA A100-SXM4-40GB", new ComputeCapability(8, 0)),
            new Gpu(1, "GPU-bbbb2222", "NVIDIA H100 80GB HBM3", new ComputeCapability(9, 0))),
            listing.gpus());
    }

    @Test
    void anOldDriverWithoutComputeCapIsAFailureNotACard() {
        GpuListing listing = MachineProbe.parse("0, GPU-a, Tesla K80, [Not Supported]", null);
        assertTrue(listing.gpus().isEmpty());
        assertTrue(listing.failure().contains("cannot report compute_cap"), listing.failure());
    }

    @Test
    void cudaVisibleDevicesKeepsTheCardsItNamesInItsOrder() {
        List<Gpu> all = MachineProbe.parse(TWO_CARDS, null).gpus();
        assertEquals(List.of(all.get(1)), MachineProbe.parse(TWO_CARDS, "1").gpus());
        assertEquals(List.of(all.get(1), all.get(0)), MachineProbe.parse(TWO_CARDS, "1,0")
            .gpus());
        assertEquals(List.of(all.get(0)), MachineProbe.parse(TWO_CARDS, "GPU-aaaa").gpus());
        // CUDA stops at the first entry that names no card.
        assertEquals(List.of(all.get(0)), MachineProbe.parse(TWO_CARDS, "0,7,1").gpus());
        assertEquals(List.of(), MachineProbe.parse(TWO_CARDS, "").gpus());
        assertEquals(List.of(), MachineProbe.parse(TWO_CARDS, "-1").gpus());
    }

    @Test
    void asksTheNvidiaSmiItIsGiven() throws IOException {
        Path smi = script("fake-smi", "printf '0, GPU-c, NVIDIA L4, 8.9\\n'\n");
        GpuListing listing = new MachineProbe(smi.toString(), null).gpus();
        assertEquals(List.of(new Gpu(0, "GPU-c", "NVIDIA L4", new ComputeCapability(8, 9))),
            listing.gpus());
    }

    @Test
    void aFailingNvidiaSmiGivesItsFirstLine() throws IOException {
        Path smi = script("failing-smi", "echo 'No devices were found'; exit 6\n");
        GpuListing listing = new MachineProbe(smi.toString(), null).gpus();
        assertEquals("nvidia-smi failed with exit code 6: No devices were found",
            listing.failure());
    }

    @Test
    void aMissingNvidiaSmiSaysSo() {
        GpuListing listing = new MachineProbe(dir.resolve("absent").toString(), null).gpus();
        assertTrue(listing.failure().startsWith("nvidia-smi not found"), listing.failure());
    }

    @Test
    void theCpuOnlyLoaderHidesTheCudaServiceFileAndKeepsTheOthers() throws IOException {
        Path cpu = service(dir.resolve("cpu"), "# a comment\norg.example.CpuBackend\n");
        Path cuda = service(dir.resolve("cuda"), "# licence\n" + MachineProbe.CUDA_BACKEND
            + "#\n");
        try (URLClassLoader both = new URLClassLoader(new URL[] {cpu.toUri().toURL(),
            cuda.toUri().toURL()}, null)) {
            assertEquals(2, Collections.list(both.getResources(Nd4jBackends.SERVICE)).size());
            ClassLoader cpuOnly = new Nd4jBackends.WithoutBackend(both,
                MachineProbe.CUDA_BACKEND);
            List<URL> seen = Collections.list(cpuOnly.getResources(Nd4jBackends.SERVICE));
            assertEquals(1, seen.size());
            assertTrue(seen.get(0).toString().contains("/cpu/"), seen.toString());
        }
    }

    private Path script(String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    private static Path service(Path root, String text) throws IOException {
        Path file = root.resolve(Nd4jBackends.SERVICE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return root;
    }
}
