package org.collapselab.cli;

/** Experiment specs small enough that a whole run takes a fraction of a second. */
final class Specs {

    /**
     * 12 cells: two families, three synthetic shares, two replicates, four generations each, on
     * a one-dimensional Gaussian truth. The kde family draws its samples from the cell's stream,
     * so a thread mix-up between cells would show in the numbers.
     */
    static final String TINY = """
        name: tiny
        seed: 17
        generations: 3
        replicates: 2
        family: [gaussian, kde]
        policy: mix
        rho: [0, 0.5, 1]
        n: 20
        data:
          source: analytic
          distribution: gaussian
          dim: 1
          probe_size: 50
        metrics:
          samples: 50
        """;

    /** Cells of {@link #TINY}. */
    static final int TINY_CELLS = 12;

    /** Rows of {@link #TINY}'s generations.csv: generations 0 to 3 of each cell. */
    static final int TINY_ROWS = TINY_CELLS * 4;

    /**
     * 6 cells of least squares on a fixed design (replace and accumulate, three replicates,
     * five generations each). Its last CSV column, test_error, holds a number, so a file cut
     * inside it still has every column.
     */
    static final String LINEAR = """
        name: linear
        seed: 89
        generations: 4
        replicates: 3
        family: linear-regression
        policy: [replace, accumulate]
        n: 20
        data:
          source: analytic
          distribution: linear-model
          features: 3
          design_size: 20
          probe_size: 50
        metrics:
          samples: 50
        """;

    /** Cells of {@link #LINEAR}. */
    static final int LINEAR_CELLS = 6;

    /** Rows per cell of {@link #LINEAR}: generations 0 to 4. */
    static final int LINEAR_GENERATIONS = 5;

    private Specs() {
    }
}
