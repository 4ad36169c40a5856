package org.collapselab.metric;

/**
 * Generation 0's values that later generations are compared with.
 *
 * @param nll probe negative log-likelihood of generation 0 (NaN if not measured)
 * @param totalVariance trace of generation 0's covariance (NaN if not measured)
 */
public record Baseline(double nll, double totalVariance) {

    /** Reads generation 0's row. */
    public static Baseline of(MetricRow generationZero) {
        return new Baseline(generationZero.get(Metrics.NLL),
            generationZero.get(Metrics.TOTAL_VARIANCE));
    }
}
