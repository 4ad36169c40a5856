package org.collapselab.cli;

import java.util.List;
import java.util.Map;
import org.collapselab.market.Drift;
import org.collapselab.market.Equilibrium;
import org.collapselab.market.LinearDrift;
import org.collapselab.market.MarketParameters;
import org.collapselab.market.PolicyRule;
import org.collapselab.market.Sdce;
import org.collapselab.market.Welfare;
import picocli.CommandLine.Command;

/** {@code collapse market equilibrium}: the SDCE under the optimal rule and laissez-faire. */
@Command(name = "equilibrium", mixinStandardHelpOptions = true,
    description = "Solve for the contamination equilibrium (SDCE) by bisection, under the "
        + "optimal subsidy rule s = Delta / (2 kappa) and under laissez-faire (s = 0), with the "
        + "welfare terms at each; writes equilibrium.csv and equilibrium.json.")
final class MarketEquilibriumCommand extends MarketSubcommand {

    @Override
    List<MarketTable> tables(MarketParameters market, Drift drift) {
        MarketTable table = new MarketTable("equilibrium", withWelfare("regime", "rho", "drift",
            "subsidy", "watermark", "residual", "closed_form_rho"));
        add(table, "optimal", market, drift, PolicyRule.optimal(market));
        add(table, "laissez-faire", market, drift, PolicyRule.laissezFaire());
        return List.of(table);
    }

    private void add(MarketTable table, String regime, MarketParameters market, Drift drift,
                     PolicyRule rule) {
        Sdce state = Equilibrium.solve(market, drift, rule);
        double closedForm = drift instanceof LinearDrift linear
            ? Equilibrium.closedForm(market, linear, rule).rho() : Double.NaN;
        double watermark = rule.gain() > 0 ? state.watermark() : 0;
        Welfare welfare = Welfare.of(market, state.drift(), logQuality, state.subsidy(),
            watermark);
        table.add(withWelfare(welfare, regime, state.rho(), state.drift(), state.subsidy(),
            watermark, state.residual(market, drift, rule), closedForm));
    }

    @Override
    Map<String, Object> ownOptions() {
        return Map.of();
    }
}
