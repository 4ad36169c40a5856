package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fit RUN_DIR} and {@code plot RUN_DIR} rebuild their files from the CSV files alone. */
class FitAndPlotCommandTest {

    @TempDir
    Path dir;

    private Path run;

    @BeforeEach
    void runTiny() throws IOException {
        Path spec = Cli.write(dir.resolve("tiny.yaml"), Specs.TINY);
        run = dir.resolve("run");
        Cli.Result result = Cli.run("run", spec, "--out", run);
        assertEquals(0, result.code(), result::err);
    }

    @Test
    void fitRebuildsTheSameFitsFromGenerationsCsv() throws IOException {
        byte[] csv = Cli.bytes(run.resolve("fits.csv"));
        byte[] json = Cli.bytes(run.resolve("fits.json"));
        Files.delete(run.resolve("fits.csv"));
        Files.delete(run.resolve("fits.json"));

        Cli.Result result = Cli.run("fit", run);

        assertEquals(0, result.code(), result::err);
        assertEquals("", result.err());
        assertArrayEquals(csv, Cli.bytes(run.resolve("fits.csv")));
        assertArrayEquals(json, Cli.bytes(run.resolve("fits.json")));
        // One summary line per group; TINY has two groups, one per family.
        assertEquals(2, result.out().lines().count(), result.out());
    }

    @Test
    void plotRebuildsTheSameReportAndPlots() throws IOException {
        byte[] report = Cli.bytes(run.resolve("report.md"));
        byte[] index = Cli.bytes(run.resolve("plots/index.csv"));
        Files.delete(run.resolve("report.md"));
        deleteTree(run.resolve("plots"));

        Cli.Result result = Cli.run("plot", run);

        assertEquals(0, result.code(), result::err);
        assertEquals("", result.err());
        assertArrayEquals(report, Cli.bytes(run.resolve("report.md")));
        assertArrayEquals(index, Cli.bytes(run.resolve("plots/index.csv")));
    }

    @Test
    void fitAndPlotRefuseAFolderThatARunIsStillWriting() throws IOException {
        // Hold the run folder's lock as a running 'collapse run' does.
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(
                run.resolve(".lock"), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock held = channel.lock()) {
            for (String command : new String[] {"fit", "plot"}) {
                Cli.Result result = Cli.run(command, run);
                assertEquals(2, result.code(), command);
                assertEquals(1, result.err().lines().count(), result.err());
                assertTrue(result.err().contains("a collapse run is still writing this folder"),
                    result.err());
            }
        }
        // Released: fit works again.
        assertEquals(0, Cli.run("fit", run).code());
    }

    @Test
    void fitAndPlotSayWhenTheRunNeverFinished() throws IOException {
        // A run writes provenance.json at its end: without it, the run was interrupted.
        Files.delete(run.resolve("provenance.json"));
        for (String command : new String[] {"fit", "plot"}) {
            Cli.Result result = Cli.run(command, run);
            assertEquals(0, result.code(), result::err);
            assertEquals(1, result.err().lines().count(), result.err());
            assertTrue(result.err().contains("did not finish (no provenance.json)"),
                result.err());
            assertTrue(result.err().contains("--resume --out " + run), result.err());
        }
    }

    @Test
    void fitAndPlotNeedOnlyGenerationsCsv() throws IOException {
        Path bare = dir.resolve("bare");
        Files.createDirectories(bare);
        Files.copy(run.resolve("generations.csv"), bare.resolve("generations.csv"));

        assertEquals(0, Cli.run("fit", bare).code());
        assertEquals(0, Cli.run("plot", bare).code());
        assertArrayEquals(Cli.bytes(run.resolve("fits.csv")), Cli.bytes(bare.resolve("fits.csv")));
        assertTrue(Files.isRegularFile(bare.resolve("report.md")));
    }

    @Test
    void folderWithoutGenerationsCsvIsOneLineMistake() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        for (String command : new String[] {"fit", "plot"}) {
            Cli.Result result = Cli.run(command, empty);
            assertEquals(2, result.code(), command);
            assertEquals(1, result.errLines().size(), result::err);
            assertTrue(result.err().startsWith(empty + ": holds no generations.csv"),
                result::err);
        }
        try (Stream<Path> left = Files.list(empty)) {
            assertEquals(0, left.count(), "fit or plot wrote into a folder that is no run");
        }
    }

    @Test
    void folderThatDoesNotExistIsOneLineMistake() {
        Path missing = dir.resolve("missing");
        for (String command : new String[] {"fit", "plot"}) {
            Cli.Result result = Cli.run(command, missing);
            assertEquals(2, result.code(), command);
            assertEquals(1, result.errLines().size(), result::err);
            assertTrue(result.err().startsWith(missing + ": no such folder"), result::err);
        }
    }

    @Test
    void generationsCsvCutInsideARowIsOneLineMistake() throws IOException {
        // What a killed run leaves: its last row stops part way.
        String whole = Files.readString(run.resolve("generations.csv"));
        Files.writeString(run.resolve("generations.csv"), whole.substring(0, whole.length() / 2),
            StandardCharsets.UTF_8);
        for (String command : new String[] {"fit", "plot"}) {
            Cli.Result result = Cli.run(command, run);
            assertEquals(2, result.code(), command + ": " + result.err());
            assertEquals(1, result.errLines().size(), result::err);
            assertTrue(result.err().startsWith(run.toString()), result::err);
            assertTrue(result.err().contains("generations.csv"), result::err);
            assertFalse(result.err().contains("Exception"), result::err);
        }
    }

    @Test
    void generationsCsvOfAnotherLayoutIsOneLineMistake() throws IOException {
        Files.writeString(run.resolve("generations.csv"), "a,b\n1,2\n", StandardCharsets.UTF_8);
        for (String command : new String[] {"fit", "plot"}) {
            Cli.Result result = Cli.run(command, run);
            assertEquals(2, result.code(), command + ": " + result.err());
            assertEquals(1, result.errLines().size(), result::err);
            assertTrue(result.err().startsWith(run.toString()), result::err);
            assertFalse(result.err().contains("Exception"), result::err);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
