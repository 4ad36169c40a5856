package org.collapselab.run;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.collapselab.market.MarketParameters;
import org.collapselab.market.Pmir;
import org.collapselab.market.PmirResult;
import org.collapselab.market.PmirRound;
import org.collapselab.market.PmirSettings;
import org.collapselab.market.Retraining;
import org.collapselab.market.RetrainingResult;
import org.collapselab.data.Screen;
import org.collapselab.metric.Metrics;
import org.collapselab.metric.MetricRow;
import org.collapselab.spec.FilterSpec;
import org.collapselab.spec.MarketSpec;

/**
 * The generations of a market cell: {@link Pmir} runs the loop, and its {@link Retraining} is
 * real retraining. Round k is generation t = k + 1, trained under {@code mix} at the round's
 * contamination rho_k on fresh real data and on samples of generation t - 1; its drift
 * Delta_k is the generation's {@code kl_qp} on the held-out probe.
 *
 * <p>Which detector flags: without a {@code filter:} block, every sample of the training set is
 * inspected by a simulated watermark with the market's rates (a synthetic one flagged with
 * probability psi, a real one with probability phi, on a stream of its own so that flags never
 * move the training). With a filter, its detector is the producer-side detector: every sample
 * it inspected is a unit, every sample it removed a flag, and its rates (a watermark's given
 * ones, a trained classifier's held-out ones) become the round's psi and phi, for the estimate
 * and the watermark alike. {@link Pmir} estimates rho_k from the flags; when the measured
 * psi &le; phi it leaves the estimate empty, and the {@code rho_estimate_estimator} column says
 * why. The loop runs all T rounds, so every
 * cell has the same generations whether or not it reached an epsilon-SDCE (the {@code at_sdce}
 * column says where).
 */
final class MarketRounds {

    private MarketRounds() {
    }

    static <X> void run(MarketSpec spec, FilterSpec filter, int horizon, Cell cell,
                        Generations<X> loop) {
        // With a filter every round brings its detector's rates; psi = 1, phi = 0 are then read
        // only where no term depends on them.
        boolean filtered = spec.detectorFromFilter();
        MarketParameters market = new MarketParameters(spec.m(), spec.cbar(), spec.kappa(),
            filtered ? 1 : spec.psi(), filtered ? 0 : spec.phi(), spec.tau());
        boolean regulated = Boolean.parseBoolean(cell.parameter(MarketColumns.REGULATED));
        List<MetricRow> measured = new ArrayList<>();
        Retraining retraining = (round, rho) -> {
            CellResult.Generation done = loop.generation(round + 1, rho);
            measured.add(done.metrics());
            double drift = done.metrics().get(Metrics.KL_QP);
            if (Double.isNaN(drift)) {
                throw new ArithmeticException("kl_qp, the drift a market round needs, is missing "
                    + "at generation " + (round + 1));
            }
            RetrainingResult result = filtered ? screened(drift, loop.lastScreening())
                : simulated(cell, round + 1, done, drift, spec);
            done.metrics().put("flagged", result.flagged());
            done.metrics().put("inspected", result.inspected());
            return result;
        };
        PmirResult result = Pmir.run(market, retraining,
            new PmirSettings(regulated, spec.eta(), spec.epsilon(), horizon, false));
        String source = filter != null ? "flags-filter-" + filter.detector()
            : "flags-simulated-watermark";
        for (PmirRound round : result.rounds()) {
            record(measured.get(round.round()), round, spec.epsilon(), source);
        }
    }

    /** Flags of the market's simulated watermark on the generation's training set. */
    private static RetrainingResult simulated(Cell cell, int generation, CellResult.Generation done,
                                              double drift, MarketSpec spec) {
        long synthetic = Math.round(done.syntheticShare() * done.trainSize());
        long flagged = flags(cell, generation, synthetic, done.trainSize() - synthetic,
            spec.psi(), spec.phi());
        return new RetrainingResult(drift, flagged, done.trainSize(), new TreeMap<>());
    }

    /** The filter's removals as flags, with its rates. */
    private static RetrainingResult screened(double drift, Screen.Screening<?> screening) {
        long flagged = screening.removedReal() + screening.removedSynthetic();
        long inspected = screening.offeredReal() + screening.offeredSynthetic();
        return new RetrainingResult(drift, flagged, inspected, new TreeMap<>(), screening.psi(),
            screening.phi());
    }

    /** Flags of a training set with the given synthetic and real counts. */
    private static long flags(Cell cell, int generation, long synthetic, long real, double psi,
                              double phi) {
        SplittableRandom random = new SplittableRandom(Seeds.derive(cell.seed(), "flags",
            generation));
        long flagged = 0;
        for (long i = 0; i < synthetic; i++) {
            flagged += random.nextDouble() < psi ? 1 : 0;
        }
        for (long i = 0; i < real; i++) {
            flagged += random.nextDouble() < phi ? 1 : 0;
        }
        return flagged;
    }

    /** The market columns of a round's generation. */
    private static void record(MetricRow row, PmirRound round, double epsilon, String source) {
        row.put("market_rho", round.rho());
        row.put("market_psi", round.psi());
        row.put("market_phi", round.phi());
        row.put("rho_estimate", round.rhoEstimate());
        row.putText("rho_estimate_estimator", round.detectorSeparates() ? source
            : "undefined-psi-not-above-phi");
        row.put("rho_se", round.rhoStandardError());
        row.put("drift", round.drift());
        row.put("subsidy", round.subsidy());
        row.put("watermark", round.watermark());
        // 0.0 + v turns a -0.0 (no subsidy) into 0.0 in the file.
        row.put("w_prod", 0.0 + round.welfare().production());
        row.put("w_cons", round.welfare().consumption());
        row.put("l_coll", round.welfare().collapseLoss());
        row.put("l_info", round.welfare().informationLoss());
        row.put("welfare", round.welfare().total());
        row.put("subsidy_step", round.step());
        row.put("at_sdce", round.step() < epsilon ? 1 : 0);
    }
}
