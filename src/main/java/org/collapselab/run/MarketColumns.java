package org.collapselab.run;

import java.util.ArrayList;
import java.util.List;
import org.collapselab.spec.ExperimentSpec;

/**
 * The columns of generations.csv that the {@code filter} block and the {@code market} block
 * (a PMIR run) add after the metrics. All but one are numbers; generation 0, which nothing
 * screens and which precedes the first market round, leaves them empty.
 */
public final class MarketColumns {

    /** The grid axis of a market run's arms: true (regulated) or false (laissez-faire). */
    public static final String REGULATED = "regulated";

    /** What the detector removed from the generation's batches, and its rates. */
    public static final List<String> FILTER = List.of("removed_real", "removed_synthetic",
        "removal_rate_real", "removal_rate_synthetic", "detector_psi", "detector_phi");

    /**
     * The state of the market round that the generation trained in. {@code market_psi} and
     * {@code market_phi} are the rates the round's estimate and watermark used (the market's, or
     * the filter's detector's); {@code rho_estimate_estimator}, the one text column, says where
     * the flags came from, or why the estimate is empty.
     */
    public static final List<String> MARKET = List.of("market_rho", "market_psi", "market_phi",
        "flagged", "inspected", "rho_estimate", "rho_estimate_estimator", "rho_se", "drift",
        "subsidy", "watermark", "w_prod", "w_cons", "l_coll", "l_info", "welfare", "subsidy_step",
        "at_sdce");

    private MarketColumns() {
    }

    /** The extra columns of a spec, in order: filter ones, then market ones. */
    public static List<String> of(ExperimentSpec spec) {
        List<String> out = new ArrayList<>();
        if (spec.filter() != null) {
            out.addAll(FILTER);
        }
        if (spec.market() != null) {
            out.addAll(MARKET);
        }
        return out;
    }
}
