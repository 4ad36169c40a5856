package org.collapselab.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.collapselab.market.ClosedFormRetraining;
import org.collapselab.market.Drift;
import org.collapselab.market.Equilibrium;
import org.collapselab.market.MarketParameters;
import org.collapselab.market.Pmir;
import org.collapselab.market.PmirResult;
import org.collapselab.market.PmirRound;
import org.collapselab.market.PmirSettings;
import org.collapselab.market.PolicyRule;
import org.collapselab.market.ProvenanceEstimator;
import org.collapselab.market.Retraining;
import org.collapselab.market.Sdce;
import org.collapselab.report.ChartFiles;
import org.knowm.xchart.XYChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code collapse market pmir}: the PMIR loop on the closed-form drift. */
@Command(name = "pmir", mixinStandardHelpOptions = true,
    description = "The PMIR loop with the drift read from D(rho) (no retraining) and simulated "
        + "detector flags: rounds to an epsilon-SDCE for each epsilon, and the trajectory "
        + "beside the unregulated baseline (s = 0) over the same rounds; writes pmir-rounds.csv, "
        + "pmir-trajectory.csv, pmir.json and the plots pmir-trajectory and, when some epsilon is "
        + "reached, pmir-rounds.")
final class MarketPmirCommand extends MarketSubcommand {

    @Option(names = "--eta", paramLabel = "ETA", defaultValue = "0.5",
        description = "damping of the subsidy update, in (0, 2); the loop converges iff "
            + "eta < 2 / (1 + beta b / (2 kappa)) (default: ${DEFAULT-VALUE})")
    double eta;

    @Option(names = "--epsilons", paramLabel = "E", split = ",",
        defaultValue = "1e-2,1e-3,1e-4,1e-5,1e-6,1e-7,1e-8,1e-9,1e-10",
        description = "tolerances on |s_{k+1} - s_k|, comma-separated (default: ${DEFAULT-VALUE})")
    List<Double> epsilons;

    @Option(names = "--horizon", paramLabel = "T", defaultValue = "1000",
        description = "largest number of rounds, at most 100000 (default: ${DEFAULT-VALUE})")
    int horizon;

    /**
     * Most rounds. Every round is kept for the tables and plots; a damped loop that converges at
     * all is within 1e-10 in a few thousand rounds, so more only fills memory.
     */
    static final int MAX_HORIZON = 100_000;

    /**
     * Most units inspected per round. Drawing the flags costs about 1 s per 10^6 units over the
     * default horizon, so 10^8 already takes minutes; more is never needed, since the estimate's
     * standard error falls as 1 / sqrt(N).
     */
    static final long MAX_INSPECTED = 100_000_000L;

