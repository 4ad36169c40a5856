package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --device} on runs of closed-form families, which never load ND4J: auto records the JVM
 * backend in provenance.json, gpu is refused with one line and no results folder.
 */
class DeviceOptionTest {

    @TempDir
    Path dir;

    @Test
    void autoRecordsTheJvmBackendInProvenance() throws IOException {
        Path spec = Cli.write(dir.resolve("tiny.yaml"), Specs.TINY);
        Path out = dir.resolve("auto");
        Cli.Result result = Cli.run("run", spec, "--out", out, "--device", "auto",
            "--no-report");
        assertEquals(0, result.code(), result::err);
        Map<?, ?> provenance = new ObjectMapper().readValue(out.resolve("provenance.json")
            .toFile(), Map.class);
        assertEquals("auto", provenance.get("device_requested"));
        assertEquals("jvm", provenance.get("backend"));
        assertEquals("cpu", provenance.get("device"));
    }

    @Test
    void gpuIsRefusedWithOneLineAndNoFolder() throws IOException {
        Path spec = Cli.write(dir.resolve("tiny.yaml"), Specs.TINY);
        Path out = dir.resolve("gpu");
        Cli.Result result = Cli.run("run", spec, "--out", out, "--device", "gpu");
        assertEquals(2, result.code());
        assertEquals(List.of("--device: gpu, but this run's families (gaussian, kde) are "
            + "computed on the JVM's CPU and never use a GPU; use auto or cpu"),
            result.errLines());
        assertFalse(Files.exists(out));
    }

    @Test
    void gpuInTheSpecNamesTheFileAndField() throws IOException {
        Path spec = Cli.write(dir.resolve("tiny.yaml"), Specs.TINY + "device: gpu\n");
        Cli.Result result = Cli.run("run", spec, "--out", dir.resolve("x"));
        assertEquals(2, result.code());
        assertEquals(List.of(spec + ": device: gpu, but this run's families (gaussian, kde) are "
            + "computed on the JVM's CPU and never use a GPU; use auto or cpu"),
            result.errLines());
    }

    @Test
    void anUnknownDeviceIsRefused() throws IOException {
        Path spec = Cli.write(dir.resolve("tiny.yaml"), Specs.TINY);
        Cli.Result result = Cli.run("run", spec, "--out", dir.resolve("x"), "--device", "tpu");
        assertEquals(2, result.code());
        assertEquals(List.of("--device: 'tpu' is not a device; use auto, cpu or gpu"),
            result.errLines());
    }
}
