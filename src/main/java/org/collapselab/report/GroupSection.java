package org.collapselab.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;

/**
 * The markdown section of one group in report.md: the law fits from fits.csv, the mean metrics
 * at a selection of generations, links to the plots and the failed rows.
 */
final class GroupSection {

    /** Up to this last generation, the metrics table shows every generation. */
    static final int ALL_GENERATIONS_UP_TO = 12;
    /** At most this many failed rows are listed per group; the rest are counted. */
    static final int FAILED_ROWS_LISTED = 100;
    /** The metric whose geometric mean gets a column of its own. */
    private static final String VARIANCE_RATIO = "variance_ratio";

    /** The group written. */
    private final Group group;
    /** Its plot-file prefix, g1, g2, ... */
    private final String prefix;
    /** The metrics to tabulate, in the table's column order. */
    private final List<String> metrics;
    /** The run's fits. */
    private final FitsTable fits;
    /** Whether fits.csv exists at all, to say why a group has no law table. */
    private final boolean fitsPresent;

    GroupSection(Group group, String prefix, List<String> metricNames, FitsTable fits,
                 boolean fitsPresent) {
        this.group = group;
        this.prefix = prefix;
        this.metrics = tabulated(group, metricNames);
        this.fits = fits;
        this.fitsPresent = fitsPresent;
    }

    /** The quality change first, then every metric with a value, in column order. */
    private static List<String> tabulated(Group group, List<String> metricNames) {
        List<String> metrics = new ArrayList<>();
        metrics.add(GenerationsTable.QUALITY_CHANGE);
        metricNames.stream().filter(name -> !name.equals(GenerationsTable.QUALITY_CHANGE))
                .forEach(metrics::add);
        return metrics.stream().filter(group::has).toList();
    }

    String render(Path runDir, List<Plots.PlotFile> plots) {
        StringBuilder text = new StringBuilder();
        text.append("## ").append(prefix).append(": `").append(group.key()).append("`\n\n");
        text.append(overview()).append('\n');
        text.append("### Law fits\n\n").append(laws()).append('\n');
        text.append("### Mean metrics by generation\n\n").append(metricsTable()).append('\n');
        text.append("### Plots\n\n").append(plotLinks(runDir, plots)).append('\n');
        text.append("### Failed rows\n\n").append(failedRows());
        return text.toString();
    }

    private String overview() {
        String rhos = group.series().stream().map(Series::rho).collect(Collectors.joining(", "));
        long replicates = group.series().stream().flatMap(s -> s.generations().values().stream())
                .flatMap(List::stream).map(row -> row.cell() + '\u0000' + row.replicate())
                .distinct().count();
        NavigableSet<Integer> generations = group.generations();
        StringBuilder text = new StringBuilder();
        if (generations.isEmpty()) {
            text.append("No row of this group has status ok.\n");
        } else {
            text.append("rho: ").append(rhos).append("; replicate time series: ")
                    .append(replicates).append("; generations ").append(generations.first())
                    .append(" to ").append(generations.last()).append(".\n");
        }
        Map<String, SortedSet<String>> estimators = group.estimators(metrics);
        if (!estimators.isEmpty()) {
            text.append("\nEstimators: ").append(estimators.entrySet().stream()
                    .map(e -> e.getKey() + ": " + String.join(", ", e.getValue()))
                    .collect(Collectors.joining("; "))).append(".\n");
        }
        return text.toString();
    }

    private String laws() {
        List<FitRow> rows = fits.rows(group.key());
        if (rows.isEmpty()) {
            return fitsPresent ? "fits.csv has no rows for this group.\n"
                               : "No fits.csv in this run: no law was fitted.\n";
        }
        return comparison(rows) + '\n' + bestLaw(rows) + '\n' + estimates(rows) + '\n'
                + hacNote(rows);
    }

