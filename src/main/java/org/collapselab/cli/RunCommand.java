package org.collapselab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.collapselab.run.RunOptions;
import org.collapselab.run.RunSummary;
import org.collapselab.run.Runner;
import org.collapselab.run.Shard;
import org.collapselab.run.UsageException;
import org.collapselab.spec.LoadedSpec;
import org.collapselab.spec.SpecException;
import org.collapselab.spec.SpecLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code collapse run [SPEC]}: run an experiment, then fit the laws and draw the report. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run an experiment spec (default: experiments/quickstart.yaml) and write "
        + "results/NAME/RUN-ID/ with generations.csv, fits, plots and report.md.")
final class RunCommand implements Callable<Integer> {

    /** The spec run when none is given; shipped inside the jar as well. */
    static final String DEFAULT_SPEC = "experiments/quickstart.yaml";

    @Parameters(paramLabel = "SPEC.yaml", arity = "0..1",
        description = "the experiment spec (default: ${DEFAULT-VALUE})",
        defaultValue = DEFAULT_SPEC)
    private Path spec;

    @Option(names = "--out", paramLabel = "DIR",
        description = "run folder (default: results/NAME/UTC-TIME)")
    private Path out;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results",
        description = "where run folders go when --out is not given (default: ${DEFAULT-VALUE})")
    private Path results;

    @Option(names = "--resume", description = "continue an interrupted run: --out DIR, or the "
        + "newest run of this experiment; finished cells are kept, not rerun")
    private boolean resume;

    @Option(names = "--threads", paramLabel = "N",
        description = "worker threads (default: the number of cores)")
    private Integer threads;

    @Option(names = "--no-report", description = "skip the fits, plots and report at the end "
        + "(make them later with 'fit' and 'plot')")
    private boolean noReport;

    @Option(names = "--shard", paramLabel = "i/N", description = "run only shard i of N (i from "
        + "0 to N-1): the cells at grid positions i, i+N, i+2N...; no report (join the shards "
        + "with 'merge', which writes it)")
    private String shard;

    @Option(names = "--device", paramLabel = "DEVICE", description = "auto, cpu or gpu, "
        + "overriding the spec's device (closed-form families always run on the JVM's CPU)")
    private String device;

    @Option(names = {"-v", "--verbose"}, description = "log at DEBUG, on the console and in "
        + "run.log: every cell, and every training epoch of neural families")
    private boolean verbose;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = commandSpec.commandLine().getErr();
        if (verbose) {
            Verbosity.debug();
        }
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1) {
            err.println("--threads: " + threadCount + " is not a thread count; use 1 or more");
            return 2;
        }
        if (out != null && commandSpec.commandLine().getParseResult().hasMatchedOption(
            "--results")) {
            err.println("run: --out " + out + " and --results " + results + " both say where the "
                + "run goes; give one of them");
            return 2;
        }
        try {
            Shard slice = shard == null ? Shard.WHOLE : Shard.parse(shard);
            LoadedSpec loaded = load();
            boolean report = !noReport && slice.isWhole();
            RunOptions options = new RunOptions(out, results, resume, threadCount, report, slice,
                device);
            RunSummary summary = new Runner(loaded, options).run();
            if (report) {
                finishWithHint(summary.runDir(), err);
            }
            PrintWriter stdout = commandSpec.commandLine().getOut();
            stdout.println("results: " + summary.runDir() + (slice.isWhole() ? ""
                : " (shard " + slice + "; join all " + slice.count() + " shards with 'collapse "
                    + "merge DIR... --out DIR')"));
            if (!summary.failed().isEmpty()) {
                err.println(summary.failed().size() + " of " + summary.cells()
                    + " cells failed (their errors are in generations.csv and run.log):");
                summary.failed().stream().limit(10).forEach(f -> err.println("  " + f));
                return Main.EXIT_FAILED_CELLS;
            }
            return 0;
        } catch (SpecException | UsageException mistake) {
            err.println(mistake.getMessage());
            return 2;
        }
    }

    /**
     * Fits and draws the report. Every cell is in generations.csv by then, so a Ctrl-C or kill
     * here loses only the report: the hint on the way out says how to redraw it.
     */
    private void finishWithHint(Path runDir, PrintWriter err) throws IOException {
        Thread hint = new Thread(() -> System.err.println("interrupted while drawing the "
            + "report: every cell is finished and kept in " + runDir + "; redraw the fits, "
            + "plots and report with: ./collapse fit " + runDir + " && ./collapse plot "
            + runDir), "report-hint");
        Runtime.getRuntime().addShutdownHook(hint);
        try {
            Analysis.finish(runDir, commandSpec.commandLine().getOut(), err);
        } finally {
            Runtime.getRuntime().removeShutdownHook(hint);
        }
    }

    /** The spec given, or the bundled quickstart when the default file is not on disk. */
    private LoadedSpec load() throws SpecException, IOException {
        if (spec.toString().equals(DEFAULT_SPEC) && !Files.exists(spec)) {
            try (InputStream in = RunCommand.class.getResourceAsStream("/" + DEFAULT_SPEC)) {
                if (in != null) {
                    return SpecLoader.parse(Path.of("quickstart.yaml"),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return SpecLoader.load(spec);
    }
}