    @Option(names = "--inspected", paramLabel = "N", defaultValue = "1000",
        description = "units the simulated detector inspects per round, at most 100000000; 0 "
            + "draws no flags, so the rho estimate and its standard error are left empty (the "
            + "subsidy follows the drift either way) (default: ${DEFAULT-VALUE})")
    long inspected;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
        description = "seed of the simulated flags (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    void checkOwnOptions() throws MarketUsageException {
        require(eta > 0 && eta < 2, "--eta", "in (0, 2)", eta);
        require(horizon >= 1 && horizon <= MAX_HORIZON, "--horizon", "from 1 to " + MAX_HORIZON,
            horizon);
        require(inspected >= 0 && inspected <= MAX_INSPECTED, "--inspected",
            "from 0 to " + MAX_INSPECTED + " (10^8; 10^7 takes about 10 s)", inspected);
        for (double epsilon : epsilons) {
            require(epsilon > 0 && Double.isFinite(epsilon), "--epsilons", "positive numbers",
                epsilon);
        }
    }

    @Override
    List<MarketTable> tables(MarketParameters market, Drift drift)
        throws IOException, MarketUsageException {
        Retraining retraining = new ClosedFormRetraining(drift, ProvenanceEstimator.of(market),
            inspected, seed);
        Sdce target = Equilibrium.solve(market, drift, PolicyRule.optimal(market));

        MarketTable rounds = new MarketTable("pmir-rounds", "epsilon", "rounds", "converged",
            "final_subsidy", "sdce_subsidy", "distance");
        XYChart roundsChart = MarketCharts.lines("PMIR: rounds to an epsilon-SDCE, eta " + eta,
            "epsilon", "rounds");
        roundsChart.getStyler().setXAxisLogarithmic(true);
        List<Double> convergedEpsilons = new ArrayList<>();
        List<Double> convergedRounds = new ArrayList<>();
        PmirResult longest = null;
        for (double epsilon : epsilons) {
            PmirResult result = Pmir.run(market, retraining,
                new PmirSettings(true, eta, epsilon, horizon, true));
            Object count = result.converged() ? (Object) result.roundsToEquilibrium().getAsInt()
                : (Object) Double.NaN;
            rounds.add(epsilon, count, result.converged(), result.finalSubsidy(),
                target.subsidy(), Math.abs(result.finalSubsidy() - target.subsidy()));
            if (result.converged()) {
                convergedEpsilons.add(epsilon);
                convergedRounds.add((double) result.roundsToEquilibrium().getAsInt());
            }
            if (longest == null || result.rounds().size() > longest.rounds().size()) {
                longest = result;
            }
        }
        if (!convergedEpsilons.isEmpty()) {
            roundsChart.addSeries("rounds", convergedEpsilons, convergedRounds);
            ChartFiles.write(roundsChart, out, "pmir-rounds");
        }

        int length = longest.rounds().size();
        PmirResult baseline = Pmir.run(market, retraining,
            new PmirSettings(false, eta, epsilons.get(0), length, false));
        MarketTable trajectory = new MarketTable("pmir-trajectory", withWelfare("regime",
            "round", "rho", "rho_estimate", "rho_standard_error", "drift", "subsidy",
            "watermark", "log_q"));
        addRounds(trajectory, "regulated", longest, market);
        addRounds(trajectory, "unregulated", baseline, market);
        ChartFiles.write(trajectoryChart(longest, baseline), out, "pmir-trajectory");
        return List.of(rounds, summary(longest, baseline, market, target), trajectory);
    }

    private static void addRounds(MarketTable table, String regime, PmirResult result,
                                  MarketParameters market) {
        for (PmirRound round : result.rounds()) {
            table.add(withWelfare(round.welfare(), regime, round.round(), round.rho(),
                round.rhoEstimate(), round.rhoStandardError(), round.drift(), round.subsidy(),
                round.watermark(), logQuality(round, market)));
        }
    }

    /** log Q of the round: W_cons plus the watermark's fidelity cost. */
    private static double logQuality(PmirRound round, MarketParameters market) {
        return round.welfare().consumption() + market.fidelityCost() * round.watermark();
    }

    /** Contamination and quality of the last round, regulated against unregulated. */
    private static MarketTable summary(PmirResult regulated, PmirResult baseline,
                                       MarketParameters market, Sdce target) {
        PmirRound last = regulated.rounds().get(regulated.rounds().size() - 1);
        PmirRound lastBaseline = baseline.rounds().get(baseline.rounds().size() - 1);
        double gain = logQuality(last, market) - logQuality(lastBaseline, market);
        return new MarketTable("pmir-summary", "rounds", "rho_unregulated", "rho_regulated",
            "rho_sdce", "log_q_unregulated", "log_q_regulated", "quality_gain_percent")
            .add(regulated.rounds().size(), lastBaseline.rho(), last.rho(), target.rho(),
                logQuality(lastBaseline, market), logQuality(last, market),
                100 * Math.expm1(gain));
    }

    private static XYChart trajectoryChart(PmirResult regulated, PmirResult baseline) {
        XYChart chart = MarketCharts.lines("PMIR trajectory", "round", "rho_k, s_k");
        chart.addSeries("rho, regulated", rounds(regulated), values(regulated, true));
        chart.addSeries("s, regulated", rounds(regulated), values(regulated, false));
        chart.addSeries("rho, unregulated", rounds(baseline), values(baseline, true));
        return chart;
    }

    private static List<Integer> rounds(PmirResult result) {
        return result.rounds().stream().map(PmirRound::round).toList();
    }

    private static List<Double> values(PmirResult result, boolean rho) {
        return result.rounds().stream().map(r -> rho ? r.rho() : r.subsidy()).toList();
    }

    @Override
    Map<String, Object> ownOptions() {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("eta", eta);
        own.put("epsilons", epsilons);
        own.put("horizon", horizon);
        own.put("inspected", inspected);
        own.put("seed", seed);
        return own;
    }
}
