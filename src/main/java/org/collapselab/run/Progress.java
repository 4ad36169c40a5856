package org.collapselab.run;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of a run: a line per finished cell with the count, its time and an estimate of the
 * time left. Runs of up to {@value #CELL_LINES} cells log every cell at INFO; larger runs log
 * every cell at DEBUG and, at INFO, one line per 5% of the cells, so that a grid of thousands of
 * replicates does not bury the console. Failures are always logged at WARN. While cells are long
 * (thousands of generations, or neural fits of many epochs), a line every
 * {@value #HEARTBEAT_SECONDS} s counts the generations done and says which epoch each training
 * cell has reached.
 */
final class Progress implements AutoCloseable, CellRunner.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);

    /** Up to this many cells, each gets an INFO line. */
    static final int CELL_LINES = 200;
    /** Seconds between two generation-count lines. */
    static final int HEARTBEAT_SECONDS = 15;

    private final int cells;
    private final long generations;
    /** Cells between two INFO lines on large runs. */
    private final int stride;
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicLong generationsDone = new AtomicLong();
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService heartbeat;
    /** Generations done at the last heartbeat line, to stay quiet when nothing moved. */
    private long lastReported;
    /** Where each cell that is training a neural family stands, by cell label. */
    private final Map<String, String> training = new ConcurrentSkipListMap<>();
    /** Epochs finished in all, and at the last heartbeat line. */
    private final AtomicLong epochsDone = new AtomicLong();
    private long lastEpochsReported;

    Progress(int cells, long generations) {
        this.cells = cells;
        this.generations = generations;
        this.stride = Math.max(1, cells / 20);
        if (cells > 0) {
            LOG.info("running {} cells ({} generations in all)", cells, generations);
        }
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "progress");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleAtFixedRate(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS,
            TimeUnit.SECONDS);
    }

    /** Called by a cell after each generation it finishes. */
    @Override
    public void generationDone() {
        generationsDone.incrementAndGet();
    }

    /** Called by a cell's neural family after each training epoch. */
    @Override
    public void epochDone(Cell cell, int generation, String family, int epoch, int epochs,
                          double loss) {
        training.put(cell.label(), String.format("generation %d, %s epoch %d/%d, loss %.4g",
            generation, family, epoch, epochs, loss));
        epochsDone.incrementAndGet();
    }

    private synchronized void beat() {
        long done = generationsDone.get();
        long epochs = epochsDone.get();
        if (done == lastReported && epochs == lastEpochsReported || done >= generations) {
            return;
        }
        lastReported = done;
        lastEpochsReported = epochs;
        double elapsed = elapsedSeconds();
        String left = done == 0 ? "time left not known yet"
            : String.format("about %.0f s left", elapsed / done * (generations - done));
        StringBuilder line = new StringBuilder(String.format(
            "%d of %d generations (%.0f%%), %d of %d cells; %s", done, generations,
            100.0 * done / generations, finished.get(), cells, left));
        training.forEach((label, status) ->
            line.append("; training ").append(label).append(": ").append(status));
        LOG.info(line.toString());
    }

    void cellDone(CellResult result) {
        training.remove(result.cell().label());
        int count = finished.incrementAndGet();
        double elapsed = elapsedSeconds();
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

    private double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
    }
}
