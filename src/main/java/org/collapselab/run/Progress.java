package org.collapselab.run;

import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of a run: a line per finished cell with the count, its time and an estimate of the
 * time left. Runs of up to {@value #CELL_LINES} cells log every cell at INFO; larger runs log
 * every cell at DEBUG and, at INFO, one line per 5% of the cells, so that a grid of thousands of
 * replicates does not bury the console. Failures are always logged at WARN.
 */
final class Progress implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);

    /** Up to this many cells, each gets an INFO line. */
    static final int CELL_LINES = 200;

    private final int cells;
    /** Cells between two INFO lines on large runs. */
    private final int stride;
    private final AtomicInteger finished = new AtomicInteger();
    private final long startNanos = System.nanoTime();

    Progress(int cells, long generations) {
        this.cells = cells;
        this.stride = Math.max(1, cells / 20);
        if (cells > 0) {
            LOG.info("running {} cells ({} generations in all)", cells, generations);
        }
    }

    void cellDone(CellResult result) {
        int count = finished.incrementAndGet();
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        double left = elapsed / count * (cells - count);
        String outcome = result.failed()
            ? "FAILED at generation " + result.failedGeneration() + ": " + result.error()
            : result.rows().size() + " generations";
        String line = String.format("[%d/%d] %s: %s in %.2f s (about %.0f s left)", count, cells,
            result.cell().label(), outcome, result.seconds(), left);
        if (result.failed()) {
            LOG.warn(line);
        } else if (cells <= CELL_LINES || count % stride == 0 || count == cells) {
            LOG.info(line);
        } else {
            LOG.debug(line);
        }
    }

    @Override
    public void close() {
        // Nothing to release: lines are logged as cells finish.
    }
}
