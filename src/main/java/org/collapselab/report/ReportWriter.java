package org.collapselab.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes report.md for a run directory: a title and the run's facts (from generations.csv, and
 * from provenance.json and spec.resolved.yaml when present), then one section per group (see
 * {@link GroupSection}), then the resolved spec as it was written. Numbers carry 4 significant
 * digits.
 */
public final class ReportWriter {

    /** The report's file name in the run directory. */
    public static final String FILE = "report.md";
    /** The resolved spec, shown verbatim when present. */
    public static final String SPEC = "spec.resolved.yaml";
    /** The run's provenance, shown as a table of its fields when present. */
    public static final String PROVENANCE = "provenance.json";
    /** fits.csv, to say whether the laws were fitted. */
    public static final String FITS = "fits.csv";

    /** Provenance values longer than this are cut, with a pointer to the file. */
    private static final int LONGEST_VALUE = 120;

    /** The run directory: the report's links are relative to it. */
    private final Path runDir;
    /** The folder the title names: runDir, or where a merge will rename it to. */
    private final Path shownAs;
    /** The run's rows. */
    private final GenerationsTable table;
    /** The run's fits, possibly empty. */
    private final FitsTable fits;
    /** The plots written for this report. */
    private final List<Plots.PlotFile> plots;

    public ReportWriter(Path runDir, GenerationsTable table, FitsTable fits,
                        List<Plots.PlotFile> plots) {
        this(runDir, runDir, table, fits, plots);
    }

    /** A report of the run in {@code runDir} whose title names the run {@code shownAs}. */
    public ReportWriter(Path runDir, Path shownAs, GenerationsTable table, FitsTable fits,
                        List<Plots.PlotFile> plots) {
        this.runDir = runDir;
        this.shownAs = shownAs;
        this.table = table;
        this.fits = fits;
        this.plots = List.copyOf(plots);
    }

    /** Writes report.md into the run directory and returns its path. */
    public Path write() throws IOException {
        Path file = runDir.resolve(FILE);
        Files.writeString(file, render(), StandardCharsets.UTF_8);
        return file;
    }

    /** The report's text. */
    public String render() throws IOException {
        StringBuilder text = new StringBuilder();
        boolean fitsPresent = Files.exists(runDir.resolve(FITS));
        text.append(title()).append('\n');
        text.append(runFacts(fitsPresent)).append('\n');
        text.append(provenance());
        text.append(MarketSection.render(table, runDir));
        text.append(PublishedLawSection.render(table, fits));
        List<Group> groups = table.groups();
        for (int i = 0; i < groups.size(); i++) {
            GroupSection section = new GroupSection(groups.get(i), Plots.prefix(i),
                    table.metricNames(), fits, fitsPresent);
            text.append(section.render(runDir, plots)).append('\n');
        }
        text.append(spec());
        return text.toString();
    }

    /** How the report's title names a run folder: its parent's name and its own. */
    private static String runLabel(Path runDir) {
        Path absolute = runDir.toAbsolutePath().normalize();
        Path name = absolute.getFileName();
        Path parent = absolute.getParent() == null ? null : absolute.getParent().getFileName();
        return name == null ? absolute.toString()
                : parent == null ? name.toString() : parent + "/" + name;
    }

    private String title() {
        String run = runLabel(shownAs);
        List<String> sources = new ArrayList<>(List.of("generations.csv"));
        for (String optional : List.of(FITS, SPEC, PROVENANCE)) {
            if (Files.exists(runDir.resolve(optional))) {
                sources.add(optional);
            }
        }
        return "# Run report: " + run + "\n\nRebuilt from the run's files alone: "
                + String.join(", ", sources) + ".\n";
    }

    private String runFacts(boolean fitsPresent) {
        long series = table.rows().stream().map(row -> row.cell() + '\u0000' + row.replicate())
                .distinct().count();
        long cells = Stream.concat(table.rows().stream(),
                table.failedRows().stream()).map(GenerationRow::cell).distinct().count();
        int last = table.lastGeneration();
        MarkdownTable facts = new MarkdownTable("fact", "value")
                .row("rows", table.rows().size() + " ok, " + table.failedRows().size()
                        + " failed (failed rows are listed per group, never aggregated)")
                .row("cells", Long.toString(cells))
                .row("replicate time series", Long.toString(series))
                .row("generations", last < 0 ? "none" : "0 to " + last)
                .row("groups", Integer.toString(table.groups().size()))
                .row("parameters", String.join(", ", table.parameterNames()))
                .row("law fits", fitsPresent ? FITS : "none (no " + FITS + ")");
        return "## Run\n\n" + facts.render();
    }

    /** The fields of provenance.json, nested objects flattened to dotted names. */
    private String provenance() throws IOException {
        Path file = runDir.resolve(PROVENANCE);
        if (!Files.exists(file)) {
            return "";
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            String reason = e.getOriginalMessage().lines().findFirst().orElse("");
            return "provenance.json is not valid JSON (" + reason + "); it is left out.\n\n";
        }
        MarkdownTable fields = new MarkdownTable("field", "value");
        flatten("", root, fields);
        return "### Provenance\n\n" + fields.render() + '\n';
    }

    private static void flatten(String name, JsonNode node, MarkdownTable fields) {
        if (node.isObject() && node.size() > 0) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                flatten(name.isEmpty() ? field.getKey() : name + "." + field.getKey(),
                        field.getValue(), fields);
            }
            return;
        }
        String value = node.isValueNode() ? node.asText() : node.toString();
        if (value.length() > LONGEST_VALUE) {
            value = value.substring(0, LONGEST_VALUE) + "... (" + value.length()
                    + " characters, see " + PROVENANCE + ")";
        }
        fields.row(name.isEmpty() ? "(value)" : name, value);
    }

    /** The resolved spec, verbatim, in a fence longer than any backtick run inside it. */
    private String spec() throws IOException {
        Path file = runDir.resolve(SPEC);
        if (!Files.exists(file)) {
            return "";
        }
        String yaml = Files.readString(file, StandardCharsets.UTF_8);
        int longest = yaml.lines().map(ReportWriter::longestBacktickRun).max(Integer::compare)
                .orElse(0);
        String fence = "`".repeat(Math.max(3, longest + 1));
        return "## Resolved spec\n\n" + fence + "yaml\n" + yaml
                + (yaml.endsWith("\n") ? "" : "\n") + fence + "\n";
    }

    private static int longestBacktickRun(String line) {
        return Arrays.stream(line.split("[^`]+")).mapToInt(String::length).max()
                .orElse(0);
    }
}
