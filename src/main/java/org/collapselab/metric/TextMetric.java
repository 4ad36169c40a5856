package org.collapselab.metric;

/**
 * One per-generation measurement of a model of lines of text against the real probe, the text
 * counterpart of {@link Metric}: it writes its value (and, for metrics with several possible
 * estimators, which one it used) into the generation's row, and leaves the cell empty where it
 * does not apply.
 */
public interface TextMetric {

    /** The column name, e.g. {@code kl_qp}. */
    String name();

    /** One line for {@code collapse list}. */
    String description();

    /** Whether the metric writes a {@code <name>_estimator} column after its value. */
    boolean estimated();

    /** Computes the metric for the generation in {@code context} and records it in {@code row}. */
    void measure(TextMeasurement context, MetricRow row);
}
