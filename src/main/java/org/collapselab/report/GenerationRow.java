package org.collapselab.report;

import java.util.Map;
import java.util.Optional;

/**
 * One row of generations.csv: one generation of one replicate of one cell.
 *
 * <p>Metric values are held in one array per row, indexed through the column layout shared by
 * every row of the table, so that a large run does not cost a map per row; an empty metric cell
 * reads as NaN ("not available for this family or data").
 */
public final class GenerationRow {

    /** The record number in the file (the header is record 1), for messages. */
    private final long record;
    /** The cell's stable id. */
    private final String cell;
    /** The replicate, or -1 when a failed row leaves it empty. */
    private final int replicate;
    /** The generation t, or -1 when a failed row leaves it empty. */
    private final int generation;
    /** The cell's parameters in column order, rho included; shared by the cell's rows. */
    private final Map<String, String> parameters;
    /** The synthetic share rho, parsed once from its parameter. */
    private final double rho;
    /** The error message of a failed row, null for a row with status ok. */
    private final String error;
    /** The cell's seed, as written. */
    private final String seed;
    /** Names and positions of the metric and estimator columns. */
    private final MetricColumns columns;
    /** Metric values in the order of {@code columns.metrics()}, NaN where empty. */
    private final double[] values;
    /** Estimator labels in the order of {@code columns.estimators()}, null where empty. */
    private final String[] estimators;

    GenerationRow(long record, String cell, int replicate, int generation,
                  Map<String, String> parameters, double rho, String error, String seed,
                  MetricColumns columns, double[] values, String[] estimators) {
        this.record = record;
        this.cell = cell;
        this.replicate = replicate;
        this.generation = generation;
        this.parameters = parameters;
        this.rho = rho;
        this.error = error;
        this.seed = seed;
        this.columns = columns;
        this.values = values;
        this.estimators = estimators;
    }

    public long record() {
        return record;
    }

    public String cell() {
        return cell;
    }

    public int replicate() {
        return replicate;
    }

    public int generation() {
        return generation;
    }

    /** The cell's parameters in column order, rho included (unmodifiable). */
    public Map<String, String> parameters() {
        return parameters;
    }

    public double rho() {
        return rho;
    }

    public boolean failed() {
        return error != null;
    }

    /** The error message of a failed row; empty for a row with status ok. */
    public String error() {
        return error == null ? "" : error;
    }

    public String seed() {
        return seed;
    }

    /** The value of a metric column, NaN when the cell is empty or the column does not exist. */
    public double metric(String name) {
        int index = columns.metricIndex(name);
        return index < 0 ? Double.NaN : values[index];
    }

    /**
     * The estimator that produced a metric, read from the column {@code <metric>_estimator};
     * empty when that column is absent or empty.
     */
    public Optional<String> estimator(String metric) {
        int index = columns.estimatorIndex(metric + MetricColumns.ESTIMATOR_SUFFIX);
        return index < 0 ? Optional.empty() : Optional.ofNullable(estimators[index]);
    }

    /** Sets a derived metric while the table is being built. */
    void setMetric(String name, double value) {
        values[columns.metricIndex(name)] = value;
    }
}
