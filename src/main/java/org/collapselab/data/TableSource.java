package org.collapselab.data;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Real data from a table of numeric rows read once (Iris, a CSV file); each cell shuffles it with
 * its own stream and holds out {@code probeFraction} of the rows as the probe.
 */
public final class TableSource implements DataSource<double[]> {

    /** The source's name in the spec. */
    private final String name;
    /** Every row of the table, read once and shared by all cells. */
    private final List<double[]> rows;
    /** Share of rows held out as the probe. */
    private final double probeFraction;

    public TableSource(String name, List<double[]> rows, double probeFraction) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(name + ": no rows");
        }
        this.name = name;
        this.rows = List.copyOf(rows);
        this.probeFraction = probeFraction;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dim() {
        return rows.get(0).length;
    }

    /** Number of rows in the table. */
    public int rowCount() {
        return rows.size();
    }

    @Override
    public RealData<double[]> open(RandomGenerator random) {
        return new FinitePool(rows, probeFraction, random);
    }
}
