package org.collapselab.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.collapselab.report.GenerationsCsvWriter;
import org.collapselab.spec.ExperimentSpec;

/**
 * Receives finished cells in any order and writes them in grid order: a cell is written as soon
 * as every cell before it has been. This is what makes generations.csv independent of thread
 * timing, and keeps the file a prefix of the full run at every moment, which resume relies on.
 */
final class OrderedSink {

    private final CellResult[] pending;
    private final GenerationsCsvWriter writer;
    private final ExperimentSpec spec;
    private final List<String> header;
    private final List<String> failures = new ArrayList<>();
    /** The header's metric and estimator columns, after {@code synthetic_share}. */
    private final List<String> metricColumns;
    /** Position of the next cell to write. */
    private int next;
    /** The first write error, rethrown on the caller's thread. */
    private IOException writeError;

    OrderedSink(int size, GenerationsCsvWriter writer, ExperimentSpec spec, List<String> header) {
        this.pending = new CellResult[size];
        this.writer = writer;
        this.spec = spec;
        this.header = header;
        this.metricColumns = header.subList(header.indexOf("synthetic_share") + 1,
            header.size());
    }

    synchronized void accept(int position, CellResult result) {
        pending[position] = result;
        while (next < pending.length && pending[next] != null && writeError == null) {
            CellResult ready = pending[next];
            pending[next] = null;
            next++;
            if (ready.failed()) {
                failures.add(ready.cell().id() + " (" + ready.cell().label() + "): "
                    + ready.error());
            }
            try {
                writer.appendCell(rows(ready));
            } catch (IOException failed) {
                writeError = failed;
            }
        }
    }

    synchronized void rethrow() throws IOException {
        if (writeError != null) {
            throw writeError;
        }
        if (next != pending.length) {
            throw new IllegalStateException("only " + next + " of " + pending.length
                + " cells reached generations.csv");
        }
    }

    synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    private List<List<String>> rows(CellResult result) {
        Cell cell = result.cell();
        List<List<String>> rows = new ArrayList<>();
        for (CellResult.Generation g : result.rows()) {
            List<String> row = prefix(cell, g.generation(), "ok", "");
            row.add(Integer.toString(g.trainSize()));
            row.add(Double.toString(g.syntheticShare()));
            for (String column : metricColumns) {
                row.add(g.metrics().text(column));
            }
            rows.add(row);
        }
        if (result.failed()) {
            List<String> row = prefix(cell, result.failedGeneration(), "failed", result.error());
            while (row.size() < header.size()) {
                row.add("");
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<String> prefix(Cell cell, int generation, String status, String error) {
        List<String> row = new ArrayList<>();
        row.add(cell.id());
        row.add(Integer.toString(cell.replicate()));
        row.add(Integer.toString(generation));
        row.addAll(cell.parameters().values());
        row.add(status);
        row.add(error);
        row.add(Long.toString(cell.seed()));
        return row;
    }
}
