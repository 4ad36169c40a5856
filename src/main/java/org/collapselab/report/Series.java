package org.collapselab.report;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A series: one group at one value of rho, its rows (status ok only) arranged by generation.
 * Aggregation runs over the replicates (and cells) of the series at each generation.
 *
 * @param groupKey the key of the group, see {@link GenerationsTable#groupKey(Map)}
 * @param rho rho as written in generations.csv, used in labels
 * @param rhoValue rho as a number, used for ordering and for t rho^2
 * @param generations the rows of each generation, in file order (unmodifiable)
 */
public record Series(String groupKey, String rho, double rhoValue,
                     NavigableMap<Integer, List<GenerationRow>> generations) {

    public Series {
        TreeMap<Integer, List<GenerationRow>> copy = new TreeMap<>();
        generations.forEach((generation, rows) -> copy.put(generation, List.copyOf(rows)));
        generations = Collections.unmodifiableNavigableMap(copy);
    }

    /**
     * The summary of a metric at each generation where at least one replicate has a value;
     * empty when the metric is not available for this series.
     */
    public NavigableMap<Integer, Summary> summarize(String metric) {
        TreeMap<Integer, Summary> summaries = new TreeMap<>();
        generations.forEach((generation, rows) -> {
            double[] values = rows.stream()
                    .mapToDouble(row -> row.metric(metric))
                    .filter(value -> !Double.isNaN(value))
                    .toArray();
            if (values.length > 0) {
                summaries.put(generation, Summary.of(values));
            }
        });
        return Collections.unmodifiableNavigableMap(summaries);
    }

    /** Whether any row of the series has a value for the metric. */
    public boolean has(String metric) {
        return generations.values().stream().flatMap(List::stream)
                .anyMatch(row -> !Double.isNaN(row.metric(metric)));
    }
}
