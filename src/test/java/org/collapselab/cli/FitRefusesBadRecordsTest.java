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
 * {@code fit} refuses a generations.csv whose records the law cannot use with one line and exit
 * code 2, as {@code plot} does, instead of a stack trace from the regression.
 */
class FitRefusesBadRecordsTest {

    @TempDir
    Path dir;

    private Path run;

    @BeforeEach
    void runTiny() throws IOException {
        Path spec = Cli.write(dir.resolve("tiny.yaml"), Specs.TINY);
        run = dir.resolve("run");
        assertEquals(0, Cli.run("run", spec, "--out", run).code());
    }

    @Test
    void nanLogQIsOneLineNamingTheRecord() throws IOException {
        int record = edit("log_q", "NaN");

        Cli.Result result = Cli.run("fit", run);

        assertOneLineMistake(result);
        assertTrue(result.err().contains("record " + record), result::err);
        assertTrue(result.err().contains("log_q"), result::err);
        assertTrue(result.err().contains("'NaN'"), result::err);
    }

    @Test
    void minusInfinityLogQIsOneLineNamingTheRecord() throws IOException {
        int record = edit("log_q", "-Infinity");

        Cli.Result result = Cli.run("fit", run);

        assertOneLineMistake(result);
        assertTrue(result.err().contains("record " + record), result::err);
        assertTrue(result.err().contains("'-Infinity'"), result::err);
    }

    @Test
    void twoRowsOfACellAtOneGenerationAreOneLineMistake() throws IOException {
        // The generation-2 row of a cell relabelled 1: that cell now has two rows at 1.
        int record = edit("generation", "1");

        Cli.Result result = Cli.run("fit", run);

        assertOneLineMistake(result);
        assertTrue(result.err().contains("record " + record), result::err);
        assertTrue(result.err().contains("generation 1 appears twice"), result::err);
    }

    @Test
    void fitAndPlotRefuseTheSameTextInAMetricColumn() throws IOException {
        int record = edit("kl_pq", "banana");

        Cli.Result fit = Cli.run("fit", run);
        Cli.Result plot = Cli.run("plot", run);

        assertOneLineMistake(fit);
        assertOneLineMistake(plot);
        assertTrue(fit.err().contains("record " + record + ": column kl_pq: found 'banana'"),
            fit::err);
        assertEquals(plot.err(), fit.err());
    }

    private void assertOneLineMistake(Cli.Result result) {
        assertEquals(2, result.code(), result::err);
        assertEquals(1, result.errLines().size(), result::err);
        assertTrue(result.err().contains("generations.csv"), result::err);
        assertFalse(result.err().contains("Exception"), result::err);
    }

    /**
     * Sets one column of the generation-2 row of the first cell with rho 0.5 and returns its
     * record number (the header is record 1).
     */
    private int edit(String column, String value) throws IOException {
        Path csv = run.resolve("generations.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(csv, StandardCharsets.UTF_8));
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        int target = header.indexOf(column);
        assertTrue(target >= 0, column);
        for (int i = 1; i < lines.size(); i++) {
            String[] fields = lines.get(i).split(",", -1);
            assertEquals(header.size(), fields.length, "a quoted comma in " + lines.get(i));
            if (fields[header.indexOf("rho")].equals("0.5")
                    && fields[header.indexOf("generation")].equals("2")) {
                fields[target] = value;
                lines.set(i, String.join(",", fields));
                Files.write(csv, lines, StandardCharsets.UTF_8);
                return i + 1;
            }
        }
        throw new AssertionError("no generation-2 row with rho 0.5");
    }
}
