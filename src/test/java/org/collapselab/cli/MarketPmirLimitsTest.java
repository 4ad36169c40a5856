package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code market pmir --inspected} has a stated ceiling, and its help says what 0 means. */
class MarketPmirLimitsTest {

    @TempDir
    Path dir;

    @Test
    void inspectedAboveTheCeilingIsOneLineNamingTheCeiling() {
        Path out = dir.resolve("pmir");
        Cli.Result result = Cli.run("market", "pmir", "--inspected", "2000000000", "--out", out);
        assertEquals(2, result.code(), result::err);
        assertEquals(1, result.errLines().size(), result::err);
        assertTrue(result.err().contains("--inspected"), result::err);
        assertTrue(result.err().contains(String.valueOf(MarketPmirCommand.MAX_INSPECTED)),
            result::err);
        assertFalse(Files.exists(out));
    }

    @Test
    void theHelpSaysWhatZeroInspectedMeansAndTheCeiling() {
        String help = Cli.run("market", "pmir", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("0 draws no flags"), help);
        assertTrue(help.contains("at most 100000000"), help);
    }
}
