package org.collapselab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Runs the command line inside the test's JVM and keeps what it printed. */
final class Cli {

    private Cli() {
    }

    /**
     * What one command did.
     *
     * @param code the exit code
     * @param out standard output
     * @param err standard error (log lines go to the console, not here)
     */
    record Result(int code, String out, String err) {

        List<String> errLines() {
            return err.lines().toList();
        }
    }

    static Result run(Object... args) {
        String[] text = Stream.of(args).map(Object::toString).toArray(String[]::new);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(text, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /**
     * A user's mistake: exit code 2, nothing on standard output, one line on standard error with
     * no trace of a stack or of the libraries underneath.
     */
    static void assertOneCleanLine(Result result) {
        org.junit.jupiter.api.Assertions.assertEquals(2, result.code(), result::err);
        List<String> lines = result.errLines();
        org.junit.jupiter.api.Assertions.assertEquals(1, lines.size(),
            () -> "expected one line, got: " + result.err());
        String line = lines.get(0);
        for (String trace : List.of("Exception", "\tat ", "java.", "com.fasterxml", "org.yaml",
            "picocli")) {
            org.junit.jupiter.api.Assertions.assertFalse(line.contains(trace),
                () -> "'" + trace + "' in: " + line);
        }
        org.junit.jupiter.api.Assertions.assertEquals("", result.out());
    }

    /** No run folder was left behind under {@code results}. */
    static void assertNoRunFolders(Path results) throws IOException {
        if (Files.exists(results)) {
            try (Stream<Path> left = Files.list(results)) {
                org.junit.jupiter.api.Assertions.assertEquals(List.of(), left.toList(),
                    "results folder left behind");
            }
        }
    }

    static byte[] bytes(Path file) throws IOException {
        return Files.readAllBytes(file);
    }
}
