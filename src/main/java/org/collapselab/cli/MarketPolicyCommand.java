package org.collapselab.cli;

import java.util.List;
import java.util.Map;
import org.collapselab.market.Drift;
import org.collapselab.market.MarketParameters;
import org.collapselab.market.OptimalPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code collapse market policy}: s* and w* at given drifts. */
@Command(name = "policy", mixinStandardHelpOptions = true,
    description = "The optimal subsidy s* = KL(q || p) / (2 kappa) (at most cbar) and watermark "
        + "w* = (1 - psi) s* / psi at each drift; writes policy.csv and policy.json.")
final class MarketPolicyCommand extends MarketSubcommand {

    @Option(names = "--drift", paramLabel = "KL", split = ",",
        description = "drifts KL(q || p), comma-separated (default: D(m), the laissez-faire "
            + "drift)")
    List<Double> drifts;

    @Override
    List<MarketTable> tables(MarketParameters market, Drift drift) throws MarketUsageException {
        List<Double> at = drifts != null ? drifts : List.of(drift.at(market.switchableShare()));
        MarketTable table = new MarketTable("policy", "drift", "subsidy", "watermark",
            "interior", "rho");
        for (double delta : at) {
            require(Double.isFinite(delta) && delta >= 0, "--drift", "non-negative numbers",
                delta);
            OptimalPolicy policy = OptimalPolicy.of(market, delta);
            table.add(delta, policy.subsidy(), policy.watermark(), policy.interior(),
                market.contamination(policy.subsidy()));
        }
        return List.of(table);
    }

    @Override
    Map<String, Object> ownOptions() {
        return drifts == null ? Map.of() : Map.of("drifts", drifts);
    }
}
