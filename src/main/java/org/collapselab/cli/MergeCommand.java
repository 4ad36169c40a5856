package org.collapselab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.collapselab.report.FitBuilder;
import org.collapselab.report.GenerationsTable;
import org.collapselab.report.RunFileFormatException;
import org.collapselab.run.ShardMerge;
import org.collapselab.run.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code collapse merge DIR... --out DIR}: joins the folders of a sharded run into one run
 * folder, then fits the laws and draws the report as {@code run} does.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
    description = "Join the run folders of the shards of one run ('run --shard i/N') into one "
        + "run folder, identical to a single-process run, with fits, plots and report.md. The "
        + "folder appears only when complete.")
final class MergeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", arity = "1..*",
        description = "the run folders of all shards of one split, in any order")
    private List<Path> shards;

    @Option(names = "--out", paramLabel = "DIR", required = true,
        description = "the merged run folder (new, or an empty folder)")
    private Path out;

    @Option(names = "--no-report", description = "skip the fits, plots and report (make them "
        + "later with 'fit' and 'plot')")
    private boolean noReport;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = commandSpec.commandLine().getOut();
        PrintWriter err = commandSpec.commandLine().getErr();
        try {
            ShardMerge.Result merged = ShardMerge.merge(shards, out, (dir, finalDir) -> {
                if (!noReport) {
                    // The plot step's own line would name the temporary folder; the final one
                    // is printed below.
                    GenerationsTable table = FitBuilder.table(dir);
                    Analysis.fit(dir, table, stdout, err);
                    Analysis.plot(dir, finalDir, table, new PrintWriter(new StringWriter()));
                }
            });
            stdout.println("merged " + merged.shards() + " shards, " + merged.cells()
                + " cells: " + merged.runDir());
            if (merged.failedCells() > 0) {
                err.println(merged.failedCells() + " of " + merged.cells() + " cells failed "
                    + "(their errors are in generations.csv)");
                return Main.EXIT_FAILED_CELLS;
            }
            return 0;
        } catch (UsageException | RunFileFormatException mistake) {
            err.println("merge: " + mistake.getMessage());
            return 2;
        }
    }
}
