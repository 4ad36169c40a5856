package org.collapselab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.collapselab.law.LawReport;
import org.collapselab.report.FitBuilder;
import org.collapselab.report.ReportBuilder;

/** The steps after a run, shared by {@code run}, {@code fit} and {@code plot}. */
final class Analysis {

    private Analysis() {
    }

    /** Fits the laws, then draws the plots and writes the report. */
    static void finish(Path runDir, PrintWriter out) throws IOException {
        fit(runDir, out);
        plot(runDir, out);
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
