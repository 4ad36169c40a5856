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

    private Specs() {
    }
}
