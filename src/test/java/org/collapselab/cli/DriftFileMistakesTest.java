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
 * A drift curve with a value that no KL divergence can take (below zero, not finite) is refused
 * by every market subcommand with one line naming the file, the line and the value, and nothing
 * is written.
 */
class DriftFileMistakesTest {

    @TempDir
    Path dir;

    private Cli.Result welfare(String csvText) throws IOException {
        Path csv = Cli.write(dir.resolve("drift.csv"), csvText);
        return Cli.run("market", "welfare", "--drift-csv", csv, "--out", dir.resolve("out"));
    }

    private void assertRefused(Cli.Result result, String... parts) {
        assertEquals(2, result.code(), result::err);
        assertEquals(1, result.errLines().size(), result::err);
        assertTrue(result.err().contains(dir.resolve("drift.csv").toString()), result::err);
        for (String part : parts) {
            assertTrue(result.err().contains(part), () -> part + " missing in " + result.err());
        }
        assertFalse(Files.exists(dir.resolve("out")), "no output folder");
    }

    @Test
    void aNegativeKlIsRefusedWithItsLineAndTheAdviceToClip() throws IOException {
        assertRefused(welfare("rho,kl_qp\n0,0\n0.5,-1\n"), "line 3", "-1",
            "KL cannot be negative", "clip");
    }

    @Test
    void aNonFiniteKlIsRefusedWithItsLine() throws IOException {
        assertRefused(welfare("rho,kl_qp\n0.5,NaN\n"), "line 2", "NaN");
        assertRefused(welfare("rho,kl\n0.5,Infinity\n"), "line 2", "Infinity");
    }

    @Test
    void aZeroKlIsADriftOfNothingAndAccepted() throws IOException {
        assertEquals(0, welfare("rho,kl_qp\n0,0\n1,0\n").code());
    }
}
