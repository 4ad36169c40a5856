package org.collapselab.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.collapselab.market.Drift;
import org.collapselab.market.Equilibrium;
import org.collapselab.market.MarketParameters;
import org.collapselab.market.PolicyRule;
import org.collapselab.market.Sdce;
import org.collapselab.market.Welfare;
import org.collapselab.report.ChartFiles;
import org.knowm.xchart.XYChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code collapse market statics}: the optimal SDCE over grids of kappa and psi. */
@Command(name = "statics", mixinStandardHelpOptions = true,
    description = "Comparative statics: the SDCE under the optimal rule, s*, w* and welfare for "
        + "every kappa x psi, beside laissez-faire; writes statics.csv, statics.json and the "
        + "plots statics-kappa and statics-psi (PNG and SVG); --kappa and --psi are refused (the "
        + "grids replace them).")
final class MarketStaticsCommand extends MarketSubcommand {

    @Option(names = "--kappas", paramLabel = "K", split = ",",
        defaultValue = "0.5,0.75,1,1.5,2,3,5",
        description = "kappa grid, comma-separated (default: ${DEFAULT-VALUE})")
    List<Double> kappas;

    @Option(names = "--psis", paramLabel = "P", split = ",",
        defaultValue = "0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1",
        description = "psi grid, comma-separated, each above --phi (default: ${DEFAULT-VALUE})")
    List<Double> psis;

    /** The grids replace the single values, which would otherwise be silently ignored. */
    @Override
    void checkOwnOptions() throws MarketUsageException {
        var parsed = commandSpec.commandLine().getParseResult();
        for (String single : List.of("--kappa", "--psi")) {
            if (parsed.hasMatchedOption(single)) {
                throw new MarketUsageException(single + " is one value, but statics sweeps the "
                    + "grids --kappas and --psis; give " + single + "s instead");
            }
        }
    }

    @Override
    List<MarketTable> tables(MarketParameters base, Drift drift)
        throws IOException, MarketUsageException {
        MarketTable table = new MarketTable("statics", withWelfare("kappa", "psi", "rho",
            "drift", "subsidy", "watermark", "rho_laissez_faire", "welfare_laissez_faire"));
        XYChart byKappa = MarketCharts.lines("Optimal SDCE against kappa", "kappa",
            "rho*, s*, and welfare gain over laissez-faire");
        XYChart byPsi = MarketCharts.lines("Credible watermark against psi", "psi", "w*");
        List<Double> rho = new ArrayList<>();
        List<Double> subsidy = new ArrayList<>();
        List<Double> gain = new ArrayList<>();
        for (double k : kappas) {
            List<Double> watermarks = new ArrayList<>();
            for (double p : psis) {
                MarketParameters market = market(base, k, p);
                Sdce optimal = Equilibrium.solve(market, drift, PolicyRule.optimal(market));
                Sdce free = Equilibrium.solve(market, drift, PolicyRule.laissezFaire());
                Welfare welfare = Welfare.of(market, optimal.drift(), logQuality,
                    optimal.subsidy(), optimal.watermark());
                Welfare freeWelfare = Welfare.of(market, free.drift(), logQuality, 0, 0);
                table.add(withWelfare(welfare, k, p, optimal.rho(), optimal.drift(),
                    optimal.subsidy(), optimal.watermark(), free.rho(), freeWelfare.total()));
                watermarks.add(optimal.watermark());
                if (p == psis.get(0)) {
                    rho.add(optimal.rho());
                    subsidy.add(optimal.subsidy());
                    gain.add(welfare.total() - freeWelfare.total());
                }
            }
            byPsi.addSeries("kappa " + k, psis, watermarks);
        }
        byKappa.addSeries("rho*", kappas, rho);
        byKappa.addSeries("s*", kappas, subsidy);
        byKappa.addSeries("W* - W(laissez-faire), psi " + psis.get(0), kappas, gain);
        ChartFiles.write(byKappa, out, "statics-kappa");
        ChartFiles.write(byPsi, out, "statics-psi");
        return List.of(table);
    }

    private MarketParameters market(MarketParameters base, double k, double p)
        throws MarketUsageException {
        require(k > 0 && Double.isFinite(k), "--kappas", "positive numbers", k);
        require(p > base.phi() && p <= 1, "--psis", "in (phi, 1] with phi " + base.phi(), p);
        return new MarketParameters(base.switchableShare(), base.maxExtraCost(), k, p,
            base.phi(), base.fidelityCost());
    }

    @Override
    Map<String, Object> ownOptions() {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("kappas", kappas);
        own.put("psis", psis);
        return own;
    }
}
