package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generations.csv damaged by hand (a word where a number belongs, bytes that are not UTF-8)
 * makes {@code fit} and {@code plot} stop alike: one line naming the file, the record and the
 * column, exit code 2.
 */
class DamagedGenerationsTest {

    @TempDir
    Path dir;

    private Path run;

    @BeforeEach
    void runTiny() throws IOException {
        run = dir.resolve("run");
        Path spec = Cli.write(dir.resolve("tiny.yaml"), Specs.TINY);
        assertEquals(0, Cli.run("run", spec, "--out", run, "--no-report").code());
    }

    /** Replaces the field {@code column} of data line {@code line} (1 = first after header). */
    private void damage(int line, String column, String value) throws IOException {
        Path csv = run.resolve("generations.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(csv, StandardCharsets.UTF_8));
        int index = Arrays.asList(lines.get(0).split(",", -1)).indexOf(column);
        String[] fields = lines.get(line).split(",", -1);
        fields[index] = value;
        lines.set(line, String.join(",", fields));
        Files.write(csv, lines, StandardCharsets.UTF_8);
    }

    private static void assertOneLine(Cli.Result result, String... parts) {
        assertEquals(2, result.code(), result::err);
        assertEquals(1, result.errLines().size(), result::err);
        for (String part : parts) {
            assertTrue(result.err().contains(part), () -> part + " missing in " + result.err());
        }
        assertFalse(result.err().contains("Exception"), result::err);
    }

    @Test
    void aWordInLogQIsOneLineNamingRecordAndColumnForFitAsForPlot() throws IOException {
        // Data line 5 is CSV record 6: the header is record 1.
        damage(5, "log_q", "abc");
        for (String command : new String[] {"fit", "plot"}) {
            assertOneLine(Cli.run(command, run), "generations.csv record 6: column log_q: "
                + "found 'abc', expected a number");
        }
    }

    @Test
    void aWordInRhoIsOneLineForFit() throws IOException {
        damage(9, "rho", "zz");
        assertOneLine(Cli.run("fit", run), "generations.csv record 10: column rho: found 'zz'");
    }

    @Test
    void bytesThatAreNotUtf8AreOneLineForFitAndPlot() throws IOException {
        Path csv = run.resolve("generations.csv");
        byte[] text = Files.readAllBytes(csv);
        // 0xFF never occurs in UTF-8; put it into the header and, separately, deep in the file.
        for (int at : new int[] {2, text.length - 10}) {
            byte[] damaged = text.clone();
            damaged[at] = (byte) 0xFF;
            Files.write(csv, damaged);
            for (String command : new String[] {"fit", "plot"}) {
                assertOneLine(Cli.run(command, run), "generations.csv", "not UTF-8");
            }
        }
    }
}
