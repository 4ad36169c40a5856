package org.collapselab.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.collapselab.data.Policy;
import org.collapselab.metric.Metrics;
import org.collapselab.metric.TextMetricSet;
import org.collapselab.model.FamilyCatalogue;
import org.collapselab.spec.FilterSpec;
import org.collapselab.spec.MarketSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code collapse list}: the families, policies, metrics, filter detectors, the market block and
 * the laws a spec can name.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List the model families, mixing policies, metrics, filter detectors, the "
        + "market block and the laws.")
final class ListCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec commandSpec;

    @Override
    public void run() {
        PrintWriter out = commandSpec.commandLine().getOut();
        section(out, "families (family:)", FamilyCatalogue.families());
        section(out, "policies (policy:)", Policy.catalogue());
        section(out, "metrics (metrics.include:)", Metrics.catalogue());
        section(out, "text metrics (metrics.include: with data.source text)",
            TextMetricSet.catalogue());
        section(out, "filter detectors (filter.detector:)", FilterSpec.detectors());
        section(out, "market block (market:)", MarketSpec.catalogue());
        section(out, "laws (fitted by run and fit)", Laws.catalogue());
    }

    private static void section(PrintWriter out, String title, Map<String, String> entries) {
        out.println(title);
        int width = entries.keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Map.Entry<String, String> e : entries.entrySet()) {
            out.printf("  %-" + width + "s  %s%n", e.getKey(), e.getValue());
        }
        out.println();
    }
}
