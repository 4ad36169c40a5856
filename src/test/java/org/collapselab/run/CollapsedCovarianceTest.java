package org.collapselab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.collapselab.spec.LoadedSpec;
import org.collapselab.spec.SpecLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hardest cell of experiments/gaussian-regimes.yaml: 10 samples in 100 dimensions, replaced
 * every generation. By generation 90 the covariance is a rank-9 part beside some sixty nearly
 * equal eigenvalues ten million times smaller, the case that once stalled the eigenvalue sweep
 * behind the 2-Wasserstein distance. Every generation must be measured.
 */
class CollapsedCovarianceTest {

    private static final String SPEC = """
        name: gaussian-regimes
        seed: 11
        generations: 100
        family: gaussian
        policy: replace
        rho: 1
        n: 10
        data:
          source: analytic
          distribution: gaussian
          dim: 100
          probe_size: 1000
        """;

    @TempDir
    Path dir;

    @Test
    void tenSamplesInOneHundredDimensionsCollapseForAHundredGenerationsWithoutFailing()
            throws Exception {
        Path file = dir.resolve("gaussian-regimes.yaml");
        Files.writeString(file, SPEC);
        LoadedSpec loaded = SpecLoader.load(file);
        RunSummary summary = new Runner(loaded,
            new RunOptions(dir.resolve("run"), dir, false, 1, false)).run();
        assertTrue(summary.failed().isEmpty(), "failed cells: " + summary.failed());
        List<String> lines = Files.readAllLines(dir.resolve("run").resolve("generations.csv"));
        assertEquals(1 + 101, lines.size());
    }
}
