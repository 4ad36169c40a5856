package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A mistake in a spec stops {@code collapse run} before anything is written: exit code 2, one
 * line on standard error that starts with {@code FILE:LINE: } and names the field, no exception
 * class or stack trace, and no results folder left behind.
 */
class SpecMistakesTest {

    @TempDir
    Path dir;

    /** Each case: its name, the spec, the line the message must point at, the field it names. */
    static Stream<Arguments> mistakes() {
        return Stream.of(
            Arguments.of("unknown top-level field", """
                generations: 3
                family: gaussian
                colour: red
                data:
                  source: analytic
                """, 3, "colour"),
            Arguments.of("unknown field inside data", """
                generations: 3
                family: gaussian
                data:
                  source: analytic
                  dimm: 2
                """, 5, "dimm"),
            Arguments.of("unknown field before an alias", """
                x: &shared 1
                generations: 3
                family: gaussian
                data:
                  source: analytic
                """, 1, "x"),
            Arguments.of("duplicated top-level key", """
                generations: 3
                family: gaussian
                generations: 4
                data:
                  source: analytic
                """, 3, "generations"),
            Arguments.of("duplicated key inside data", """
                generations: 3
                family: gaussian
                data:
                  source: analytic
                  source: iris
                """, 5, "source"),
            // A missing field points at the start of the block it belongs in.
            Arguments.of("missing generations", """
                family: gaussian
                data:
                  source: analytic
                """, 1, "generations"),
            Arguments.of("missing family", """
                generations: 3
                data:
                  source: analytic
                """, 1, "family"),
            Arguments.of("missing data", """
                generations: 3
                family: gaussian
                """, 1, "data"),
            Arguments.of("missing data.source", """
                generations: 3
                family: gaussian
                data:
                  distribution: gaussian
                """, 3, "data.source"),
            Arguments.of("rho is text", """
                generations: 3
                family: gaussian
                rho: abc
                data:
                  source: analytic
                """, 3, "rho"),
            Arguments.of("generations is a fraction", """
                generations: 2.5
                family: gaussian
                data:
                  source: analytic
                """, 1, "generations"),
            Arguments.of("family is a block", """
                generations: 3
                family: {a: 1}
                data:
                  source: analytic
                """, 2, "family"),
            Arguments.of("rho above 1", """
                generations: 3
                family: gaussian
                rho: 1.5
                data:
                  source: analytic
                """, 3, "rho"),
            Arguments.of("one bad entry in a rho list", """
                generations: 3
                family: gaussian
                rho:
                  - 0
                  - 0.5
                  - 1.5
                  - 1
                data:
                  source: analytic
                """, 6, "rho"),
            Arguments.of("one bad entry in a flow rho list", """
                generations: 3
                family: gaussian
                rho: [0, 0.5,
                  -0.25, 1]
                data:
                  source: analytic
                """, 4, "rho"),
            Arguments.of("n is 0", """
                generations: 3
                family: gaussian
                n: 0
                data:
                  source: analytic
                """, 3, "n"),
            Arguments.of("generations is 0", """
                family: gaussian
                generations: 0
                data:
                  source: analytic
                """, 2, "generations"),
            Arguments.of("replicates is negative", """
                generations: 3
                replicates: -1
                family: gaussian
                data:
                  source: analytic
                """, 2, "replicates"),
            Arguments.of("unknown family", """
                generations: 3
                family: [gaussian, gausian]
                data:
                  source: analytic
                """, 2, "family"),
            Arguments.of("unknown policy", """
                generations: 3
                family: gaussian
                policy: mixx
                data:
                  source: analytic
                """, 3, "policy"),
            Arguments.of("filter written as a policy", """
                generations: 3
                family: gaussian
                policy: filter
                data:
                  source: analytic
                """, 3, "policy"),
            Arguments.of("unknown source", """
                generations: 3
                family: gaussian
                data:
                  source: analitic
                """, 4, "data.source"),
            Arguments.of("unknown metric", """
                generations: 3
                family: gaussian
                data:
                  source: analytic
                metrics:
                  include:
                    - kl_qp
                    - klpq
                """, 8, "metrics.include"),
            Arguments.of("no metric at all", """
                generations: 3
                family: gaussian
                data:
                  source: analytic
                metrics:
                  include: []
                """, 6, "metrics.include"),
            Arguments.of("dim on a table source", """
                generations: 3
                family: gaussian
                data:
                  source: iris
                  dim: 2
                """, 5, "data.dim"),
            Arguments.of("csv file missing", """
                generations: 3
                family: gaussian
                data:
                  source: csv
                  path: nowhere.csv
                """, 5, "data.path"),
            Arguments.of("YAML syntax: unclosed list", """
                generations: 3
                family: [gaussian
                data:
                  source: analytic
                """, 3, ""),
            Arguments.of("YAML syntax: tab indentation", """
                generations: 3
                family: gaussian
                data:
                \tsource: analytic
                """, 4, ""),
            Arguments.of("two YAML documents", """
                generations: 3
                family: gaussian
                data:
                  source: analytic
                ---
                generations: 5
                """, 6, ""),
            Arguments.of("empty rho list", """
                generations: 3
                family: gaussian
                rho: []
                data:
                  source: analytic
                """, 3, "rho"),
            Arguments.of("option of a family the spec does not use", """
                generations: 3
                family: gaussian
                model:
                  bandwidth: scott
                data:
                  source: analytic
                """, 4, "model.bandwidth"),
            Arguments.of("csv option on analytic data", """
                generations: 3
                family: gaussian
                data:
                  source: analytic
                  delimiter: ";"
                """, 5, "data.delimiter"),
            Arguments.of("real_weight without the weighted policy", """
                generations: 3
                family: gaussian
                policy: mix
                real_weight: 3
                data:
                  source: analytic
                """, 4, "real_weight"),
            Arguments.of("dimension too large to hold in memory", """
                generations: 3
                family: gaussian
                data:
                  source: analytic
                  dim: 100000
                """, 5, "data.dim"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void specMistakeIsOneLineWithFileLineAndField(String name, String yaml, int line,
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
    void nonNumericCsvCellUnderMissingFailNamesTheCsvLineAndColumn() throws IOException {
        Path csv = Cli.write(dir.resolve("data/table.csv"), """
            a,b
            1,2
            3,x
            5,6
            7,8
            9,10
            """);
        Path spec = Cli.write(dir.resolve("spec.yaml"), """
            generations: 3
            family: gaussian
            data:
              source: csv
              path: data/table.csv
              missing: fail
            """);
        Cli.Result result = runInto(spec);

        assertOneCleanLine(result);
        String message = result.err().strip();
        // The header is line 1, so the 'x' of the second data row is on line 3.
        assertTrue(message.startsWith(csv.toAbsolutePath().normalize() + ":3: "), message);
        assertTrue(message.contains("column 'b'") && message.contains("'x'"), message);
        assertTrue(message.contains("data.missing"), message);
        assertNoResults();
    }

    @Test
    void csvLineNumberIsRightOnALastRowWithoutLineEnd() throws IOException {
        Path csv = Cli.write(dir.resolve("table.csv"), "a;b\n1;2\n\n# a comment\n3;4\n5;?");
        Path spec = Cli.write(dir.resolve("spec.yaml"), """
            generations: 3
            family: gaussian
            data:
              source: csv
              delimiter: ";"
              path: table.csv
              missing: fail
            """);
        Cli.Result result = runInto(spec);

        assertOneCleanLine(result);
        assertTrue(result.err().startsWith(csv.toAbsolutePath().normalize() + ":6: "),
            result.err());
        assertNoResults();
    }

    @Test
    void emptyFileNamesTheFile() throws IOException {
        Path spec = Cli.write(dir.resolve("spec.yaml"), "");
        Cli.Result result = runInto(spec);

        assertOneCleanLine(result);
        assertTrue(result.err().startsWith(spec + ": "), result.err());
        assertTrue(result.err().contains("empty"), result.err());
        assertNoResults();
    }

    @Test
    void fileOfCommentsOnlyCountsAsEmpty() throws IOException {
        Path spec = Cli.write(dir.resolve("spec.yaml"), "# to be written\n\n");
        Cli.Result result = runInto(spec);

        assertOneCleanLine(result);
        assertTrue(result.err().startsWith(spec + ": "), result.err());
        assertTrue(result.err().contains("empty"), result.err());
        assertNoResults();
    }

    @Test
    void specPathThatDoesNotExistNamesThePath() throws IOException {
        Path spec = dir.resolve("no-such-spec.yaml");
        Cli.Result result = runInto(spec);

        assertOneCleanLine(result);
        assertTrue(result.err().startsWith(spec + ": no such file"), result.err());
        assertNoResults();
    }

    @Test
    void validateReportsTheSameLineAsRun() throws IOException {
        Path spec = Cli.write(dir.resolve("spec.yaml"), """
            generations: 3
            family: gaussian
            rho: 1.5
            data:
              source: analytic
            """);
        Cli.Result validate = Cli.run("validate", spec);

        assertOneCleanLine(validate);
        assertEquals(runInto(spec).err(), validate.err());
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
