package org.collapselab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The rows of a run's fits.csv, in long format: one row per group, law and parameter, with the
 * columns {@code group, law, parameter, estimate, se_classical, se_hac, se_cluster, ci_low,
 * ci_high, r2, aic, n_obs, n_clusters, hac_lag, best} (read by name; more may follow).
 *
 * <p>The collapse law log Q_t - log Q_0 = a - b t rho^2 has the parameters {@code a} and
 * {@code b}; per-rho rows (law {@code per-rho}) have the parameter {@code slope@rho=<value>};
 * the exponent law slope = c rho^gamma has the parameter {@code gamma} and, when the fit writes
 * it, its scale as {@code c} or {@code log_c}.
 */
public final class FitsTable {

    /** The law name of the collapse law. */
    public static final String COLLAPSE = "collapse";
    /** The law name of the per-rho slopes. */
    public static final String PER_RHO = "per-rho";
    /** The law name of the exponent fit over the per-rho slopes. */
    public static final String EXPONENT = "exponent";

    /** The columns every fits.csv must have. */
    private static final List<String> COLUMNS = List.of("group", "law", "parameter",
            "estimate", "se_classical", "se_hac", "se_cluster", "ci_low", "ci_high", "r2", "aic",
            "n_obs", "n_clusters", "hac_lag", "best");

    /** The collapse law of one group: log Q_t - log Q_0 = a - b t rho^2. */
    public record CollapseLine(double a, double b) {

        /** The law's prediction at generation t and synthetic share rho. */
        public double at(double t, double rho) {
            return a - b * t * rho * rho;
        }
    }

    /** The power law of one group's per-rho decay rates: -slope_rho = c rho^gamma. */
    public record ExponentLine(double c, double gamma) {

        public double at(double rho) {
            return c * Math.pow(rho, gamma);
        }
    }

    /** Rows by group key, each group's rows in file order. */
    private final Map<String, List<FitRow>> byGroup;

    private FitsTable(Map<String, List<FitRow>> byGroup) {
        this.byGroup = byGroup;
    }

    /** A table without rows, for a run whose fits.csv is absent. */
    public static FitsTable empty() {
        return new FitsTable(Map.of());
    }

    /** Reads fits.csv when the file exists, otherwise returns {@link #empty()}. */
    public static FitsTable readIfPresent(Path file) throws IOException {
        return Files.exists(file) ? read(file) : empty();
    }

    /**
     * Reads fits.csv.
     *
     * @throws RunFileFormatException if a column is missing or a value is malformed; the
     *     message names the file and the record
     */
    public static FitsTable read(Path file) throws IOException {
        Map<String, List<FitRow>> byGroup = new LinkedHashMap<>();
        try (CsvInput input = CsvInput.open(file)) {
            int[] positions = positions(input);
            for (CsvInput.Line line : input) {
                FitRow row = parse(input, line, positions);
                byGroup.computeIfAbsent(row.group(), g -> new ArrayList<>()).add(row);
            }
        }
        byGroup.replaceAll((group, rows) -> List.copyOf(rows));
        return new FitsTable(byGroup);
    }

    private static int[] positions(CsvInput input) {
        int[] positions = new int[COLUMNS.size()];
        for (int i = 0; i < COLUMNS.size(); i++) {
            positions[i] = input.header().indexOf(COLUMNS.get(i));
            if (positions[i] < 0) {
                throw new RunFileFormatException(
                        input.name() + " header: no column '" + COLUMNS.get(i) + "'");
            }
        }
        return positions;
    }

    private static FitRow parse(CsvInput input, CsvInput.Line line, int[] positions) {
        double[] numbers = new double[11];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = input.number(line, positions[3 + i]);
        }
        String best = line.get(positions[14]);
        if (!best.isEmpty() && !best.equals("true") && !best.equals("false")) {
            throw input.error(line.number(),
                    "column best: found '" + best + "', expected true, false or an empty cell");
        }
        return new FitRow(line.get(positions[0]), line.get(positions[1]),
                line.get(positions[2]), numbers[0], numbers[1], numbers[2], numbers[3],
                numbers[4], numbers[5], numbers[6], numbers[7], numbers[8], numbers[9],
                numbers[10], best.equals("true"));
    }

    public boolean isEmpty() {
        return byGroup.isEmpty();
    }

    /** The rows of one group, in file order; empty when fits.csv has none. */
    public List<FitRow> rows(String group) {
        return byGroup.getOrDefault(group, List.of());
    }

    /** The rows of one law in one group, in file order. */
    public List<FitRow> rows(String group, String law) {
        return rows(group).stream().filter(row -> row.law().equals(law)).toList();
    }

    /** The collapse law of a group, when fits.csv has both its a and b. */
    public Optional<CollapseLine> collapse(String group) {
        OptionalDouble a = estimate(group, COLLAPSE, "a");
        OptionalDouble b = estimate(group, COLLAPSE, "b");
        return a.isPresent() && b.isPresent()
                ? Optional.of(new CollapseLine(a.getAsDouble(), b.getAsDouble()))
                : Optional.empty();
    }

    /**
     * The exponent law of a group, when fits.csv has its gamma. The scale c is read from a
     * parameter {@code c}, or {@code log_c} (exponentiated); when neither is written it is
     * NaN and the caller must anchor the line itself.
     */
    public Optional<ExponentLine> exponent(String group) {
        OptionalDouble gamma = estimate(group, EXPONENT, "gamma");
        if (gamma.isEmpty()) {
            return Optional.empty();
        }
        OptionalDouble c = estimate(group, EXPONENT, "c");
        OptionalDouble logC = estimate(group, EXPONENT, "log_c");
        double scale = c.isPresent() ? c.getAsDouble()
                : logC.isPresent() ? Math.exp(logC.getAsDouble()) : Double.NaN;
        return Optional.of(new ExponentLine(scale, gamma.getAsDouble()));
    }

    /** The estimate of one parameter, when present and a number. */
    public OptionalDouble estimate(String group, String law, String parameter) {
        return rows(group, law).stream()
                .filter(row -> row.parameter().equals(parameter))
                .mapToDouble(FitRow::estimate)
                .filter(value -> !Double.isNaN(value))
                .findFirst();
    }
}
