package org.collapselab.market;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one retraining measured.
 *
 * @param drift Delta = KL(q || p) on the held-out real probe, nats
 * @param flagged units the detector flagged as synthetic
 * @param inspected units the detector inspected (0: no flags, no estimate of rho)
 * @param measures other measures by name (for example {@code w2}, {@code log_q}), in name order
 */
public record RetrainingResult(double drift, long flagged, long inspected,
                               SortedMap<String, Double> measures) {

    public RetrainingResult {
        if (Double.isNaN(drift)) {
            throw new IllegalArgumentException("a retraining must measure a drift, found NaN");
        }
        if (inspected < 0 || flagged < 0 || flagged > inspected) {
            throw new IllegalArgumentException("flags need 0 <= flagged <= inspected, found "
                + flagged + " of " + inspected);
        }
        measures = Collections.unmodifiableSortedMap(new TreeMap<>(measures));
    }

    /** A drift with no flags and no other measures. */
    public static RetrainingResult of(double drift) {
        return new RetrainingResult(drift, 0, 0, new TreeMap<>(Map.of()));
    }
}
