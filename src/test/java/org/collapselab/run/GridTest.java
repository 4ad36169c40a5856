package org.collapselab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.collapselab.spec.ExperimentSpec;
import org.collapselab.spec.SpecException;
import org.collapselab.spec.SpecLoader;
import org.junit.jupiter.api.Test;

class GridTest {

    /** A Gaussian spec on analytic data with the given axes (YAML flow lists). */
    private static ExperimentSpec spec(String family, String policy, String rho, String n)
        throws SpecException {
        String yaml = "generations: 3\n"
            + "replicates: 3\n"
            + "seed: 5\n"
            + "family: " + family + "\n"
            + "policy: " + policy + "\n"
            + "rho: " + rho + "\n"
            + "n: " + n + "\n"
            + "data:\n  source: analytic\n  dim: 2\n";
        return SpecLoader.parse(Path.of("grid.yaml"), yaml).spec();
    }

    @Test
    void cellsAreTheProductOfTheListAxesTimesTheReplicates() throws SpecException {
        List<Cell> cells = Grid.cells(spec("gaussian", "[mix, accumulate]", "[0.25, 0.5, 1]",
            "[50, 100]"));
        // 2 policies x 3 rho x 2 n = 12 grid points, 3 replicates each.
        assertEquals(36, cells.size());
        Set<String> points = new HashSet<>();
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            assertEquals(i, cell.index());
            // Replicates are innermost.
            assertEquals(i % 3, cell.replicate());
            points.add(cell.pointKey());
        }
        assertEquals(12, points.size());
        assertEquals(36, cells.stream().map(Cell::seed).distinct().count());
    }

    @Test
    void rhoIsOneUnderReplaceAndTheDuplicatesThisMakesAreDropped() throws SpecException {
        List<Cell> cells = Grid.cells(spec("gaussian", "[replace, mix]", "[0.5, 1]", "100"));
        // replace x {0.5, 1} collapses to replace x 1.0; mix keeps both: 3 points x 3.
        assertEquals(9, cells.size());
        Map<String, Integer> perPoint = new LinkedHashMap<>();
        for (Cell cell : cells) {
            perPoint.merge(cell.parameter("policy") + " " + cell.parameter("rho"), 1,
                Integer::sum);
        }
        assertEquals(Map.of("replace 1.0", 3, "mix 0.5", 3, "mix 1.0", 3), perPoint);
    }

    @Test
    void aCellsSeedDoesNotChangeWhenAValueIsAddedToAListAxis() throws SpecException {
        Map<String, Long> before = seeds(spec("gaussian", "[replace, mix]", "[0.5]", "[100]"));
        List<ExperimentSpec> larger = List.of(
            spec("gaussian", "[replace, mix]", "[0.5, 0.75]", "[100]"),
            spec("gaussian", "[replace, mix]", "[0.5]", "[100, 200]"),
            spec("gaussian", "[replace, mix, accumulate]", "[0.5]", "[100]"),
            // A policy or a family that brings a parameter column of its own (real_weight,
            // components) leaves it blank in the cells it does not apply to.
            spec("gaussian", "[replace, mix, weighted]", "[0.5]", "[100]"),
            spec("[gaussian, gmm]", "[replace, mix]", "[0.5]", "[100]"));
        for (ExperimentSpec spec : larger) {
            Map<String, Long> after = seeds(spec);
            for (Map.Entry<String, Long> cell : before.entrySet()) {
                assertEquals(cell.getValue(), after.get(cell.getKey()),
                    cell.getKey() + " with policy " + spec.policy() + ", family "
                        + spec.family() + ", rho " + spec.rho() + ", n " + spec.n());
            }
        }
    }

    @Test
    void replicatesOfAPointShareNoSeedButShareTheirDataSeedWithOtherPoints()
        throws SpecException {
        List<Cell> cells = Grid.cells(spec("gaussian", "[replace, mix]", "[0.5]", "100"));
        // Same replicate, other point: same probe split, own model stream.
        Cell replace = cells.get(0);
        Cell mix = cells.get(3);
        assertEquals(0, mix.replicate());
        assertEquals(replace.dataSeed(), mix.dataSeed());
        assertTrue(replace.seed() != mix.seed());
        assertTrue(cells.get(0).dataSeed() != cells.get(1).dataSeed());
    }

    /** Seed and data seed of each cell, by its family, policy, rho, n and replicate. */
    private static Map<String, Long> seeds(ExperimentSpec spec) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Cell cell : Grid.cells(spec)) {
            String name = cell.parameter("family") + " " + cell.parameter("policy") + " "
                + cell.parameter("rho") + " " + cell.parameter("n") + " r" + cell.replicate();
            out.put(name + " seed", cell.seed());
            out.put(name + " data", cell.dataSeed());
        }
        return out;
    }
}
