package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Options that would silently lose to another, and grid values listed twice (which would merge
 * into one cell), are refused with one line and exit code 2, before anything is written.
 */
class ConflictingOptionsTest {

    @TempDir
    Path dir;

    private static void assertOneLine(Cli.Result result, String... parts) {
        assertEquals(2, result.code(), result::err);
        assertEquals(1, result.errLines().size(), result::err);
        for (String part : parts) {
            assertTrue(result.err().contains(part), () -> part + " missing in " + result.err());
        }
    }

    @Test
    void runRefusesOutTogetherWithResults() throws IOException {
        Path spec = Cli.write(dir.resolve("tiny.yaml"), Specs.TINY);
        Path results = dir.resolve("elsewhere");
        assertOneLine(Cli.run("run", spec, "--out", dir.resolve("out"), "--results", results),
            "--out", "--results", "give one of them");
        assertFalse(Files.exists(dir.resolve("out")));
        assertFalse(Files.exists(results));
    }

    @Test
    void marketRefusesAGivenDriftBesideADriftFile() throws IOException {
        Path csv = Cli.write(dir.resolve("drift.csv"), "rho,kl_qp\n0,0\n1,0.2\n");
        Path out = dir.resolve("market");
        assertOneLine(Cli.run("market", "welfare", "--drift", "0.1", "--drift-csv", csv,
            "--out", out), "--drift and --drift-csv");
        assertOneLine(Cli.run("market", "equilibrium", "--b", "0.3", "--drift-csv", csv,
            "--out", out), "--b and --drift-csv");
        assertFalse(Files.exists(out));
        assertEquals(0, Cli.run("market", "welfare", "--drift-csv", csv, "--out", out).code());
    }

    @Test
    void aGridValueListedTwiceIsRefusedWithItsField() throws IOException {
        String spec = Specs.TINY.replace("rho: [0, 0.5, 1]", "rho: [0.5, 0.5]");
        Cli.Result result = Cli.run("validate", Cli.write(dir.resolve("twice.yaml"), spec));
        assertOneLine(result, "twice.yaml:7:", "rho", "0.5 is listed twice");
    }

    @Test
    void aFamilyOrMetricListedTwiceIsRefused() throws IOException {
        String families = Specs.TINY.replace("family: [gaussian, kde]",
            "family: [gaussian, gaussian]");
        assertOneLine(Cli.run("validate", Cli.write(dir.resolve("f.yaml"), families)),
            "family", "gaussian is listed twice");
        String metrics = Specs.TINY.replace("samples: 50", "samples: 50\n  include: [w2, w2]");
        assertOneLine(Cli.run("validate", Cli.write(dir.resolve("m.yaml"), metrics)),
            "metrics.include", "w2 is listed twice");
    }
}