    /**
     * One row per law with an AIC (the laws compared; per-rho slopes and the exponent have
     * none): its estimates, R^2, AIC, AIC above the lowest, and the best mark.
     */
    private static String comparison(List<FitRow> rows) {
        Map<String, List<FitRow>> byLaw = new LinkedHashMap<>();
        rows.stream().filter(row -> Double.isFinite(row.aic())).forEach(row ->
                byLaw.computeIfAbsent(row.law(), l -> new ArrayList<>()).add(row));
        if (byLaw.isEmpty()) {
            return "fits.csv gives no AIC for this group: no law comparison.\n";
        }
        double lowest = rows.stream().mapToDouble(FitRow::aic).filter(Double::isFinite).min()
                .orElse(Double.NaN);
        MarkdownTable table = new MarkdownTable("law", "estimates", "R^2", "AIC",
                "AIC - lowest", "best");
        byLaw.forEach((law, lawRows) -> {
            FitRow first = lawRows.get(0);
            String estimates = lawRows.stream()
                    .map(row -> row.parameter() + " = " + Formats.number(row.estimate()))
                    .collect(Collectors.joining(", "));
            boolean best = lawRows.stream().anyMatch(FitRow::best);
            table.row(law, estimates, Formats.number(first.r2()), Formats.number(first.aic()),
                    Formats.number(first.aic() - lowest), best ? "yes" : "");
        });
        return table.render();
    }

    private static String bestLaw(List<FitRow> rows) {
        List<String> best = rows.stream().filter(FitRow::best).map(FitRow::law).distinct()
                .toList();
        if (best.isEmpty()) {
            return "fits.csv marks no law as the best of this group.\n";
        }
        return "Lowest AIC, so the best of the laws compared: **" + String.join(", ", best)
                + "**.\n";
    }

    /**
     * The parameters that carry a standard error or an interval (the collapse law, the per-rho
     * slopes, the exponent), with their three standard errors; the rivals' point estimates are
     * in the comparison table already.
     */
    private static String estimates(List<FitRow> rows) {
        MarkdownTable table = new MarkdownTable("law", "parameter", "estimate",
                "s.e. classical", "s.e. HAC", "s.e. cluster", "95% interval", "R^2", "n_obs",
                "clusters", "HAC lag");
        for (FitRow row : rows.stream().filter(GroupSection::hasUncertainty).toList()) {
            String interval = Double.isNaN(row.ciLow()) && Double.isNaN(row.ciHigh()) ? ""
                    : "[" + Formats.number(row.ciLow()) + ", " + Formats.number(row.ciHigh())
                      + "]";
            table.row(row.law(), row.parameter(), Formats.number(row.estimate()),
                    Formats.number(row.seClassical()), Formats.number(row.seHac()),
                    Formats.number(row.seCluster()), interval, Formats.number(row.r2()),
                    Formats.count(row.observations()), Formats.count(row.clusters()),
                    Formats.count(row.hacLag()));
        }
        return table.render();
    }

    private static boolean hasUncertainty(FitRow row) {
        return DoubleStream.of(row.seClassical(), row.seHac(), row.seCluster(), row.ciLow(),
                row.ciHigh()).anyMatch(value -> !Double.isNaN(value));
    }

    private static String hacNote(List<FitRow> rows) {
        SortedSet<String> lags = new TreeSet<>();
        rows.stream().mapToDouble(FitRow::hacLag).filter(Double::isFinite)
                .forEach(lag -> lags.add(Formats.count(lag)));
        String lag = lags.isEmpty() ? "the lag is not recorded"
                                    : "lag L = " + String.join(", ", lags);
        return "HAC errors are Newey-West errors (Bartlett weights; " + lag + "). With few "
                + "generations per replicate they run small, since only a few autocovariances "
                + "enter and each is estimated from short series; the cluster errors, which "
                + "treat each replicate's whole series as one independent draw, are the safer "
                + "guide then.\n";
    }

