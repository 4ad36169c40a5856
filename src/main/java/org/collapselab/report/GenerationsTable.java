package org.collapselab.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The rows of a run's generations.csv, typed, with their groups and series.
 *
 * <p>The file is RFC 4180, UTF-8, with a header row, in long format (one row per cell, replicate
 * and generation). Columns are known by position: {@code cell, replicate, generation}; then the
 * cell's parameters (every column before {@code status}; {@code rho} among them); then
 * {@code status} ({@code ok} or {@code failed}), {@code error}, {@code seed}; then the
 * measurements, read by name. A measurement column whose name ends in {@code _estimator} holds
 * the name of the estimator behind a metric; every other one is numeric, empty meaning "not
 * available".
 *
 * <p>Besides the columns of the file the table derives {@link #QUALITY_CHANGE}, the quality
 * change log Q_t - log Q_0 of each replicate.
 *
 * <p>Failed rows are kept apart: they are counted and listed, never aggregated. The ok rows of
 * a replicate that failed at a later generation are aggregated like any other, so the number of
 * replicates behind a mean can fall with t; the summaries carry that count.
 */
public final class GenerationsTable {

    /** The parameter that separates the series of a group. */
    public static final String RHO = "rho";
    /** The quality column: log Q_t. */
    public static final String LOG_Q = "log_q";
    /** The fidelity loss column: nll_t - nll_0 = -(log Q_t - log Q_0). */
    public static final String FIDELITY_LOSS = "fidelity_loss";
    /**
     * Derived metric: log Q_t - log Q_0 of a replicate, that is {@code log_q} minus the same
     * cell and replicate's generation-0 {@code log_q} when both exist, otherwise
     * -{@code fidelity_loss}. Derived only when generations.csv has no column of this name.
     */
    public static final String QUALITY_CHANGE = "log_q_change";

    /** Parameter names in column order, rho included. */
    private final List<String> parameterNames;
    /** Numeric metric and estimator columns; derived metrics last. */
    private final MetricColumns columns;
    /** Rows with status ok, in file order. */
    private final List<GenerationRow> rows;
    /** Rows with status failed, in file order. */
    private final List<GenerationRow> failedRows;
    /** Groups ordered by their parameter values, see {@link #groups()}. */
    private final List<Group> groups;

    private GenerationsTable(List<String> parameterNames, MetricColumns columns,
                             List<GenerationRow> rows, List<GenerationRow> failedRows) {
        this.parameterNames = parameterNames;
        this.columns = columns;
        this.rows = List.copyOf(rows);
        this.failedRows = List.copyOf(failedRows);
        this.groups = buildGroups(rows, failedRows);
    }

    /**
     * Reads generations.csv.
     *
     * @throws RunFileFormatException if the file breaks the layout above, has a malformed value
     *     or repeats a (cell, replicate, generation) among its ok rows; the message names the
     *     file and the record
     */
    public static GenerationsTable read(Path file) throws IOException {
        List<GenerationRow> ok = new ArrayList<>();
        List<GenerationRow> failed = new ArrayList<>();
        GenerationsParser parser;
        try (CsvInput input = CsvInput.open(file)) {
            parser = new GenerationsParser(input, List.of(QUALITY_CHANGE));
            Map<String, Long> seen = new HashMap<>();
            for (CsvInput.Line line : input) {
                GenerationRow row = parser.parse(line);
                if (row.failed()) {
                    failed.add(row);
                    continue;
                }
                Long first = seen.putIfAbsent(rowKey(row) + '\u0000' + row.generation(),
                        row.record());
                if (first != null) {
                    throw input.error(row.record(), "cell " + row.cell() + ", replicate "
                            + row.replicate() + ", generation " + row.generation()
                            + " appears twice (first at record " + first + ")");
                }
                ok.add(row);
            }
        }
        if (parser.derived().contains(QUALITY_CHANGE)) {
            deriveQualityChange(ok);
        }
        return new GenerationsTable(parser.parameterNames(), parser.columns(), ok, failed);
    }

    /**
     * The key of the group a cell belongs to: {@code name=value} for each of the cell's
     * parameters except {@code rho}, in the map's iteration order, joined by {@code ;}. Pass
     * the parameters in the column order of generations.csv (a {@link LinkedHashMap}); a rho
     * entry may be present or not, it is skipped either way. The {@code group} column of
     * fits.csv holds this key. Parameters with an empty value (those that do not apply to the
     * cell, such as components for a gaussian) are left out.
     *
     * <p>Example: {@code {family=gaussian, policy=mix, rho=0.5, n=100}} gives
     * {@code family=gaussian;policy=mix;n=100}.
     *
     * @throws IllegalArgumentException if a name contains {@code ;} or {@code =}, or a value
     *     contains {@code ;}: the key could then not be split back into its parameters
     */
    public static String groupKey(Map<String, String> params) {
        StringBuilder key = new StringBuilder();
        params.forEach((name, value) -> {
            if (name.contains(";") || name.contains("=")) {
                throw new IllegalArgumentException("parameter name '" + name
                        + "' cannot enter a group key: it contains ';' or '='");
            }
            if (value.contains(";")) {
                throw new IllegalArgumentException("value '" + value + "' of parameter " + name
                        + " cannot enter a group key: it contains ';'");
            }
            // rho varies within a group; an empty value means the parameter does not apply.
            if (!name.equals(RHO) && !value.isEmpty()) {
                key.append(key.length() == 0 ? "" : ";").append(name).append('=').append(value);
            }
        });
        return key.toString();
    }

    /** Parameter names in column order, rho included. */
    public List<String> parameterNames() {
        return parameterNames;
    }

    /** Numeric metric names in column order, then the derived {@link #QUALITY_CHANGE}. */
    public List<String> metricNames() {
        return columns.metrics();
    }

    /** Whether the run is on text: its rows carry the text metrics (distinct_1 among them). */
    public boolean textRun() {
        return metricNames().contains(org.collapselab.metric.TextMetricSet.DISTINCT_1);
    }

    /** Estimator column names ({@code <metric>_estimator}), in column order. */
    public List<String> estimatorNames() {
        return columns.estimators();
    }

    /** Rows with status ok, in file order. */
    public List<GenerationRow> rows() {
        return rows;
    }

    /** Rows with status failed, in file order. */
    public List<GenerationRow> failedRows() {
        return failedRows;
    }

    /**
     * The groups, ordered by their parameter values in column order (numbers numerically,
     * other values as text), so the order does not depend on the order cells were written in.
     */
    public List<Group> groups() {
        return groups;
    }

    public Optional<Group> group(String key) {
        return groups.stream().filter(group -> group.key().equals(key)).findFirst();
    }

    /** The largest generation among ok rows, -1 when there is none. */
    public int lastGeneration() {
        return rows.stream().mapToInt(GenerationRow::generation).max().orElse(-1);
    }

    private static String rowKey(GenerationRow row) {
        return row.cell() + '\u0000' + row.replicate();
    }

    /** Fills {@link #QUALITY_CHANGE}, see its definition. */
    private static void deriveQualityChange(List<GenerationRow> rows) {
        Map<String, Double> initial = new HashMap<>();
        rows.stream().filter(row -> row.generation() == 0)
                .forEach(row -> initial.put(rowKey(row), row.metric(LOG_Q)));
        for (GenerationRow row : rows) {
            double change = row.metric(LOG_Q) - initial.getOrDefault(rowKey(row), Double.NaN);
            if (Double.isNaN(change)) {
                change = -row.metric(FIDELITY_LOSS);
            }
            row.setMetric(QUALITY_CHANGE, change);
        }
    }

    private static List<Group> buildGroups(List<GenerationRow> rows,
                                           List<GenerationRow> failedRows) {
        Map<String, List<GenerationRow>> okByGroup = new LinkedHashMap<>();
        Map<String, List<GenerationRow>> failedByGroup = new LinkedHashMap<>();
        Map<String, Map<String, String>> parameters = new LinkedHashMap<>();
        for (GenerationRow row : rows) {
            String key = groupKey(row.parameters());
            parameters.putIfAbsent(key, row.parameters());
            okByGroup.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        for (GenerationRow row : failedRows) {
            String key = groupKey(row.parameters());
            parameters.putIfAbsent(key, row.parameters());
            failedByGroup.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        List<Group> groups = new ArrayList<>();
        parameters.forEach((key, cellParameters) -> groups.add(new Group(key,
                withoutRho(cellParameters),
                buildSeries(key, okByGroup.getOrDefault(key, List.of())),
                failedByGroup.getOrDefault(key, List.of()))));
        groups.sort(Comparator.comparing(group -> List.copyOf(group.parameters().values()),
                GenerationsTable::compareValueLists));
        return List.copyOf(groups);
    }

    private static Map<String, String> withoutRho(Map<String, String> parameters) {
        Map<String, String> shared = new LinkedHashMap<>(parameters);
        shared.remove(RHO);
        return shared;
    }

    private static List<Series> buildSeries(String key, List<GenerationRow> rows) {
        Map<String, TreeMap<Integer, List<GenerationRow>>> byRho = new LinkedHashMap<>();
        Map<String, Double> rhoValues = new HashMap<>();
        for (GenerationRow row : rows) {
            String rho = row.parameters().get(RHO);
            rhoValues.put(rho, row.rho());
            byRho.computeIfAbsent(rho, r -> new TreeMap<>())
                    .computeIfAbsent(row.generation(), g -> new ArrayList<>()).add(row);
        }
        List<Series> series = new ArrayList<>();
        byRho.forEach((rho, generations) ->
                series.add(new Series(key, rho, rhoValues.get(rho), generations)));
        series.sort(Comparator.comparingDouble(Series::rhoValue).thenComparing(Series::rho));
        return series;
    }

    /** Orders parameter tuples element by element, see {@link #compareValues}. */
    private static int compareValueLists(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int order = compareValues(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** Numbers before text; numbers by value, text alphabetically; ties broken by the text. */
    static int compareValues(String a, String b) {
        Double x = parseOrNull(a);
        Double y = parseOrNull(b);
        if (x != null && y != null && Double.compare(x, y) != 0) {
            return Double.compare(x, y);
        }
        if ((x == null) != (y == null)) {
            return x != null ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private static Double parseOrNull(String text) {
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
