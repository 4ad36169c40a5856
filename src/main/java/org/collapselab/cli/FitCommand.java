package org.collapselab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.collapselab.report.RunFileFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code collapse fit RUN_DIR}: refit the laws from a run's generations.csv. */
@Command(name = "fit", mixinStandardHelpOptions = true,
    description = "Fit the collapse law and its rivals to RUN_DIR/generations.csv and rewrite "
        + "fits.csv and fits.json.")
final class FitCommand implements Callable<Integer> {

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
            int fitted = Analysis.fit(runDir, commandSpec.commandLine().getOut(),
                commandSpec.commandLine().getErr());
            return fitted > 0 ? 0 : 2;
        } catch (RunFileFormatException malformed) {
            commandSpec.commandLine().getErr().println(malformed.getMessage());
            return 2;
        }
    }
}
