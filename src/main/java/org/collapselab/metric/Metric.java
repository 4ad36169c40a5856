package org.collapselab.metric;

/**
 * One per-generation measurement of a model against the real distribution. A metric writes its
 * value (and, where several estimators exist, which one it used) into the generation's row; it
 * leaves the cell empty where it does not apply.
 */
public interface Metric {

    /** The column name, e.g. {@code kl_qp}. */
    String name();

    /** One line for {@code collapse list}. */
    String description();

    /** Computes the metric for the generation in {@code context} and records it in {@code row}. */
    void measure(Measurement context, MetricRow row);
}
