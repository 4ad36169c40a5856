package org.collapselab.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A group: the cells that share every parameter except rho. The collapse law and its rivals
 * are fitted per group, pooled over its rho values.
 *
 * @param key the group key, see {@link GenerationsTable#groupKey(Map)}
 * @param parameters the shared parameters in column order, rho excluded
 * @param series one series per rho value, by increasing rho
 * @param failedRows the group's rows with status failed, in file order; never aggregated
 */
public record Group(String key, Map<String, String> parameters, List<Series> series,
                    List<GenerationRow> failedRows) {

    public Group {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        series = List.copyOf(series);
        failedRows = List.copyOf(failedRows);
    }

    /** Whether any series of the group has a value for the metric. */
    public boolean has(String metric) {
        return series.stream().anyMatch(s -> s.has(metric));
    }

    /** Every generation with at least one ok row, in increasing order. */
    public NavigableSet<Integer> generations() {
        NavigableSet<Integer> generations = new TreeSet<>();
        series.forEach(s -> generations.addAll(s.generations().keySet()));
        return generations;
    }

    /**
     * The estimators named in the group's ok rows: for each of the given metrics that has an
     * estimator column with labels, the distinct labels, sorted; in the order of {@code metrics}.
     */
    public Map<String, SortedSet<String>> estimators(List<String> metrics) {
        Map<String, SortedSet<String>> found = new LinkedHashMap<>();
        for (String metric : metrics) {
            SortedSet<String> labels = new TreeSet<>();
            series.forEach(s -> s.generations().values().forEach(rows -> rows.forEach(
                    row -> row.estimator(metric).ifPresent(labels::add))));
            if (!labels.isEmpty()) {
                found.put(metric, labels);
            }
        }
        return found;
    }
}
