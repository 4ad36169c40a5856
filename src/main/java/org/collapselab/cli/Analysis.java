package org.collapselab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.collapselab.law.DegenerateDesignException;
import org.collapselab.law.LawReport;
import org.collapselab.report.FitBuilder;
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
     * Fits the laws, then draws the plots and writes the report. When the laws cannot be fitted
     * (every rho is 0, or too few generations), says so in one line on {@code err}, removes fits
     * that an earlier attempt left, and still draws the report: the run itself succeeded.
     */
    static void finish(Path runDir, PrintWriter out, PrintWriter err) throws IOException {
        try {
            fit(runDir, out);
        } catch (DegenerateDesignException unidentified) {
            err.println(unfitted(runDir, unidentified) + "; the report is drawn without fits");
            Files.deleteIfExists(runDir.resolve("fits.csv"));
            Files.deleteIfExists(runDir.resolve("fits.json"));
        }
        plot(runDir, out);
    }

    /** The one-line message for laws that a run's data do not identify. */
    static String unfitted(Path runDir, DegenerateDesignException unidentified) {
        return runDir + ": the laws cannot be fitted: " + unidentified.getMessage();
    }

    static void fit(Path runDir, PrintWriter out) throws IOException {
        List<LawReport> reports = FitBuilder.rebuild(runDir);
        for (LawReport report : reports) {
            var b = report.collapse();
            out.printf("%s: b = %.4g (HAC s.e. %.2g), R^2 = %.3f; best law by AIC: %s%n",
                report.group(), b.b().estimate(), b.b().seHac(), b.rSquared(), report.best());
        }
    }

    static void plot(Path runDir, PrintWriter out) throws IOException {
        List<Path> files = ReportBuilder.rebuild(runDir);
        out.printf("%d plot and report files written; see %s%n", files.size(),
            runDir.resolve("report.md"));
    }
}
