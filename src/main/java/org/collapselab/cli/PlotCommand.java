package org.collapselab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.collapselab.report.RunFileFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code collapse plot RUN_DIR}: redraw a run's plots and report from its CSV files. */
@Command(name = "plot", mixinStandardHelpOptions = true,
    description = "Redraw RUN_DIR/plots/ and RUN_DIR/report.md from generations.csv and "
        + "fits.csv (run 'fit' first to refresh the fits).")
final class PlotCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_DIR", description = "a run folder (holding generations.csv)")
    private Path runDir;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() throws IOException {
        if (!RunDirs.check(runDir, commandSpec.commandLine().getErr())) {
            return 2;
        }
        try {
            Analysis.plot(runDir, commandSpec.commandLine().getOut());
            return 0;
        } catch (RunFileFormatException malformed) {
            // The report names files relative to the run folder; say which folder.
            commandSpec.commandLine().getErr().println(runDir + ": " + malformed.getMessage());
            return 2;
        }
    }
}
