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

    @Test
    void horizonAboveTheCeilingIsOneLineNamingTheCeiling() {
        Path out = dir.resolve("pmir");
        Cli.Result result = Cli.run("market", "pmir", "--horizon", "2000000000", "--out", out);
        assertEquals(2, result.code(), result::err);
        assertEquals(1, result.errLines().size(), result::err);
        assertTrue(result.err().contains("--horizon must be from 1 to "
            + MarketPmirCommand.MAX_HORIZON), result::err);
        assertFalse(Files.exists(out));
    }

    @Test
    void aLoopThatNeverSettlesPrintsTheEndsOfItsTrajectoryAndWritesItAll() throws Exception {
        // eta = 1.9 is above 2 / (1 + a) at the defaults: the loop runs the whole horizon, two
        // arms of 1000 rounds each, 2000 rows; 30 are printed.
        Path out = dir.resolve("pmir");
        Cli.Result result = Cli.run("market", "pmir", "--eta", "1.9", "--out", out);
        assertEquals(0, result.code(), result::err);
        assertTrue(result.out().contains("(1970 rows between the first and last 15 left out "
            + "here; pmir-trajectory.csv has all 2000)"), result::out);
        assertEquals(1 + 2000, Files.readAllLines(out.resolve("pmir-trajectory.csv")).size());
    }
}