    private String metricsTable() {
        if (metrics.isEmpty()) {
            return "No metric of this group has a value.\n";
        }
        List<String> header = new ArrayList<>(List.of("rho", "t", "replicates"));
        for (String metric : metrics) {
            header.add(metric);
            if (metric.equals(VARIANCE_RATIO)) {
                header.add(VARIANCE_RATIO + " (geometric mean)");
            }
        }
        MarkdownTable table = new MarkdownTable(header);
        List<Integer> shown = shownGenerations(group.generations());
        for (Series series : group.series()) {
            Map<String, NavigableMap<Integer, Summary>> summaries = new LinkedHashMap<>();
            metrics.forEach(metric -> summaries.put(metric, series.summarize(metric)));
            for (int generation : shown) {
                List<GenerationRow> rows = series.generations().get(generation);
                if (rows != null) {
                    table.row(metricsRow(series, generation, rows.size(), summaries));
                }
            }
        }
        return "Means over replicates"
                + (group.generations().last() > ALL_GENERATIONS_UP_TO
                   ? " at the first, some intermediate and the last generations" : "")
                + "; replicates counts those measured at that generation. "
                + GenerationsTable.QUALITY_CHANGE + " is log Q_t - log Q_0.\n\n"
                + table.render();
    }

    private List<String> metricsRow(Series series, int generation, int count,
                                    Map<String, NavigableMap<Integer, Summary>> summaries) {
        List<String> cells = new ArrayList<>(List.of(series.rho(),
                Integer.toString(generation), Integer.toString(count)));
        summaries.forEach((metric, byGeneration) -> {
            Summary summary = byGeneration.get(generation);
            cells.add(summary == null ? "" : Formats.number(summary.mean()));
            if (metric.equals(VARIANCE_RATIO)) {
                cells.add(summary == null ? "" : Formats.number(summary.geometricMean()));
            }
        });
        return cells;
    }

    /**
     * Every generation when the last is at most {@link #ALL_GENERATIONS_UP_TO}; otherwise the
     * first two, those at a quarter, half and three quarters of the list, and the last.
     */
    static List<Integer> shownGenerations(NavigableSet<Integer> generations) {
        List<Integer> all = List.copyOf(generations);
        if (all.isEmpty() || all.get(all.size() - 1) <= ALL_GENERATIONS_UP_TO) {
            return all;
        }
        int last = all.size() - 1;
        SortedSet<Integer> positions = new TreeSet<>(
                List.of(0, Math.min(1, last), last / 4, last / 2, 3 * last / 4, last));
        return positions.stream().map(all::get).toList();
    }

    private String plotLinks(Path runDir, List<Plots.PlotFile> plots) {
        List<Plots.PlotFile> own = plots.stream()
                .filter(plot -> plot.groupKey().equals(group.key())).toList();
        if (own.isEmpty()) {
            return "No plot: this group has no metric to draw.\n";
        }
        StringBuilder text = new StringBuilder();
        for (Plots.PlotFile plot : own) {
            String png = relative(runDir, plot.png());
            text.append("**").append(plot.kind().title()).append("** ([SVG](")
                    .append(relative(runDir, plot.svg())).append("))\n\n")
                    .append("![").append(prefix).append(' ').append(plot.kind().title())
                    .append("](").append(png).append(")\n\n");
        }
        return text.toString();
    }

    private static String relative(Path runDir, Path file) {
        return runDir.toAbsolutePath().relativize(file.toAbsolutePath()).toString()
                .replace('\\', '/');
    }

    private String failedRows() {
        List<GenerationRow> failed = group.failedRows();
        if (failed.isEmpty()) {
            return "None.\n";
        }
        MarkdownTable table = new MarkdownTable("cell", "rho", "replicate", "generation",
                "seed", "error");
        failed.stream().limit(FAILED_ROWS_LISTED).forEach(row -> table.row(row.cell(),
                row.parameters().get(GenerationsTable.RHO), index(row.replicate()),
                index(row.generation()), row.seed(), row.error()));
        String more = failed.size() > FAILED_ROWS_LISTED
                ? "\nand " + (failed.size() - FAILED_ROWS_LISTED)
                  + " more; generations.csv has them all.\n" : "";
        return failed.size() + " failed row(s), left out of every mean and plot:\n\n"
                + table.render() + more;
    }

    private static String index(int value) {
        return value < 0 ? "" : Integer.toString(value);
    }
}
