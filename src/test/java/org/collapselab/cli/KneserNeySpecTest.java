package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The spec fields {@code model.smoothing} and {@code model.discount} of the ngram family. */
class KneserNeySpecTest {

    private static final String HEAD = """
        generations: 2
        family: ngram
        n: 20
        data:
          source: text
          path: lines.txt
        model:
          unit: word
        """;

    @TempDir
    Path dir;

    @BeforeEach
    void writeCorpus() throws IOException {
        Files.write(dir.resolve("lines.txt"), TextRunTest.corpus());
    }

    /** Each case: its name, the model lines after the head, the line and field named. */
    static Stream<Arguments> mistakes() {
        return Stream.of(
            Arguments.of("unknown smoothing", "  smoothing: good-turing\n", 9, "model.smoothing"),
            Arguments.of("discount 1", "  smoothing: kneser-ney\n  discount: 1\n", 10,
                "model.discount"),
            Arguments.of("negative discount", "  smoothing: kneser-ney\n  discount: -0.5\n", 10,
                "model.discount"),
            Arguments.of("discount under add-k", "  discount: 0.5\n", 9, "model.discount"),
            Arguments.of("add_k under kneser-ney", "  smoothing: kneser-ney\n  add_k: 0.01\n", 10,
                "model.add_k"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void mistakeIsOneLineWithFileLineAndField(String name, String model, int line, String field)
            throws IOException {
        Path spec = Cli.write(dir.resolve("spec.yaml"), HEAD + model);
        Cli.Result result = Cli.run("validate", spec);

        assertEquals(2, result.code(), result::err);
        assertEquals(1, result.errLines().size(), result::err);
        String message = result.err().strip();
        assertTrue(message.startsWith(spec + ":" + line + ": "), message);
        assertTrue(message.contains(field), message);
    }

    @Test
    void smoothingOnANumericFamilyIsAMistake() throws IOException {
        Path spec = Cli.write(dir.resolve("spec.yaml"), """
            generations: 2
            family: gaussian
            data:
              source: analytic
            model:
              smoothing: kneser-ney
            """);
        Cli.Result result = Cli.run("validate", spec);

        assertEquals(2, result.code(), result::err);
        assertTrue(result.err().contains("model.smoothing"), result::err);
    }

    @Test
    void kneserNeyResolvesWithItsDiscountAndWithoutAddK() throws IOException {
        Path spec = Cli.write(dir.resolve("spec.yaml"), HEAD + "  smoothing: kneser-ney\n");
        Cli.Result result = Cli.run("validate", spec);

        assertEquals(0, result.code(), result::err);
        assertTrue(result.out().contains("smoothing: \"kneser-ney\"")
            || result.out().contains("smoothing: kneser-ney"), result::out);
        assertTrue(result.out().contains("discount: 0.75"), result::out);
        assertFalse(result.out().contains("add_k"), result::out);
    }

    @Test
    void addKStaysTheDefault() throws IOException {
        Path spec = Cli.write(dir.resolve("spec.yaml"), HEAD);
        Cli.Result result = Cli.run("validate", spec);

        assertEquals(0, result.code(), result::err);
        assertTrue(result.out().contains("add_k: 1.0E-4"), result::out);
        assertFalse(result.out().contains("discount"), result::out);
    }

    @Test
    void aKneserNeyRunFinishes() throws IOException {
        Path spec = Cli.write(dir.resolve("spec.yaml"), HEAD + "  smoothing: kneser-ney\n");
        Path out = dir.resolve("out");
        Cli.Result result = Cli.run("run", spec, "--out", out, "--threads", 1, "--no-report");

        assertEquals(0, result.code(), result::err);
        // Generations 0, 1 and 2 of the one cell, after the header.
        assertEquals(4, Files.readAllLines(out.resolve("generations.csv")).size());
    }
}
