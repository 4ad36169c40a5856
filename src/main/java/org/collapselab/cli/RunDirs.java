package org.collapselab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks on a run folder given on the command line. */
final class RunDirs {

    private RunDirs() {
    }

    /** True when {@code dir} holds a generations.csv; otherwise prints why and returns false. */
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
        return true;
    }
}
