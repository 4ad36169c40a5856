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
 * @param detectorPsi the detection rate of the detector that flagged, when the retraining
 *     measured it (a trained classifier's held-out rate); NaN: the market's own psi
 * @param detectorPhi the false-positive rate of that detector, likewise; NaN: the market's phi
 */
public record RetrainingResult(double drift, long flagged, long inspected,
                               SortedMap<String, Double> measures, double detectorPsi,
                               double detectorPhi) {

    public RetrainingResult {
        if (Double.isNaN(drift)) {
            throw new IllegalArgumentException("a retraining must measure a drift, found NaN");
        }
        if (inspected < 0 || flagged < 0 || flagged > inspected) {
            throw new IllegalArgumentException("flags need 0 <= flagged <= inspected, found "
                + flagged + " of " + inspected);
        }
        measures = Collections.unmodifiableSortedMap(new TreeMap<>(measures));
        if (Double.isNaN(detectorPsi) != Double.isNaN(detectorPhi)) {
            throw new IllegalArgumentException("a detector's rates come as a pair, found psi "
                + detectorPsi + " and phi " + detectorPhi);
        }
        if (!Double.isNaN(detectorPsi) && !(detectorPsi >= 0 && detectorPsi <= 1
            && detectorPhi >= 0 && detectorPhi <= 1)) {
            throw new IllegalArgumentException("a detector's rates lie in [0, 1], found psi "
                + detectorPsi + " and phi " + detectorPhi);
        }
    }

    /** Flags of a detector with the market's own rates. */
    public RetrainingResult(double drift, long flagged, long inspected,
                            SortedMap<String, Double> measures) {
        this(drift, flagged, inspected, measures, Double.NaN, Double.NaN);
    }

    /** Whether the retraining measured its detector's rates. */
    public boolean measuredRates() {
        return !Double.isNaN(detectorPsi);
    }

    /** A drift with no flags and no other measures. */
    public static RetrainingResult of(double drift) {
        return new RetrainingResult(drift, 0, 0, new TreeMap<>(Map.of()));
    }
}
