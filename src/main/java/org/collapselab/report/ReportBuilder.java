package org.collapselab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds a run's plots and report from its files alone: reads generations.csv (required) and
 * fits.csv (optional), writes {@code plots/} and report.md. This is the entry point of the
 * command line's plot step.
 */
public final class ReportBuilder {

    /** The run's rows, required. */
    public static final String GENERATIONS = "generations.csv";
    /** The plot directory inside the run directory. */
    public static final String PLOTS = "plots";

    private ReportBuilder() {
    }

    /**
     * Writes the plots, the plot index and report.md of a run directory.
     *
     * @return the files written: every PNG and SVG, plots/index.csv, then report.md
     * @throws RunFileFormatException if generations.csv is missing or a run file breaks its
     *     contract; the message is one line naming the file
     */
    public static List<Path> rebuild(Path runDir) throws IOException {
        return rebuild(runDir, runDir);
    }

    /**
     * As {@link #rebuild(Path)}, the report's title naming the run {@code shownAs}: a merge
     * builds its run in a temporary folder and then renames it.
     */
    public static List<Path> rebuild(Path runDir, Path shownAs) throws IOException {
        Path generations = runDir.resolve(GENERATIONS);
        if (!Files.isRegularFile(generations)) {
            throw new RunFileFormatException(
                    "no " + GENERATIONS + " in " + runDir + ": nothing to plot or report");
        }
        return rebuild(runDir, shownAs, GenerationsTable.read(generations));
    }

    /** As {@link #rebuild(Path, Path)}, from the run's generations.csv already read. */
    public static List<Path> rebuild(Path runDir, Path shownAs, GenerationsTable table)
            throws IOException {
        FitsTable fits = FitsTable.readIfPresent(runDir.resolve(ReportWriter.FITS));
        Plots plots = new Plots(table, fits);
        Path directory = runDir.resolve(PLOTS);
        List<Plots.PlotFile> written = plots.writeAll(directory);
        List<Path> files = new ArrayList<>();
        written.forEach(plot -> files.addAll(List.of(plot.png(), plot.svg())));
        files.add(plots.writeIndex(directory));
        files.add(new ReportWriter(runDir, shownAs, table, fits, written).write());
        return List.copyOf(files);
    }
}
