package org.collapselab.metric;

import java.util.LinkedHashMap;
import java.util.Map;

/** The metric values of one generation, by column name: a Double or an estimator's name. */
public final class MetricRow {

    /** Values in insertion order. */
    private final Map<String, Object> values = new LinkedHashMap<>();

    public void put(String column, double value) {
        values.put(column, value);
    }

    public void putEstimate(String column, double value, String estimator) {
        values.put(column, value);
        values.put(column + "_estimator", estimator);
    }

    /** A text column (its name ends in {@code _estimator}, as the files' readers expect). */
    public void putText(String column, String text) {
        if (!column.endsWith("_estimator")) {
            throw new IllegalArgumentException("a text column's name ends in _estimator, found "
                + column);
        }
        values.put(column, text);
    }

    /** The value of a numeric column, NaN when absent. */
    public double get(String column) {
        Object v = values.get(column);
        return v instanceof Double d ? d : Double.NaN;
    }

    public boolean has(String column) {
        return values.get(column) instanceof Double d && !d.isNaN();
    }

    /** The cell text of a column: empty when absent or NaN, Double.toString otherwise. */
    public String text(String column) {
        Object v = values.get(column);
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return d.isNaN() ? "" : Double.toString(d);
        }
        return v.toString();
    }
}
