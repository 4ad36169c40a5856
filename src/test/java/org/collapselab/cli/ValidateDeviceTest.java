package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate} refuses {@code device: gpu} for closed-form families, with run's line. */
class ValidateDeviceTest {

    @TempDir
    Path dir;

    @Test
    void validateRefusesAGpuForAClosedFormFamilyAsRunDoes() throws IOException {
        Path spec = Cli.write(dir.resolve("gpu.yaml"), Specs.TINY + "device: gpu\n");
        Cli.Result validate = Cli.run("validate", spec);
        Cli.Result run = Cli.run("run", spec, "--out", dir.resolve("out"));
        assertEquals(2, run.code(), run::err);
        assertEquals(2, validate.code(), validate::err);
        assertEquals(run.err(), validate.err());
        assertTrue(validate.err().contains("never use a GPU"), validate::err);
    }

    @Test
    void validateStillAcceptsCpuAndAuto() throws IOException {
        for (String device : new String[] {"cpu", "auto"}) {
            Path spec = Cli.write(dir.resolve(device + ".yaml"), Specs.TINY + "device: "
                + device + "\n");
            assertEquals(0, Cli.run("validate", spec).code(), device);
        }
    }
}
