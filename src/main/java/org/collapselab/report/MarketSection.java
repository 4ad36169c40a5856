package org.collapselab.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The market section of a PMIR run's report: the regulated arm beside the laissez-faire one at
 * the last generation, with the research's published figures beside ours, the parameters used,
 * and where and why the two differ. Read from generations.csv (and spec.resolved.yaml for the
 * parameters) alone, like the rest of the report.
 */
final class MarketSection {

    /** The grid axis of the arms. */
    static final String REGULATED = "regulated";

    /** The published figures (docs/market.md, "Published figures"). */
    private static final String PUBLISHED_GAIN = "+23.1%";
    private static final String PUBLISHED_W2 = "0.318 -> 0.142";
    private static final String PUBLISHED_RHO = "78% -> 41% (secondary source)";

    private MarketSection() {
    }

    /** The section, or nothing when the run has no market arms. */
    static String render(GenerationsTable table, Path runDir) throws IOException {
        if (!table.parameterNames().contains(REGULATED) || table.rows().isEmpty()) {
            return "";
        }
        int last = table.lastGeneration();
        StringBuilder text = new StringBuilder("## Market: regulated against laissez-faire\n\n");
        text.append(parameters(runDir));
        Map<String, List<GenerationRow>> points = new LinkedHashMap<>();
        for (GenerationRow row : table.rows()) {
            points.computeIfAbsent(pointOf(row), key -> new ArrayList<>()).add(row);
        }
        for (Map.Entry<String, List<GenerationRow>> point : points.entrySet()) {
            text.append(comparison(point.getKey(), point.getValue(), last));
        }
        text.append(differences(table.textRun()));
        return text.toString();
    }

    /** The parameters other than the arm and rho (which the market sets), as a key. */
    private static String pointOf(GenerationRow row) {
        StringBuilder key = new StringBuilder();
        row.parameters().forEach((name, value) -> {
            if (!name.equals(REGULATED) && !name.equals(GenerationsTable.RHO)
                && !value.isEmpty()) {
                key.append(key.length() == 0 ? "" : " ").append(name).append('=').append(value);
            }
        });
        return key.toString();
    }

    private static String parameters(Path runDir) throws IOException {
        Path file = runDir.resolve(ReportWriter.SPEC);
        if (!Files.exists(file)) {
            return "No spec.resolved.yaml: the market parameters are unknown.\n\n";
        }
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        MarkdownTable table = new MarkdownTable("parameter", "value");
        for (String name : List.of("generations", "replicates", "family", "n", "seed")) {
            if (spec.has(name)) {
                table.row(name, spec.get(name).toString().replace("\"", ""));
            }
        }
        JsonNode market = spec.path("market");
        market.fieldNames().forEachRemaining(name -> table.row("market." + name,
            market.get(name).toString()));
        JsonNode filter = spec.path("filter");
        filter.fieldNames().forEachRemaining(name -> table.row("filter." + name,
            filter.get(name).toString().replace("\"", "")));
        if (market.has("m") && market.has("cbar")) {
            table.row("beta = m / cbar (derived)", number(market.get("m").asDouble()
                / market.get("cbar").asDouble()));
        }
        table.row("detector that flags (estimate of rho, watermark)", detector(market, filter));
        return "Parameters used (round k is generation k + 1; the horizon T is `generations`). "
            + "They are collapse-lab's: the research publishes no market parameters, model or "
            + "data for its regulated-against-unregulated figures (only, separately, the slope "
            + "b = 0.181 of its collapse law on a text benchmark).\n\n" + table.render() + '\n';
    }

    /** Which detector produced the flags and the psi, phi of the estimate and the watermark. */
    private static String detector(JsonNode market, JsonNode filter) {
        if (filter.isMissingNode()) {
            return "simulated watermark at market.psi, market.phi";
        }
        if ("classifier".equals(filter.path("detector").asText())) {
            return "the filter's classifier: its held-out rates, measured each round, are psi "
                + "and phi (columns market_psi, market_phi)";
        }
        return "the filter's watermark at filter.psi, filter.phi";
    }

