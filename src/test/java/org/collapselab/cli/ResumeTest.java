package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code run --resume}: finished cells are kept, a cell cut short is run again, and the result is
 * byte for byte the file an uninterrupted run writes.
 */
class ResumeTest {

    @TempDir
    Path dir;

    private Path spec;
    /** The uninterrupted run. */
    private Path full;

    @BeforeEach
    void runOnceUninterrupted() throws IOException {
        spec = Cli.write(dir.resolve("linear.yaml"), Specs.LINEAR);
        full = dir.resolve("full");
        Cli.Result result = Cli.run("run", spec, "--out", full, "--no-report");
        assertEquals(0, result.code(), result::err);
    }

    @Test
    void resumingAFinishedRunRerunsNothingAndKeepsTheFile() throws IOException {
        byte[] before = Cli.bytes(full.resolve("generations.csv"));
        Cli.Result result = Cli.run("run", spec, "--resume", "--out", full, "--no-report");

        assertEquals(0, result.code(), result::err);
        assertArrayEquals(before, Cli.bytes(full.resolve("generations.csv")));
        var provenance = new ObjectMapper().readTree(full.resolve("provenance.json").toFile());
        assertEquals(Specs.LINEAR_CELLS, provenance.get("cells_resumed").asInt());
    }

    /**
     * Where a killed run's file can end, as a byte offset into the full file: the row ends are
     * counted from the header; cell k ends at row LINEAR_GENERATIONS * (k + 1).
     */
    static Stream<Arguments> cuts() {
        int perCell = Specs.LINEAR_GENERATIONS;
        return Stream.of(
            Arguments.of("inside a row in the middle of the second cell", perCell + 2, -40),
            Arguments.of("at a row end inside the second cell", perCell + 2, 0),
            Arguments.of("at the end of the second cell", 2 * perCell, 0),
            Arguments.of("on the second cell's last row, without its line end", 2 * perCell, -1),
            Arguments.of("inside the last number of the second cell", 2 * perCell, -4),
            Arguments.of("inside the header", 0, -10),
            Arguments.of("before the header was written", 0, Integer.MIN_VALUE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cuts")
    void resumingAFileCutShortRebuildsTheUninterruptedFile(String name, int rows, int shift)
        throws IOException {
        byte[] whole = Cli.bytes(full.resolve("generations.csv"));
        int cut = shift == Integer.MIN_VALUE ? 0 : endOfRow(whole, rows) + shift;
        Path killed = dir.resolve("killed");
        Files.createDirectories(killed);
        Files.write(killed.resolve("generations.csv"), Arrays.copyOf(whole, cut));
        Files.copy(full.resolve("spec.resolved.yaml"), killed.resolve("spec.resolved.yaml"));

        Cli.Result result = Cli.run("run", spec, "--resume", "--out", killed, "--no-report");

        assertEquals(0, result.code(), result::err);
        assertArrayEquals(whole, Cli.bytes(killed.resolve("generations.csv")),
            () -> "resumed file differs from the uninterrupted one after a cut at byte " + cut);
    }

    @Test
    void resumingWithAnotherSpecIsRefusedInOneLine() throws IOException {
        Path other = Cli.write(dir.resolve("linear.yaml"), Specs.LINEAR.replace("seed: 89",
            "seed: 90"));
        byte[] before = Cli.bytes(full.resolve("generations.csv"));
        Cli.Result result = Cli.run("run", other, "--resume", "--out", full, "--no-report");

        assertEquals(2, result.code());
        assertEquals(1, result.errLines().size(), result::err);
        assertTrue(result.err().startsWith(full + " was run with a different spec"), result::err);
        assertArrayEquals(before, Cli.bytes(full.resolve("generations.csv")));
    }

    @Test
    void resumingAFolderWithoutItsResolvedSpecSaysWhatIsMissing() throws IOException {
        Files.delete(full.resolve("spec.resolved.yaml"));
        Cli.Result result = Cli.run("run", spec, "--resume", "--out", full, "--no-report");

        assertEquals(2, result.code());
        assertEquals(1, result.errLines().size(), result::err);
        assertTrue(result.err().contains("spec.resolved.yaml"), result::err);
        assertFalse(result.err().contains("different spec"), result::err);
    }

    @Test
    void resumingAFileOfAnotherLayoutIsRefusedInOneLine() throws IOException {
        Files.writeString(full.resolve("generations.csv"), "cell,replicate,generation,x\n",
            StandardCharsets.UTF_8);
        Cli.Result result = Cli.run("run", spec, "--resume", "--out", full, "--no-report");

        assertEquals(2, result.code(), result::err);
        assertEquals(1, result.errLines().size(), result::err);
        assertTrue(result.err().contains("generations.csv"), result::err);
        assertFalse(result.err().contains("Exception"), result::err);
    }

    @Test
    void outOnAFolderHoldingARunWithoutResumeIsRefusedInOneLine() throws IOException {
        byte[] before = Cli.bytes(full.resolve("generations.csv"));
        Cli.Result result = Cli.run("run", spec, "--out", full, "--no-report");

        assertEquals(2, result.code());
        assertEquals(1, result.errLines().size(), result::err);
        assertTrue(result.err().startsWith(full + " already holds a run"), result::err);
        assertArrayEquals(before, Cli.bytes(full.resolve("generations.csv")));
    }

    @Test
    void resumeWithNothingToResumeIsRefusedWithoutMakingTheFolder() {
        Path empty = dir.resolve("never-run");
        Cli.Result result = Cli.run("run", spec, "--resume", "--out", empty, "--no-report");

        assertEquals(2, result.code());
        assertEquals(1, result.errLines().size(), result::err);
        assertFalse(Files.exists(empty));
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
