package org.collapselab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.collapselab.law.LawReport;
import org.collapselab.report.FitBuilder;
import org.collapselab.report.GenerationsTable;
import org.collapselab.report.ReportBuilder;
import org.collapselab.report.RunFileFormatException;

/**
 * The steps after a run, shared by {@code run}, {@code fit} and {@code plot}. What a run folder's
 * files cannot support (a malformed CSV, laws that the data do not identify) is a
 * {@link RunFileFormatException} or a {@link DegenerateDesignException} with a one-line message,
 * which the commands print as a user's mistake rather than a bug.
 */
final class Analysis {

    private Analysis() {
    }

    /**
     * Fits the laws, then draws the plots and writes the report. Groups whose laws cannot be
     * fitted (only rho = 0, too few generations) are named in one line each on {@code err}; the
     * others are fitted and the report is drawn: the run itself succeeded.
     */
    static void finish(Path runDir, PrintWriter out, PrintWriter err) throws IOException {
        // generations.csv is read once for both steps.
        GenerationsTable table = FitBuilder.table(runDir);
        fit(runDir, table, out, err);
        plot(runDir, runDir, table, out);
    }

    /** Fits and prints the laws; returns how many groups were fitted. */
    static int fit(Path runDir, PrintWriter out, PrintWriter err) throws IOException {
        return fit(runDir, FitBuilder.table(runDir), out, err);
    }

    /** As {@link #fit(Path, PrintWriter, PrintWriter)}, from generations.csv already read. */
    static int fit(Path runDir, GenerationsTable table, PrintWriter out, PrintWriter err)
        throws IOException {
        FitBuilder.Fits fits = FitBuilder.rebuild(runDir, table);
        for (LawReport report : fits.reports()) {
            var b = report.collapse();
            out.printf("%s: b = %.4g (HAC s.e. %.2g), R^2 = %.3f; best law by AIC: %s%n",
                report.group(), b.b().estimate(), b.b().seHac(), b.rSquared(), report.best());
        }
        for (String reason : fits.skipped()) {
            err.println("not fitted: " + reason);
        }
        if (fits.reports().isEmpty() && fits.skipped().isEmpty()) {
            err.println(runDir + ": no law fitted: no finished cell has log_q (add log_q to "
                + "metrics.include, or check the failed cells)");
        }
        return fits.reports().size();
    }

    static void plot(Path runDir, PrintWriter out) throws IOException {
        print(ReportBuilder.rebuild(runDir), runDir, out);
    }

    /**
     * As {@link #plot(Path, PrintWriter)}, from generations.csv already read, the report naming
     * the run {@code shownAs}.
     */
    static void plot(Path runDir, Path shownAs, GenerationsTable table, PrintWriter out)
        throws IOException {
        print(ReportBuilder.rebuild(runDir, shownAs, table), runDir, out);
    }

    private static void print(List<Path> files, Path runDir, PrintWriter out) {
        out.printf("%d plot and report files written; see %s%n", files.size(),
            runDir.resolve("report.md"));
    }
}
