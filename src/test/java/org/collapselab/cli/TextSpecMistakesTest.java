package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mistakes in a text spec stop the run before anything is written: exit code 2 and one line
 * naming the file, the line and the field, as for the numeric sources.
 */
class TextSpecMistakesTest {

    @TempDir
    Path dir;

    @BeforeEach
    void writeCorpus() throws IOException {
        Files.write(dir.resolve("lines.txt"), TextRunTest.corpus());
    }

    /** Each case: its name, the spec, the line the message must point at, the field it names. */
    static Stream<Arguments> mistakes() {
        return Stream.of(
            Arguments.of("missing text file", """
                generations: 3
                family: ngram
                data:
                  source: text
                  path: no-such-file.txt
                """, 5, "data.path"),
            Arguments.of("neither a path nor a corpus", """
                generations: 3
                family: ngram
                data:
                  source: text
                  probe: 0.2
                """, 3, "data.path"),
            Arguments.of("a path and a corpus", """
                generations: 3
                family: ngram
                data:
                  source: text
                  path: lines.txt
                  corpus: europarl
                """, 6, "data.corpus"),
            Arguments.of("unknown corpus", """
                generations: 3
                family: ngram
                data:
                  source: text
                  corpus: wikipedia
                """, 5, "data.corpus"),
            Arguments.of("max_lines below 2", """
                generations: 3
                family: ngram
                data:
                  source: text
                  corpus: europarl
                  max_lines: 1
                """, 6, "data.max_lines"),
            Arguments.of("bad unit", """
                generations: 3
                family: ngram
                data:
                  source: text
                  path: lines.txt
                model:
                  unit: byte
                """, 7, "model.unit"),
            Arguments.of("order 0", """
                generations: 3
                family: ngram
                data:
                  source: text
                  path: lines.txt
                model:
                  order: 0
                """, 7, "model.order"),
            Arguments.of("negative add_k", """
                generations: 3
                family: ngram
                data:
                  source: text
                  path: lines.txt
                model:
                  add_k: -0.5
                """, 7, "model.add_k"),
            Arguments.of("temperature 0", """
                generations: 3
                family: ngram
                data:
                  source: text
                  path: lines.txt
                model:
                  temperature: 0
                """, 7, "model.temperature"),
            Arguments.of("max_length 0", """
                generations: 3
                family: ngram
                data:
                  source: text
                  path: lines.txt
                model:
                  max_length: 0
                """, 7, "model.max_length"),
            Arguments.of("a numeric family on text", """
                generations: 3
                family: [ngram, gaussian]
                data:
                  source: text
                  path: lines.txt
                """, 2, "family"),
            Arguments.of("ngram on numeric data", """
                generations: 3
                family: ngram
                data:
                  source: analytic
                """, 2, "family"),
            Arguments.of("a numeric metric on text", """
                generations: 3
                family: ngram
                data:
                  source: text
                  path: lines.txt
                metrics:
                  include: [log_q, w2]
                """, 7, "metrics.include"),
            Arguments.of("projections on text", """
                generations: 3
                family: ngram
                data:
                  source: text
                  path: lines.txt
                metrics:
                  projections: 10
                """, 7, "metrics.projections"),
            Arguments.of("lower_case on csv data", """
                generations: 3
                family: gaussian
                data:
                  source: iris
                  lower_case: true
                """, 5, "data.lower_case"),
            Arguments.of("unit without ngram", """
                generations: 3
                family: gaussian
                data:
                  source: analytic
                model:
                  unit: char
                """, 6, "model.unit"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void textSpecMistakeIsOneLineWithFileLineAndField(String name, String yaml, int line,
                                                       String field) throws IOException {
        Path spec = Cli.write(dir.resolve("spec.yaml"), yaml);
        Cli.Result result = runInto(spec);

        assertOneCleanLine(result);
        String message = result.err().strip();
        assertTrue(message.startsWith(spec + ":" + line + ": "),
            () -> "expected " + spec + ":" + line + " at the start of: " + message);
        assertTrue(message.contains(field), () -> "expected field " + field + " in: " + message);
        assertNoResults();
    }

    @Test
    void textFileThatIsNotUtf8NamesTheFile() throws IOException {
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n', 'o', 'k', '\n'});
        Path spec = Cli.write(dir.resolve("spec.yaml"), """
            generations: 3
            family: ngram
            data:
              source: text
              path: latin1.txt
            """);
        Cli.Result result = runInto(spec);

        assertOneCleanLine(result);
        assertTrue(result.err().startsWith(latin1.toAbsolutePath().normalize() + ": "),
            result::err);
        assertTrue(result.err().contains("UTF-8"), result::err);
        assertNoResults();
    }

    @Test
    void textFileWithOnlyBlankLinesSaysSo() throws IOException {
        Path blank = dir.resolve("blank.txt");
        Files.write(blank, List.of("", "   ", ""));
        Path spec = Cli.write(dir.resolve("spec.yaml"), """
            generations: 3
            family: ngram
            data:
              source: text
              path: blank.txt
            """);
        Cli.Result result = runInto(spec);

        assertOneCleanLine(result);
        assertTrue(result.err().startsWith(blank.toAbsolutePath().normalize() + ": has no line "
            + "of text"), result::err);
        assertNoResults();
    }

    @Test
    void corpusTooSmallForItsProbeSaysHowManyLinesItHas() throws IOException {
        Files.write(dir.resolve("three.txt"), List.of("one line", "two lines", "three lines"));
        Path spec = Cli.write(dir.resolve("spec.yaml"), """
            generations: 3
            family: ngram
            data:
              source: text
              path: three.txt
            """);
        Cli.Result result = runInto(spec);

        // round(0.2 * 3) = 1 probe line: too few to measure on.
        assertOneCleanLine(result);
        assertTrue(result.err().contains("data.probe 0.2 of 3 lines"), result::err);
        assertNoResults();
    }

    private Cli.Result runInto(Path spec) {
        return Cli.run("run", spec, "--results", dir.resolve("results"), "--threads", 1);
    }

    private static void assertOneCleanLine(Cli.Result result) {
        Cli.assertOneCleanLine(result);
    }

    private void assertNoResults() throws IOException {
        Cli.assertNoRunFolders(dir.resolve("results"));
    }
}
