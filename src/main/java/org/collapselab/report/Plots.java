package org.collapselab.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.knowm.xchart.XYChart;

/**
 * Writes the plots of a run into a directory: for each group and each {@link PlotKind} with
 * something to draw, {@code g<i>-<kind>.png} (1000 x 700 pixels) and {@code g<i>-<kind>.svg},
 * where g1, g2, ... number the groups in the order of {@link GenerationsTable#groups()};
 * {@code index.csv} maps each prefix to its group key.
 *
 * <p>Output is deterministic: the same CSV files give byte-identical SVG and PNG files on the
 * same machine (text is drawn with the machine's fonts). The SVG encoder names clip paths after
 * the clip shape's hash code, which for some shapes is an identity hash; those ids are renumbered
 * clip1, clip2, ... in order of appearance.
 */
public final class Plots {

    /** The name of the index file in the plot directory. */
    public static final String INDEX = "index.csv";

    /** Files this class writes, for removing those left by an earlier build. */
    private static final Pattern OWN_FILE = Pattern.compile("g\\d+-[a-z0-9-]+\\.(png|svg)");
    /** Clip-path ids and references in SVG text. */
    private static final Pattern CLIP_ID = Pattern.compile("(id=\"|url\\(#)clip(-?\\d+)");

    /** One written plot. */
    public record PlotFile(String groupKey, String prefix, PlotKind kind, Path png, Path svg) {
    }

    /** The run's rows. */
    private final GenerationsTable table;
    /** The run's fits, possibly empty. */
    private final FitsTable fits;

    public Plots(GenerationsTable table, FitsTable fits) {
        this.table = table;
        this.fits = fits;
    }

    /** The file prefix of the group at a position of {@link GenerationsTable#groups()}. */
    public static String prefix(int groupIndex) {
        return "g" + (groupIndex + 1);
    }

    /**
     * Writes every plot and the index into {@code directory} (created if needed), removes plot
     * files of an earlier build that this one did not write, and returns the plots written.
     */
    public List<PlotFile> writeAll(Path directory) throws IOException {
        Files.createDirectories(directory);
        List<PlotFile> written = new ArrayList<>();
        List<Group> groups = table.groups();
        for (int i = 0; i < groups.size(); i++) {
            GroupCharts charts = new GroupCharts(groups.get(i), prefix(i), fits);
            for (PlotKind kind : PlotKind.values()) {
                Optional<XYChart> chart = charts.chart(kind);
                if (chart.isPresent()) {
                    written.add(write(chart.get(), directory, groups.get(i).key(), prefix(i),
                            kind));
                }
            }
        }
        removeStale(directory, written);
        return List.copyOf(written);
    }

    /** Writes {@code index.csv}: columns {@code prefix,group}, one row per group. */
    public Path writeIndex(Path directory) throws IOException {
        Files.createDirectories(directory);
        StringWriter text = new StringWriter();
        CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\n").build();
        try (CSVPrinter printer = new CSVPrinter(text, format)) {
            printer.printRecord("prefix", "group");
            for (int i = 0; i < table.groups().size(); i++) {
                printer.printRecord(prefix(i), table.groups().get(i).key());
            }
        }
        Path index = directory.resolve(INDEX);
        Files.writeString(index, text.toString(), StandardCharsets.UTF_8);
        return index;
    }

    private static PlotFile write(XYChart chart, Path directory, String groupKey, String prefix,
                                  PlotKind kind) throws IOException {
        String stem = prefix + "-" + kind.suffix();
        Path png = directory.resolve(stem + ".png");
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapFormat.PNG);
        }
        Path svg = directory.resolve(stem + ".svg");
        Files.write(svg, svg(chart));
        return new PlotFile(groupKey, prefix, kind, png, svg);
    }

    /** The chart as SVG with clip-path ids renumbered, see the class comment. */
    static byte[] svg(XYChart chart) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsFormat.SVG);
        String text = out.toString(StandardCharsets.UTF_8);
        Map<String, Integer> ids = new HashMap<>();
        Matcher matcher = CLIP_ID.matcher(text);
        StringBuilder renumbered = new StringBuilder(text.length());
        while (matcher.find()) {
            int id = ids.computeIfAbsent(matcher.group(2), old -> ids.size() + 1);
            matcher.appendReplacement(renumbered,
                    Matcher.quoteReplacement(matcher.group(1) + "clip" + id));
        }
        matcher.appendTail(renumbered);
        return renumbered.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Removes plot files named like ours that this build did not write. */
    private static void removeStale(Path directory, List<PlotFile> written) throws IOException {
        Set<Path> keep = new HashSet<>();
        written.forEach(plot -> keep.addAll(List.of(plot.png(), plot.svg())));
        List<Path> stale;
        try (Stream<Path> files = Files.list(directory)) {
            stale = files.filter(file -> OWN_FILE.matcher(file.getFileName().toString())
                    .matches()).filter(file -> !keep.contains(file)).toList();
        }
        for (Path file : stale) {
            Files.delete(file);
        }
    }
}
