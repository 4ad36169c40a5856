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
import org.collapselab.metric.Metrics;
import org.collapselab.metric.MetricRow;
import org.collapselab.spec.MarketSpec;

/**
 * The generations of a market cell: {@link Pmir} runs the loop, and its {@link Retraining} is
 * real retraining. Round k is generation t = k + 1, trained under {@code mix} at the round's
 * contamination rho_k on fresh real data and on samples of generation t - 1; its drift
 * Delta_k is the generation's {@code kl_qp} on the held-out probe. The detector inspects every
 * sample of the training set: a synthetic one is flagged with probability psi, a real one with
 * probability phi (a simulated watermark, on its own stream so that flags never move the
 * training); {@link Pmir} estimates rho_k from the flags. The loop runs all T rounds, so every
 * cell has the same generations whether or not it reached an epsilon-SDCE (the {@code at_sdce}
 * column says where).
 */
final class MarketRounds {

    private MarketRounds() {
    }

    static <X> void run(MarketSpec spec, int horizon, Cell cell, Generations<X> loop) {
        MarketParameters market = new MarketParameters(spec.m(), spec.cbar(), spec.kappa(),
            spec.psi(), spec.phi(), spec.tau());
        boolean regulated = Boolean.parseBoolean(cell.parameter(MarketColumns.REGULATED));
        List<MetricRow> measured = new ArrayList<>();
        Retraining retraining = (round, rho) -> {
            CellResult.Generation done = loop.generation(round + 1, rho);
            measured.add(done.metrics());
            long synthetic = Math.round(done.syntheticShare() * done.trainSize());
            long flagged = flags(cell, round + 1, synthetic, done.trainSize() - synthetic,
                spec.psi(), spec.phi());
            done.metrics().put("flagged", flagged);
            done.metrics().put("inspected", done.trainSize());
            double drift = done.metrics().get(Metrics.KL_QP);
            if (Double.isNaN(drift)) {
                throw new ArithmeticException("kl_qp, the drift a market round needs, is missing "
                    + "at generation " + (round + 1));
            }
            return new RetrainingResult(drift, flagged, done.trainSize(), new TreeMap<>());
        };
        PmirResult result = Pmir.run(market, retraining,
            new PmirSettings(regulated, spec.eta(), spec.epsilon(), horizon, false));
        for (PmirRound round : result.rounds()) {
            record(measured.get(round.round()), round, spec.epsilon());
        }
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
    private static void record(MetricRow row, PmirRound round, double epsilon) {
        row.put("market_rho", round.rho());
        row.put("rho_estimate", round.rhoEstimate());
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
