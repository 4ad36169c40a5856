package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL and then resumed writes the same generations.csv as a run never
 * interrupted. The run to kill is a separate JVM; the resume and the reference run are in this
 * one. About 10 s on two cores; excluded with {@code -DexcludedGroups=process}.
 */
@Tag("process")
class KillResumeTest {

    /**
     * 60 cells of a 2-D kernel density, about 0.07 s each on one thread: the killed run is
     * seconds from its end when its first cell appears.
     */
    private static final String SPEC = """
        name: kill
        seed: 23
        generations: 20
        replicates: 30
        family: kde
        policy: mix
        rho: [0.5, 1]
        n: 200
        data:
          source: analytic
          distribution: gaussian
          dim: 2
          probe_size: 300
        metrics:
          samples: 300
        """;

    private static final int CELLS = 60;
    private static final int ROWS = CELLS * 21;

    @TempDir
    Path dir;

    @Test
    void resumeAfterSigkillWritesTheUninterruptedFile() throws Exception {
        Path spec = Cli.write(dir.resolve("kill.yaml"), SPEC);
        Path killed = dir.resolve("killed");
        Process process = start(spec, killed);
        try {
            awaitFirstRows(process, killed.resolve("generations.csv"));
        } finally {
            process.destroyForcibly();
        }
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the killed run did not end");
        List<String> left = Files.readAllLines(killed.resolve("generations.csv"));
        assertTrue(left.size() < ROWS + 1, "the run finished before it was killed");

        Cli.Result resumed = Cli.run("run", spec, "--resume", "--out", killed, "--no-report",
            "--threads", 2);
        Path full = dir.resolve("full");
        Cli.Result uninterrupted = Cli.run("run", spec, "--out", full, "--no-report",
            "--threads", 2);

        assertEquals(0, resumed.code(), resumed::err);
        assertEquals(0, uninterrupted.code(), uninterrupted::err);
        byte[] expected = Cli.bytes(full.resolve("generations.csv"));
        assertEquals(ROWS + 1, Files.readAllLines(full.resolve("generations.csv")).size());
        assertArrayEquals(expected, Cli.bytes(killed.resolve("generations.csv")));
    }

    /** Starts {@code collapse run} in its own JVM, on one thread, output to a log file. */
    private Process start(Path spec, Path out) throws IOException {
        Path classpathFile = Path.of("target", "runtime.classpath");
        assumeTrue(Files.isRegularFile(classpathFile), "no target/runtime.classpath: run "
            + "'mvn compile' first");
        String classpath = Path.of("target", "classes").toAbsolutePath() + File.pathSeparator
            + Files.readString(classpathFile).strip();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-Djava.awt.headless=true", "-cp", classpath,
            Main.class.getName(), "run", spec.toString(), "--out", out.toString(), "--threads",
            "1", "--no-report")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("killed.log").toFile())
            .start();
    }

    /** Waits until the run has written at least one row after the header. */
    private void awaitFirstRows(Process process, Path csv) throws Exception {
        while (!hasRows(csv)) {
            boolean ended = process.waitFor(10, TimeUnit.MILLISECONDS);
            assertFalse(ended, () -> "the run ended before writing a row: " + log());
        }
    }

    private static boolean hasRows(Path csv) throws IOException {
        if (!Files.exists(csv)) {
            return false;
        }
        return Files.readString(csv).chars().filter(c -> c == '\n').count() >= 2;
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("killed.log"));
        } catch (IOException unreadable) {
            return "(no log)";
        }
    }
}
