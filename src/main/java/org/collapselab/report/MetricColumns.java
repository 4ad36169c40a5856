package org.collapselab.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The measurement columns of generations.csv (every column after {@code seed}), split into
 * numeric metrics and the text columns named {@code <metric>_estimator} that record which
 * estimator produced a metric. Derived metrics are appended to the numeric list.
 */
final class MetricColumns {

    /** The suffix that marks an estimator column. */
    static final String ESTIMATOR_SUFFIX = "_estimator";

    /** Numeric metric names, in column order, derived ones last. */
    private final List<String> metrics;
    /** Estimator column names, in column order. */
    private final List<String> estimators;
    /** Positions of {@link #metrics}, looked up once per row and metric. */
    private final Map<String, Integer> metricPositions;
    /** Positions of {@link #estimators}. */
    private final Map<String, Integer> estimatorPositions;

    MetricColumns(List<String> metrics, List<String> estimators) {
        this.metrics = List.copyOf(metrics);
        this.estimators = List.copyOf(estimators);
        this.metricPositions = positions(this.metrics);
        this.estimatorPositions = positions(this.estimators);
    }

    static boolean isEstimator(String column) {
        return column.endsWith(ESTIMATOR_SUFFIX);
    }

    List<String> metrics() {
        return metrics;
    }

    List<String> estimators() {
        return estimators;
    }

    /** Position of a metric, -1 when absent. */
    int metricIndex(String name) {
        return metricPositions.getOrDefault(name, -1);
    }

    /** Position of an estimator column, -1 when absent. */
    int estimatorIndex(String name) {
        return estimatorPositions.getOrDefault(name, -1);
    }

    private static Map<String, Integer> positions(List<String> names) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            positions.put(names.get(i), i);
        }
        return Map.copyOf(positions);
    }
}
