package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output folder that cannot be made (below a file, or on a file system that refuses new
 * folders) is the user's mistake: one line naming the folder and the reason in words, exit 2,
 * for run, merge and market alike.
 */
class OutputFolderMistakesTest {

    @TempDir
    Path dir;

    /** Asserts one line on standard error, exit 2, naming the folder, no exception names. */
    private static void assertOneLineRefusal(Cli.Result result, Path folder) {
        assertEquals(2, result.code(), result::err);
        List<String> lines = result.errLines();
        assertEquals(1, lines.size(), result::err);
        String line = lines.get(0);
        assertTrue(line.contains(folder.toString()), line);
        assertTrue(line.contains("choose another --out"), line);
        assertFalse(line.contains("Exception"), line);
        assertFalse(line.contains("NoSuchFile") || line.contains("(FileSystem)"), line);
    }

    private Path aFile() throws IOException {
        return Cli.write(dir.resolve("FILE"), "not a folder\n");
    }

    @Test
    void runBelowAFileIsRefusedInWords() throws IOException {
        Path spec = Cli.write(dir.resolve("tiny.yaml"), Specs.TINY);
        Path out = aFile().resolve("run");
        Cli.Result result = Cli.run("run", spec, "--out", out);
        assertOneLineRefusal(result, out);
        assertTrue(result.err().contains("is a file, not a folder"), result::err);
    }

    @Test
    void mergeBelowAFileIsRefusedWithOneLine() throws IOException {
        Path spec = Cli.write(dir.resolve("tiny.yaml"), Specs.TINY);
        for (int i = 0; i < 2; i++) {
            assertEquals(0, Cli.run("run", spec, "--out", dir.resolve("s" + i), "--shard",
                i + "/2").code());
        }
        Path out = aFile().resolve("merged");
        Cli.Result result = Cli.run("merge", dir.resolve("s0"), dir.resolve("s1"), "--out", out);
        assertOneLineRefusal(result, out);
    }

    @Test
    void mergeIntoProcIsRefusedWithOneLine() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux's /proc");
        Path spec = Cli.write(dir.resolve("tiny.yaml"), Specs.TINY);
        assertEquals(0, Cli.run("run", spec, "--out", dir.resolve("s0"), "--shard", "0/1")
            .code());
        Path out = Path.of("/proc/collapse-lab-merge-test");
        assertOneLineRefusal(Cli.run("merge", dir.resolve("s0"), "--out", out), out);
    }

    @Test
    void marketBelowAFileOrInProcIsRefusedWithOneLine() throws IOException {
        Path out = aFile().resolve("market");
        assertOneLineRefusal(Cli.run("market", "equilibrium", "--out", out), out);
        if (Files.isDirectory(Path.of("/proc/self"))) {
            Path proc = Path.of("/proc/collapse-lab-market-test");
            assertOneLineRefusal(Cli.run("market", "equilibrium", "--out", proc), proc);
        }
    }
}
