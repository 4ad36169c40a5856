package org.collapselab.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/** Raises collapse-lab's own log level to DEBUG for {@code --verbose}. */
final class Verbosity {

    private Verbosity() {
    }

    /**
     * Logs collapse-lab at DEBUG from now on, on the console and in run.log: a line per cell and
     * per training epoch. A no-op when logback is not the SLF4J binding.
     */
    static void debug() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger("org.collapselab").setLevel(Level.DEBUG);
        }
    }
}
