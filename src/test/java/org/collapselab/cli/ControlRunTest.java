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
 * report; each group's fit is refused in one line that says why in a user's terms.
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
    void runSucceedsAndSaysPerGroupWhyTheLawsAreNotFitted() throws IOException {
        assertEquals(0, result.code(), result::err);
        assertFalse(result.errLines().isEmpty(), result::err);
        for (String line : result.errLines()) {
            assertTrue(line.startsWith("not fitted: group ") && line.contains("only rho = 0"),
                line);
        }
        assertTrue(Files.isRegularFile(run.resolve("report.md")));
        // fits.csv holds its header and no group.
        assertEquals(1, Files.readAllLines(run.resolve("fits.csv")).size());
    }

    @Test
    void fitOnTheControlIsAMistakeWithTheSameLines() {
        Cli.Result fit = Cli.run("fit", run);
        assertEquals(2, fit.code(), fit::err);
        assertEquals(result.errLines(), fit.errLines());
    }
}
