package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same spec and seed give the same generations.csv and fits.csv byte for byte, whatever the
 * number of threads: each cell's random stream depends only on the run seed and the cell, and
 * cells are written in grid order.
 */
class ReproducibilityTest {

    @TempDir
    Path dir;

    @Test
    void twoRunsOnOneThreadWriteIdenticalFiles() throws IOException {
        Path spec = Cli.write(dir.resolve("tiny.yaml"), Specs.TINY);
        assertSameFiles(run(spec, "a", 1), run(spec, "b", 1));
    }

    @Test
    void twoRunsOnTwoThreadsWriteIdenticalFiles() throws IOException {
        Path spec = Cli.write(dir.resolve("tiny.yaml"), Specs.TINY);
        assertSameFiles(run(spec, "a", 2), run(spec, "b", 2));
    }

    @Test
    void oneThreadAndTwoThreadsWriteIdenticalFiles() throws IOException {
        Path spec = Cli.write(dir.resolve("tiny.yaml"), Specs.TINY);
        assertSameFiles(run(spec, "one", 1), run(spec, "two", 2));
    }

    @Test
    void anotherSeedWritesOtherNumbers() throws IOException {
        Path spec = Cli.write(dir.resolve("tiny.yaml"), Specs.TINY);
        Path other = Cli.write(dir.resolve("other.yaml"), Specs.TINY.replace("seed: 17",
            "seed: 18"));
        byte[] first = Cli.bytes(run(spec, "a", 1).resolve("generations.csv"));
        byte[] second = Cli.bytes(run(other, "b", 1).resolve("generations.csv"));
        assertFalse(Arrays.equals(first, second), "the seed does not reach the cells");
    }

    private Path run(Path spec, String name, int threads) {
        Path out = dir.resolve(name);
        Cli.Result result = Cli.run("run", spec, "--out", out, "--threads", threads);
        assertEquals(0, result.code(), result::err);
        return out;
    }

    private static void assertSameFiles(Path first, Path second) throws IOException {
        List<String> rows = Files.readAllLines(first.resolve("generations.csv"));
        // A header and every generation of every cell: the comparison is not of empty files.
        assertEquals(Specs.TINY_ROWS + 1, rows.size());
        for (String file : List.of("generations.csv", "fits.csv", "fits.json")) {
            assertArrayEquals(Cli.bytes(first.resolve(file)), Cli.bytes(second.resolve(file)),
                file + " differs between " + first + " and " + second);
        }
    }
}
