package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A control run, every cell at rho = 0, is a valid experiment, but its regressor t rho^2 is 0
 * throughout, so the collapse law's b is not identified. The run still succeeds and draws its
 * report; only the fit is refused, in one line.
 */
class ControlRunTest {

    @TempDir
    Path dir;

    private Path run;
    private Cli.Result result;

    @BeforeEach
    void runTheControl() throws IOException {
        Path spec = Cli.write(dir.resolve("control.yaml"), Specs.TINY.replace("rho: [0, 0.5, 1]",
            "rho: 0"));
        run = dir.resolve("run");
        result = Cli.run("run", spec, "--out", run);
    }

    @Test
    void runSucceedsAndSaysInOneLineThatTheLawsAreNotFitted() throws IOException {
        assertEquals(0, result.code(), result::err);
        assertEquals(1, result.errLines().size(), result::err);
        assertTrue(result.err().startsWith(run + ": the laws cannot be fitted"), result::err);
        assertTrue(Files.isRegularFile(run.resolve("report.md")));
        assertFalse(Files.exists(run.resolve("fits.csv")));
    }

    @Test
    void fitOnTheControlIsAOneLineMistake() {
        Cli.Result fit = Cli.run("fit", run);
        assertEquals(2, fit.code(), fit::err);
        assertEquals(1, fit.errLines().size(), fit::err);
        assertTrue(fit.err().startsWith(run + ": the laws cannot be fitted"), fit::err);
    }
}
