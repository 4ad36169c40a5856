package org.collapselab.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the records of generations.csv into {@link GenerationRow}s, knowing the columns by
 * position: {@code cell, replicate, generation}, then the parameters up to {@code status}, then
 * {@code status, error, seed}, then the measurements. One parser reads one file.
 */
final class GenerationsParser {

    /** The columns that open every generations.csv, in order. */
    private static final List<String> LEADING = List.of("cell", "replicate", "generation");
    /** The columns that close the parameters, in order. */
    private static final List<String> STATUS_BLOCK = List.of("status", "error", "seed");

    /** The open file, for its header and its messages. */
    private final CsvInput input;
    /** Position of {@code status}; the parameters sit between {@code generation} and it. */
    private final int statusColumn;
    /** Parameter names in column order, rho included. */
    private final List<String> parameterNames;
    /** File positions of the numeric metric columns, in the order of {@link #columns}. */
    private final int[] metricPositions;
    /** File positions of the estimator columns. */
    private final int[] estimatorPositions;
    /** The table's metric layout, derived metrics included. */
    private final MetricColumns columns;
    /** The derived metrics the file does not have, which the table must compute. */
    private final List<String> derived;
    /** One shared parameter map per distinct parameter tuple: a cell's rows share one map. */
    private final Map<List<String>, Map<String, String>> parameterMaps = new HashMap<>();
    /** One shared instance per distinct estimator label. */
    private final Map<String, String> labels = new HashMap<>();

    /**
     * @param input the file, its header read
     * @param derived metric names computed after reading, appended unless the file has them
     */
    GenerationsParser(CsvInput input, List<String> derived) {
        this.input = input;
        List<String> header = input.header();
        this.statusColumn = checkLayout(input.name(), header);
        this.parameterNames = List.copyOf(header.subList(LEADING.size(), statusColumn));
        if (!parameterNames.contains(GenerationsTable.RHO)) {
            throw new RunFileFormatException(input.name()
                    + " header: no parameter column 'rho' between 'generation' and 'status'");
        }
        List<Integer> metricList = new ArrayList<>();
        List<Integer> estimatorList = new ArrayList<>();
        List<String> metricNames = new ArrayList<>();
        List<String> estimatorNames = new ArrayList<>();
        for (int i = statusColumn + STATUS_BLOCK.size(); i < header.size(); i++) {
            boolean estimator = MetricColumns.isEstimator(header.get(i));
            (estimator ? estimatorList : metricList).add(i);
            (estimator ? estimatorNames : metricNames).add(header.get(i));
        }
        this.derived = derived.stream().filter(name -> !metricNames.contains(name)).toList();
        metricNames.addAll(this.derived);
        this.metricPositions = metricList.stream().mapToInt(Integer::intValue).toArray();
        this.estimatorPositions = estimatorList.stream().mapToInt(Integer::intValue).toArray();
        this.columns = new MetricColumns(metricNames, estimatorNames);
    }

    /** Checks the fixed columns and returns the position of {@code status}. */
    private static int checkLayout(String file, List<String> header) {
        for (int i = 0; i < LEADING.size(); i++) {
            String found = i < header.size() ? header.get(i) : "nothing";
            if (!LEADING.get(i).equals(found)) {
                throw new RunFileFormatException(file + " header: column " + (i + 1) + " is '"
                        + found + "', expected '" + LEADING.get(i) + "'");
            }
        }
        int status = header.indexOf(STATUS_BLOCK.get(0));
        if (status < 0) {
            throw new RunFileFormatException(file + " header: no column 'status'");
        }
        for (int i = 1; i < STATUS_BLOCK.size(); i++) {
            String found = status + i < header.size() ? header.get(status + i) : "nothing";
            if (!STATUS_BLOCK.get(i).equals(found)) {
                throw new RunFileFormatException(file + " header: column " + (status + i + 1)
                        + " is '" + found + "', expected '" + STATUS_BLOCK.get(i) + "'");
            }
        }
        return status;
    }

    List<String> parameterNames() {
        return parameterNames;
    }

    MetricColumns columns() {
        return columns;
    }

    /** The derived metrics the file does not have: their values are NaN until computed. */
    List<String> derived() {
        return derived;
    }

    /** Parses one record, failed or not: the table decides what is aggregated. */
    GenerationRow parse(CsvInput.Line line) {
        boolean failed = failed(line);
        int replicate = integer(line, 1, failed);
        int generation = integer(line, 2, failed);
        Map<String, String> parameters = parameters(line);
        double rho = rho(line, parameters.get(GenerationsTable.RHO));
        double[] values = new double[columns.metrics().size()];
        Arrays.fill(values, Double.NaN);
        for (int i = 0; i < metricPositions.length; i++) {
            values[i] = input.number(line, metricPositions[i]);
        }
        if (!failed) {
            requireFiniteQuality(line, values, generation);
        }
        String[] estimators = new String[estimatorPositions.length];
        for (int i = 0; i < estimatorPositions.length; i++) {
            estimators[i] = label(line.get(estimatorPositions[i]));
        }
        String error = failed ? line.get(statusColumn + 1) : null;
        return new GenerationRow(line.number(), line.get(0), replicate, generation, parameters,
                rho, error, line.get(statusColumn + 2), columns, values, estimators);
    }

    /**
     * Refuses a written NaN or infinity in {@code log_q} (an empty cell is fine: no quality was
     * measured): the law fits regress on it, and one such value would take its group down.
     */
    private void requireFiniteQuality(CsvInput.Line line, double[] values, int generation) {
        int logQ = columns.metrics().indexOf(GenerationsTable.LOG_Q);
        if (logQ < 0 || logQ >= metricPositions.length || Double.isFinite(values[logQ])) {
            return;
        }
        String text = line.get(metricPositions[logQ]);
        if (!text.isEmpty()) {
            throw input.error(line.number(), "column log_q: found '" + text + "' (cell "
                + line.get(0) + ", generation " + generation + "), expected a finite number; "
                + "correct the value, or empty the cell to leave this generation out of the fit");
        }
    }

    private boolean failed(CsvInput.Line line) {
        String status = line.get(statusColumn);
        if (!status.equals("ok") && !status.equals("failed")) {
            throw input.error(line.number(),
                    "column status: found '" + status + "', expected 'ok' or 'failed'");
        }
        return status.equals("failed");
    }

    /** A non-negative integer column; a failed row may leave it empty (read as -1). */
    private int integer(CsvInput.Line line, int column, boolean failed) {
        String text = line.get(column);
        if (failed && text.isEmpty()) {
            return -1;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the column name
        }
        throw input.error(line.number(), "column " + LEADING.get(column) + ": found '" + text
                + "', expected a non-negative integer");
    }

    private double rho(CsvInput.Line line, String text) {
        try {
            double rho = Double.parseDouble(text);
            if (Double.isFinite(rho)) {
                return rho;
            }
        } catch (NumberFormatException e) {
            // reported below with the column name
        }
        throw input.error(line.number(),
                "column rho: found '" + text + "', expected a finite number");
    }

    private Map<String, String> parameters(CsvInput.Line line) {
        List<String> values = line.values().subList(LEADING.size(), statusColumn);
        return parameterMaps.computeIfAbsent(List.copyOf(values), key -> {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < key.size(); i++) {
                map.put(parameterNames.get(i), key.get(i));
            }
            return Collections.unmodifiableMap(map);
        });
    }

    private String label(String text) {
        return text.isEmpty() ? null : labels.computeIfAbsent(text, key -> key);
    }
}
