package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run on lines of text goes through the same grid, seeds, policies, writer and resume as a
 * numeric run: seeded reruns and resumed runs write the same generations.csv byte for byte.
 */
class TextRunTest {

    /**
     * 12 cells: the ngram family under every policy at rho = 0.5, two replicates, three
     * generations each, on a file of 60 lines.
     */
    static final String SPEC = """
        name: text-tiny
        seed: 23
        generations: 2
        replicates: 2
        family: ngram
        policy: [replace, mix, weighted, augment, accumulate, accumulate-subsample]
        rho: 0.5
        n: 12
        data:
          source: text
          path: lines.txt
          probe: 0.25
        model:
          order: 3
          max_length: 300
        metrics:
          samples: 20
        """;
    /** Rows of the run: 12 cells, generations 0 to 2. */
    static final int ROWS = 12 * 3;
    /** Rows per cell. */
    static final int GENERATIONS = 3;

    @TempDir
    Path dir;

    private Path spec;

    @BeforeEach
    void writeCorpus() throws IOException {
        Files.write(dir.resolve("lines.txt"), corpus());
        spec = Cli.write(dir.resolve("text.yaml"), SPEC);
    }

    /** 60 lines of a few words each, varied by their index so that the lines differ. */
    static List<String> corpus() {
        String[] subjects = {"the committee", "this report", "our group", "the council"};
        String[] verbs = {"supports", "rejects", "welcomes", "has examined"};
        String[] objects = {"the proposal", "these amendments", "the budget", "its findings"};
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            lines.add(subjects[i % 4] + " " + verbs[(i / 4) % 4] + " " + objects[(i / 16) % 4]
                + " number " + i);
        }
        return lines;
    }

    @Test
    void seededRerunsOnOneAndTwoThreadsWriteIdenticalFiles() throws IOException {
        Path first = run("one", 1);
        Path second = run("two", 2);

        List<String> rows = Files.readAllLines(first.resolve("generations.csv"));
        assertEquals(ROWS + 1, rows.size());
        assertTrue(rows.get(0).endsWith(",vocab_coverage,tail_mass"), rows.get(0));
        assertTrue(rows.stream().skip(1).allMatch(row -> row.contains(",ok,")), "a cell failed");
        assertArrayEquals(Cli.bytes(first.resolve("generations.csv")),
            Cli.bytes(second.resolve("generations.csv")));
    }

    @Test
    void resumingARunCutInsideACellRebuildsTheUninterruptedFile() throws IOException {
        Path full = run("full", 1);
        byte[] whole = Cli.bytes(full.resolve("generations.csv"));
        // Cut 30 bytes before the end of the first row of the fourth cell.
        int cut = endOfRow(whole, 3 * GENERATIONS + 1) - 30;
        Path killed = dir.resolve("killed");
        Files.createDirectories(killed);
        Files.write(killed.resolve("generations.csv"), Arrays.copyOf(whole, cut));
        Files.copy(full.resolve("spec.resolved.yaml"), killed.resolve("spec.resolved.yaml"));

        Cli.Result result = Cli.run("run", spec, "--resume", "--out", killed, "--no-report");

        assertEquals(0, result.code(), result::err);
        assertArrayEquals(whole, Cli.bytes(killed.resolve("generations.csv")));
    }

    @Test
    void theEuroparlCorpusRunsFromTheClassPath() throws IOException {
        Path europarl = Cli.write(dir.resolve("europarl.yaml"), """
            generations: 1
            family: ngram
            n: 10
            data:
              source: text
              corpus: europarl
              max_lines: 30
            metrics:
              include: [log_q, distinct_1]
              samples: 10
            """);
        Path out = dir.resolve("europarl");
        Cli.Result result = Cli.run("run", europarl, "--out", out, "--no-report");

        assertEquals(0, result.code(), result::err);
        List<String> rows = Files.readAllLines(out.resolve("generations.csv"));
        assertEquals(3, rows.size());
        // Generation 0's quality is log Q_0 = 0 by definition.
        assertTrue(rows.get(1).contains(",0.0,0.0,"), rows.get(1));
    }

    private Path run(String name, int threads) {
        Path out = dir.resolve(name);
        Cli.Result result = Cli.run("run", spec, "--out", out, "--threads", threads,
            "--no-report");
        assertEquals(0, result.code(), result::err);
        return out;
    }

    /** The offset just past the line end of data row {@code rows} (0: the header's). */
    private static int endOfRow(byte[] csv, int rows) {
        int seen = -1;
        for (int i = 0; i < csv.length; i++) {
            if (csv[i] == '\n' && ++seen == rows) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("the file has fewer than " + rows + " rows");
    }
}
