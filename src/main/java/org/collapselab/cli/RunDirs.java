package org.collapselab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks on a run folder given on the command line. */
final class RunDirs {

    private RunDirs() {
    }

    /**
     * True when {@code dir} holds a generations.csv and no run is writing there; otherwise prints
     * why and returns false.
     */
    static boolean check(Path dir, PrintWriter err) {
        if (!Files.isDirectory(dir)) {
            err.println(dir + ": no such folder; give a run folder such as results/NAME/RUN-ID");
            return false;
        }
        if (!Files.isRegularFile(dir.resolve("generations.csv"))) {
            err.println(dir + ": holds no generations.csv; give a run folder made by "
                + "'collapse run'");
            return false;
        }
        if (org.collapselab.run.RunLock.inUse(dir)) {
            err.println(dir + ": a collapse run is still writing this folder; wait for it to "
                + "finish (or stop it) and try again");
            return false;
        }
        warnIfShard(dir, err);
        warnIfUnfinished(dir, err);
        return true;
    }

    /**
     * One line when {@code dir} holds a single shard of a sharded run: its fits and plots cover
     * only that shard's slice of the grid. The command goes on (exit code 0).
     */
    private static void warnIfShard(Path dir, PrintWriter err) {
        Path file = dir.resolve(org.collapselab.run.Runner.SHARD_FILE);
        if (!Files.isRegularFile(file)) {
            return;
        }
        String shard;
        try {
            shard = Files.readString(file, java.nio.charset.StandardCharsets.US_ASCII).strip();
        } catch (java.io.IOException unreadable) {
            shard = "?";
        }
        err.println(dir + ": holds shard " + shard + " only, a slice of the grid; join all "
            + "shards with 'collapse merge DIR... --out DIR' to fit the whole run");
    }

    /**
     * One line when {@code dir} is a run that never finished: a run writes provenance.json only
     * at its end, so a folder with the resolved spec and no provenance was interrupted, and its
     * fits cover only the cells written so far. The command goes on (exit code 0).
     */
    private static void warnIfUnfinished(Path dir, PrintWriter err) {
        if (Files.isRegularFile(dir.resolve("spec.resolved.yaml"))
            && !Files.isRegularFile(dir.resolve("provenance.json"))) {
            err.println(dir + ": the run in this folder did not finish (no provenance.json), so "
                + "this covers only the cells written so far; finish it with './collapse run "
                + "SPEC.yaml --resume --out " + dir + "'");
        }
    }
}
