package org.collapselab.report;

import java.util.List;
import java.util.Optional;

/**
 * For runs on text: the collapse law fitted here beside the figure the research behind the
 * project publishes for ten generations of retrained language models, b = 0.181 (HAC s.e. 0.024),
 * R^2 = 0.962. That paper does not publish its model, corpus or contamination schedule, so the
 * comparison sets one method's output beside another's; it is not a replication. Read from
 * generations.csv and fits.csv alone, like the rest of the report.
 */
final class PublishedLawSection {

    /** The published text-benchmark fit (docs/market.md, "Published figures"). */
    private static final String PUBLISHED_B = "0.181";
    private static final String PUBLISHED_SE = "0.024";
    private static final String PUBLISHED_R2 = "0.962";

    private PublishedLawSection() {
    }

    /** The section, or nothing for runs that are not on text, are market runs or lack fits. */
    static String render(GenerationsTable table, FitsTable fits) {
        if (!table.textRun() || fits.isEmpty()
            || table.parameterNames().contains(MarketSection.REGULATED)) {
            return "";
        }
        MarkdownTable rows = new MarkdownTable("source", "b", "HAC s.e.", "R^2", "observations",
            "generations", "best law by AIC");
        rows.row("published (a text benchmark)", PUBLISHED_B, PUBLISHED_SE, PUBLISHED_R2, "",
            "10", "");
        StringBuilder notes = new StringBuilder();
        for (Group group : table.groups()) {
            Optional<FitRow> b = fits.rows(group.key(), FitsTable.COLLAPSE).stream()
                .filter(row -> row.parameter().equals("b")).findFirst();
            if (b.isEmpty()) {
                continue;
            }
            String best = bestLaw(fits.rows(group.key()));
            rows.row("this run: " + group.key(), Formats.number(b.get().estimate()),
                Formats.number(b.get().seHac()), Formats.number(b.get().r2()),
                String.valueOf(Math.round(b.get().observations())),
                Integer.toString(table.lastGeneration()),
                best);
            if (!best.isEmpty() && !best.equals(FitsTable.COLLAPSE)) {
                notes.append("- ").append(group.key()).append(": the AIC prefers the ")
                    .append(best).append(" law to the collapse law; the group's rival table "
                        + "below has the figures.\n");
            }
        }
        if (rows.isEmpty()) {
            return "";
        }
        return "## The collapse law beside the published text figure\n\n"
            + "The research behind collapse-lab reports b = " + PUBLISHED_B + " (HAC s.e. "
            + PUBLISHED_SE + ") and R^2 = " + PUBLISHED_R2 + " for log Q_t = log Q_0 - b t rho^2 "
            + "over ten generations of retrained language models. It does not publish its model, "
            + "corpus or contamination schedule, so the first row is a reference point, not a "
            + "target: b depends on the family, the corpus, n and the quality measure (here "
            + "log Q_t - log Q_0 = -(nll_t - nll_0) on the held-out probe, in nats per "
            + "character).\n\n" + rows.render() + (notes.length() == 0 ? "" : "\n" + notes)
            + "\n";
    }

    private static String bestLaw(List<FitRow> rows) {
        return rows.stream().filter(FitRow::best).map(FitRow::law).findFirst().orElse("");
    }
}
