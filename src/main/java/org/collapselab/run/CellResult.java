package org.collapselab.run;

import java.util.List;
import org.collapselab.metric.MetricRow;

/**
 * Everything one cell produced: a row per finished generation and, if it failed, the error and
 * the generation at which it happened.
 *
 * @param cell the cell
 * @param rows one row per finished generation, in order
 * @param error null when the cell finished, else a one-line reason
 * @param failedGeneration the generation that failed (meaningful only with an error)
 * @param seconds wall time spent on the cell
 */
public record CellResult(Cell cell, List<Generation> rows, String error, int failedGeneration,
                         double seconds) {

    public boolean failed() {
        return error != null;
    }

    /**
     * One measured generation.
     *
     * @param generation t
     * @param trainSize samples in the training set
     * @param syntheticShare share of them drawn from earlier generations
     * @param metrics the metric values
     */
    public record Generation(int generation, int trainSize, double syntheticShare,
                             MetricRow metrics) {
    }
}
