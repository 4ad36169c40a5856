package org.collapselab.run;

import java.nio.file.Path;

/**
 * How to run a spec.
 *
 * @param out the run folder, or null for results/NAME/RUN-ID under {@code resultsRoot}
 * @param resultsRoot where run folders go when {@code out} is null
 * @param resume continue the run in {@code out} (or the newest run of the experiment)
 * @param threads worker threads, at least 1
 * @param report whether to fit the laws and draw the plots at the end
 * @param shard the slice of the grid to run ({@link Shard#WHOLE} for all of it)
 * @param device auto, cpu or gpu from the command line, overriding the spec's; null to keep the
 *     spec's
 */
public record RunOptions(Path out, Path resultsRoot, boolean resume, int threads,
                         boolean report, Shard shard, String device) {

    public RunOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (shard == null) {
            throw new IllegalArgumentException("no shard given; use Shard.WHOLE");
        }
    }

    /**
     * These options with at most as many threads as {@code cells}: a thread beyond the cells
     * would have nothing to run, so a run never starts more, and records the number it used.
     */
    public RunOptions forCells(int cells) {
        int used = Math.min(threads, Math.max(1, cells));
        return used == threads ? this
            : new RunOptions(out, resultsRoot, resume, used, report, shard, device);
    }

    /** The whole grid on the spec's device. */
    public RunOptions(Path out, Path resultsRoot, boolean resume, int threads, boolean report) {
        this(out, resultsRoot, resume, threads, report, Shard.WHOLE, null);
    }

    /** Defaults: a new folder under results/, every core, with the report. */
    public static RunOptions defaults() {
        return new RunOptions(null, Path.of("results"), false,
            Runtime.getRuntime().availableProcessors(), true);
    }
}
