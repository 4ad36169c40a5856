package org.collapselab.law;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes law reports as fits.csv (long format, one row per group, law and parameter) and as
 * fits.json (the report records themselves).
 *
 * <p>Numbers are written with {@link Double#toString}, which round-trips exactly, and line ends are
 * always "\n", so the same reports give the same bytes. A cell that does not apply is empty in the
 * CSV and null in the JSON.
 *
 * <p>CSV rows, per group in this order: collapse {@code b} (with the bootstrap interval) and
 * {@code a}; per-rho {@code slope@rho=...}; exponent {@code gamma} and {@code log_c} (a single
 * {@code gamma} row without an estimate when the fit was skipped, n_obs then counting the usable
 * rho values); then each rival's {@code a}, {@code c@rho=...} and shape parameter. r2, aic,
 * n_obs, n_clusters and best describe the whole fit the row belongs to; for per-rho rows they
 * describe that rho's regression, and for exponent rows n_obs is the number of rho values.
 */
public final class FitsWriter {

    /** The header of fits.csv. */
    public static final List<String> COLUMNS = List.of("group", "law", "parameter", "estimate",
        "se_classical", "se_hac", "se_cluster", "ci_low", "ci_high", "r2", "aic", "n_obs",
        "n_clusters", "hac_lag", "best");

    private FitsWriter() {
    }

    /** Writes the header and every report's rows. */
    public static void writeCsv(List<LawReport> reports, Appendable out) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder()
            .setHeader(COLUMNS.toArray(String[]::new))
            .setRecordSeparator("\n")
            .build();
        CSVPrinter printer = new CSVPrinter(out, format);
        for (LawReport report : reports) {
            for (Row row : rows(report)) {
                printer.printRecord(row.cells(report.group()));
            }
        }
        printer.flush();
    }

    /** Writes the reports as an indented JSON array and a newline; {@code out} stays open. */
    public static void writeJson(List<LawReport> reports, Writer out) throws IOException {
        ObjectMapper mapper = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(SerializationFeature.INDENT_OUTPUT);
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        mapper.writer(pretty).writeValue(out, reports);
        out.write("\n");
        out.flush();
    }

    /** The CSV rows of one report, as described in the class comment. */
    static List<Row> rows(LawReport report) {
        List<Row> rows = new ArrayList<>();
        CollapseFit collapse = report.collapse();
        rows.add(collapseRow(report, collapse.b(), collapse.bootstrap()));
        rows.add(collapseRow(report, collapse.a(), null));
        for (RhoSlope s : report.perRho()) {
            ParameterEstimate p = s.slope();
            rows.add(new Row("per-rho", p.name(), p.estimate(), p.seClassical(), p.seHac(),
                p.seCluster(), null, null, s.rSquared(), null, s.observationCount(),
                s.clusterCount(), s.hacLag(), null));
        }
        rows.addAll(exponentRows(report.exponent()));
        int clusters = collapse.clusterCount();
        for (LawFit law : report.laws()) {
            if (law.law().equals("collapse")) {
                continue;
            }
            for (ParameterEstimate p : law.parameters()) {
                rows.add(new Row(law.law(), p.name(), p.estimate(), null, null, null, null, null,
                    law.rSquared(), law.aic(), law.observationCount(), clusters, null,
                    report.best().equals(law.law())));
            }
        }
        return rows;
    }

    /** A collapse-law row; {@code interval} is null for a parameter without one. */
    private static Row collapseRow(LawReport report, ParameterEstimate p,
                                   BootstrapInterval interval) {
        CollapseFit collapse = report.collapse();
        return new Row("collapse", p.name(), p.estimate(), p.seClassical(), p.seHac(),
            p.seCluster(), interval == null ? null : interval.low(),
            interval == null ? null : interval.high(), collapse.rSquared(),
            report.law("collapse").aic(), collapse.observationCount(), collapse.clusterCount(),
            collapse.hacLag(), report.best().equals("collapse"));
    }

    private static List<Row> exponentRows(ExponentFit exponent) {
        if (exponent.gamma() == null) {
            return List.of(new Row("exponent", "gamma", null, null, null, null, null, null, null,
                null, exponent.rhoCount(), null, null, null));
        }
        List<Row> rows = new ArrayList<>();
        for (ParameterEstimate p : List.of(exponent.gamma(), exponent.logC())) {
            rows.add(new Row("exponent", p.name(), p.estimate(), p.seClassical(), null, null,
                null, null, exponent.rSquared(), null, exponent.rhoCount(), null, null, null));
        }
        return rows;
    }

    /** One CSV row after the group column; null is an empty cell. */
    record Row(String law, String parameter, Double estimate, Double seClassical, Double seHac,
               Double seCluster, Double ciLow, Double ciHigh, Double r2, Double aic,
               Integer observationCount, Integer clusterCount, Integer hacLag, Boolean best) {

        List<String> cells(String group) {
            return List.of(group, law, parameter, text(estimate), text(seClassical),
                text(seHac), text(seCluster), text(ciLow), text(ciHigh), text(r2), text(aic),
                text(observationCount), text(clusterCount), text(hacLag), text(best));
        }

        private static String text(Object value) {
            // Double.toString, Integer.toString and Boolean.toString through toString().
            return value == null ? "" : value.toString();
        }
    }
}
