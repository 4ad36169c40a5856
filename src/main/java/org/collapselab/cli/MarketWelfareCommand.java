package org.collapselab.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.collapselab.market.Drift;
import org.collapselab.market.MarketParameters;
import org.collapselab.market.OptimalPolicy;
import org.collapselab.market.Welfare;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code collapse market welfare}: the welfare decomposition at a subsidy and a watermark. */
@Command(name = "welfare", mixinStandardHelpOptions = true,
    description = "The welfare terms W = W_prod + W_cons - L_coll - L_info of one generation at "
        + "a drift, subsidy and watermark, beside those at s* and w* and at s = w = 0; writes "
        + "welfare.csv and welfare.json.")
final class MarketWelfareCommand extends MarketSubcommand {

    @Option(names = "--drift", paramLabel = "KL",
        description = "the generation's drift KL(q || p) (default: D(m), the laissez-faire drift)")
    Double generationDrift;

    @Option(names = "--subsidy", paramLabel = "S",
        description = "subsidy per certified authentic unit (default: s* at the drift)")
    Double subsidy;

    @Option(names = "--watermark", paramLabel = "W",
        description = "watermark (sanction) strength (default: w* at the subsidy)")
    Double watermark;

    @Override
    List<MarketTable> tables(MarketParameters market, Drift drift) throws MarketUsageException {
        double delta = generationDrift != null ? generationDrift
            : drift.at(market.switchableShare());
        require(Double.isFinite(delta) && delta >= 0, "--drift", "a non-negative number", delta);
        OptimalPolicy optimum = OptimalPolicy.of(market, delta);
        double s = subsidy != null ? subsidy : optimum.subsidy();
        require(Double.isFinite(s) && s >= 0, "--subsidy", "a non-negative number", s);
        double w = watermark != null ? watermark : OptimalPolicy.credibleWatermark(market, s);
        require(Double.isFinite(w) && w >= 0, "--watermark", "a non-negative number", w);

        MarketTable table = new MarketTable("welfare", withWelfare("policy", "drift", "subsidy",
            "watermark", "rho", "false_claims"));
        add(table, "given", market, delta, s, w);
        add(table, "optimal", market, delta, optimum.subsidy(), optimum.watermark());
        add(table, "none", market, delta, 0, 0);
        return List.of(table);
    }

    private void add(MarketTable table, String policy, MarketParameters market, double delta,
                     double s, double w) {
        Welfare welfare = Welfare.of(market, delta, logQuality, s, w);
        table.add(withWelfare(welfare, policy, delta, s, w, welfare.contamination(),
            welfare.falseClaims()));
    }

    @Override
    List<String> exclusiveWithDriftCsv() {
        return List.of("--b", "--d0", "--drift");
    }

    @Override
    Map<String, Object> ownOptions() {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("drift_given", generationDrift);
        own.put("subsidy_given", subsidy);
        own.put("watermark_given", watermark);
        return own;
    }
}
