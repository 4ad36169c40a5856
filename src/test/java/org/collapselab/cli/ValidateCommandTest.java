package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.collapselab.spec.ExperimentSpec;
import org.collapselab.spec.SpecException;
import org.collapselab.spec.SpecLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code validate} on the shipped experiments, and the quickstart that {@code run} defaults to. */
class ValidateCommandTest {

    /** The shipped experiments; tests run from the project folder. */
    private static final Path EXPERIMENTS = Path.of("experiments");

    @TempDir
    Path dir;

    static Stream<Path> experiments() throws IOException {
        try (Stream<Path> files = Files.list(EXPERIMENTS)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("experiments")
    void validatePrintsTheResolvedSpecOfEveryExperiment(Path experiment) throws Exception {
        Cli.Result result = Cli.run("validate", experiment);

        assertEquals(0, result.code(), result::err);
        assertEquals("", result.err());
        List<String> lines = result.out().lines().toList();
        String summary = lines.get(lines.size() - 1);
        assertTrue(summary.matches("# valid: \\d+ cells, \\d+ generations each"), summary);
        ExperimentSpec printed = SpecLoader.fromYaml(result.out());
        assertEquals(SpecLoader.load(experiment).spec(), printed);
        assertEveryDefaultFilled(printed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("experiments")
    void theResolvedSpecValidatesToItself(Path experiment) throws IOException {
        String resolved = Cli.run("validate", experiment).out();
        Path again = Cli.write(dir.resolve(experiment.getFileName()), resolved);

        assertEquals(resolved, Cli.run("validate", again).out());
    }

    @Test
    void bundledQuickstartIsTheShippedFileAndValid() throws IOException, SpecException {
        Path file = EXPERIMENTS.resolve("quickstart.yaml");
        String bundled;
        try (InputStream in = Main.class.getResourceAsStream("/" + RunCommand.DEFAULT_SPEC)) {
            assertNotNull(in, "the quickstart is not on the classpath");
            bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(file), bundled);
        assertEquals(SpecLoader.load(file).spec(),
            SpecLoader.parse(Path.of("quickstart.yaml"), bundled).spec());
    }

    /**
     * {@code run} without a spec reads the quickstart. Running it whole is too slow for a test, so
     * resume a folder that holds the quickstart's resolved spec and a generations.csv of another
     * layout: the spec check passes only if the default spec is the quickstart, and the layout
     * check then stops the run before any cell starts.
     */
    @Test
    void runWithoutASpecResolvesTheQuickstart() throws Exception {
        Path out = dir.resolve("quickstart-run");
        ExperimentSpec quickstart = SpecLoader.load(EXPERIMENTS.resolve("quickstart.yaml")).spec();
        Cli.write(out.resolve("spec.resolved.yaml"), SpecLoader.toYaml(quickstart));
        Cli.write(out.resolve("generations.csv"), "not,a,run\n");

        Cli.Result result = Cli.run("run", "--resume", "--out", out, "--no-report");

        assertEquals(2, result.code(), result::err);
        assertTrue(result.err().contains("its columns differ"), result::err);
    }

    private static void assertEveryDefaultFilled(ExperimentSpec spec) {
        for (Object value : new Object[] {spec.name(), spec.seed(), spec.generations(),
            spec.replicates(), spec.family(), spec.policy(), spec.rho(), spec.n(),
            spec.device(), spec.data().source(), spec.model(),
            spec.metrics().include(), spec.metrics().samples()}) {
            assertNotNull(value, spec.toString());
        }
        // projections are read only by the sliced 2-Wasserstein distance of numeric data.
        assertEquals(!spec.data().source().equals("text"),
            spec.metrics().projections() != null, spec.toString());
        // real_weight is read only under the weighted policy, and filled in only there.
        assertEquals(spec.policy().contains("weighted"), spec.realWeight() != null,
            spec.toString());
    }
}