    private static String comparison(String point, List<GenerationRow> rows, int last) {
        List<GenerationRow> regulated = arm(rows, "true");
        List<GenerationRow> free = arm(rows, "false");
        MarkdownTable table = new MarkdownTable("figure", "published (unregulated -> "
            + "regulated)", "ours: laissez-faire", "ours: regulated", "ours, as published");
        double freeLogQ = mean(free, last, r -> r.metric(GenerationsTable.LOG_Q));
        double regulatedLogQ = mean(regulated, last, r -> r.metric(GenerationsTable.LOG_Q));
        table.row("quality Q at generation " + last + " (exp of the mean log Q_t); change, "
            + "regulated over laissez-faire", PUBLISHED_GAIN, number(Math.exp(freeLogQ)),
            number(Math.exp(regulatedLogQ)), percent(Math.exp(regulatedLogQ - freeLogQ) - 1));
        double freeW2 = mean(free, last, r -> r.metric("w2"));
        double regulatedW2 = mean(regulated, last, r -> r.metric("w2"));
        if (!Double.isNaN(freeW2)) {
            table.row("2-Wasserstein drift on the probe at generation " + last, PUBLISHED_W2,
                number(freeW2), number(regulatedW2), number(freeW2) + " -> "
                    + number(regulatedW2));
        } else {
            table.row("2-Wasserstein drift on the probe", PUBLISHED_W2, "not measured (w2 is "
                + "for numeric data)", "-", "-");
        }
        double freeRho = mean(free, last, r -> r.metric("market_rho"));
        double regulatedRho = mean(regulated, last, r -> r.metric("market_rho"));
        table.row("contamination rho in round " + (last - 1) + " (both arms start round 0 at "
            + share(mean(regulated, 1, r -> r.metric("market_rho"))) + ")", PUBLISHED_RHO,
            share(freeRho), share(regulatedRho), share(freeRho) + " -> " + share(regulatedRho));
        double freeDrift = mean(free, last, r -> r.metric("drift"));
        double regulatedDrift = mean(regulated, last, r -> r.metric("drift"));
        table.row("drift Delta = kl_qp at generation " + last + " (nats; s* = Delta / (2 kappa))",
            "not published", number(freeDrift), number(regulatedDrift), "-");
        table.row("subsidy s in round " + (last - 1), "not published", "0",
            number(mean(regulated, last, r -> r.metric("subsidy"))), "-");
        table.row("rounds to an epsilon-SDCE (median over replicates)", "not published", "-",
            rounds(regulated), "-");
        double freeAuc = mean(free, last, r -> r.metric("c2st_auc"));
        if (!Double.isNaN(freeAuc)) {
            table.row("c2st_auc at generation " + last + " (0.5: indistinguishable from the "
                + "probe)", "not published", number(freeAuc),
                number(mean(regulated, last, r -> r.metric("c2st_auc"))), "-");
        }
        return "### " + (point.isEmpty() ? "all cells" : point) + "\n\n" + table.render()
            + "\nOurs are means over " + replicates(regulated) + " replicates per arm at the "
            + "parameters above; the arms share every seed, so their first round is identical. "
            + "The last column puts ours in the published figure's form.\n\n";
    }

    private static List<GenerationRow> arm(List<GenerationRow> rows, String regulated) {
        return rows.stream().filter(r -> regulated.equals(r.parameters().get(REGULATED)))
            .toList();
    }

    private static double mean(List<GenerationRow> rows, int generation,
                               ToDoubleFunction<GenerationRow> value) {
        return rows.stream().filter(r -> r.generation() == generation).mapToDouble(value)
            .filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }

    private static long replicates(List<GenerationRow> rows) {
        return rows.stream().map(GenerationRow::cell).distinct().count();
    }

    /** The median over cells of the first round whose step was below epsilon. */
    private static String rounds(List<GenerationRow> rows) {
        Map<String, Integer> first = new LinkedHashMap<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (GenerationRow row : rows) {
            seen.put(row.cell(), true);
            if (row.metric("at_sdce") == 1 && !first.containsKey(row.cell())) {
                first.put(row.cell(), row.generation());
            }
        }
        if (first.isEmpty()) {
            return "not reached in " + seen.size() + " replicates";
        }
        int[] sorted = first.values().stream().mapToInt(Integer::intValue).sorted().toArray();
        return sorted[sorted.length / 2] + " (reached in " + sorted.length + " of " + seen.size()
            + ")";
    }

    private static String differences(boolean text) {
        String size = text ? """
            - Size of the effect. A subsidy lowers contamination by beta s, and the regulator
              sets s from the measured drift, s = Delta / (2 kappa). On text the drift is a
              plug-in KL between character-bigram distributions, which has a floor of about
              0.2 nats even for a model trained on real lines only (a finite-sample bias): the
              regulator pays for that floor too, so s is larger than the true drift warrants.
            """ : """
            - Size of the effect. A subsidy lowers contamination by beta s, and the regulator
              sets s from the measured drift, s = Delta / (2 kappa): a small drift (the drift
              row; a model that sees fresh real data every generation drifts little) buys a
              small subsidy and a small fall in rho unless beta = m / cbar is large.
            """;
        return """
            Where ours differ from the published figures, and why:

            - Not the same experiment. The research gives no model, data or parameters behind
              these figures, so ours are not a replication: they are what the parameters above
              give on collapse-lab's own families, and they change with those parameters.
            """ + size + """
            - The published figures disagree with each other. Under the collapse law with
              b = 0.183, a fall in contamination from 78% to 41% implies a generation-10
              quality gain near +124%, not +23.1% (docs/market.md, "Published figures, and a
              check of them under the law"), so no single run of the law gives both.
            - Quality. Ours is exp of the mean log Q_t, the quantity the collapse law fits:
              log Q_t = -KL(p || q_t) on analytic data, minus the fidelity loss on tables and
              text. The published gain does not say which quality it measures.
            - Rounds to an epsilon-SDCE count retrainings until |s_{k+1} - s_k| < epsilon;
              noise in the measured drift can keep a replicate from ever reaching a small
              epsilon.
            - The law fits further down take rho from the rho column, which in a PMIR run holds
              m, the share before any subsidy, in both arms; the regulated arm's realised
              contamination is the market_rho column. Read those fits as log Q against t per
              arm, not as estimates of b.

            """;
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4g", value);
    }

    /** A signed change in percent. */
    private static String percent(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%+.1f%%", 100 * value);
    }

    /** A share in percent. */
    private static String share(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * value);
    }
}
