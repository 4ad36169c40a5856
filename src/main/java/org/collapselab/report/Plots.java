package org.collapselab.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

/**
 * Writes the plots of a run into a directory: for each group and each {@link PlotKind} with
 * something to draw, {@code g<i>-<kind>.png} (1000 x 700 pixels) and {@code g<i>-<kind>.svg},
 * where g1, g2, ... number the groups in the order of {@link GenerationsTable#groups()};
 * {@code index.csv} maps each prefix to its group key.
 *
 * <p>Output is deterministic: the same CSV files give byte-identical SVG and PNG files on the
 * same machine (text is drawn with the machine's fonts). SVG files are written by
 * {@link SvgGraphics}, which numbers clip paths clip1, clip2, ... in order of appearance.
 */
public final class Plots {

    /** The name of the index file in the plot directory. */
    public static final String INDEX = "index.csv";

    /** ImageIO's PNG quality: 1 stores, 0 compresses hardest; this is a fast deflate level. */
    private static final float PNG_QUALITY = 0.75f;
    /** Files this class writes, for removing those left by an earlier build. */
    private static final Pattern OWN_FILE = Pattern.compile("g\\d+-[a-z0-9-]+\\.(png|svg)");

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
        List<Group> groups = table.groups();
        // Groups are drawn in parallel (rendering is most of a report's time); the list keeps
        // group order, so the result does not depend on the scheduling.
        List<List<PlotFile>> perGroup;
        try {
            perGroup = java.util.stream.IntStream.range(0, groups.size()).parallel()
                .mapToObj(i -> writeGroup(groups.get(i), i, directory)).toList();
        } catch (java.io.UncheckedIOException failed) {
            throw failed.getCause();
        }
        List<PlotFile> written = new ArrayList<>();
        perGroup.forEach(written::addAll);
        removeStale(directory, written);
        return List.copyOf(written);
    }

    private List<PlotFile> writeGroup(Group group, int index, Path directory) {
        GroupCharts charts = new GroupCharts(group, prefix(index), fits);
        List<PlotFile> written = new ArrayList<>();
        try {
            for (PlotKind kind : PlotKind.values()) {
                Optional<XYChart> chart = charts.chart(kind);
                if (chart.isPresent()) {
                    written.add(write(chart.get(), directory, group.key(), prefix(index), kind));
                }
            }
        } catch (IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        }
        return written;
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
            writePng(BitmapEncoder.getBufferedImage(chart), out);
        }
        Path svg = directory.resolve(stem + ".svg");
        Files.write(svg, svg(chart));
        return new PlotFile(groupKey, prefix, kind, png, svg);
    }

    /**
     * PNG at a light deflate level: ImageIO's default spends most of a plot's time compressing
     * for files a few percent smaller.
     */
    private static void writePng(java.awt.image.BufferedImage image, OutputStream out)
        throws IOException {
        javax.imageio.ImageWriter writer = javax.imageio.ImageIO
            .getImageWritersByFormatName("png").next();
        try (javax.imageio.stream.ImageOutputStream stream =
                 javax.imageio.ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(PNG_QUALITY);
            writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /** The chart as SVG, drawn by {@link SvgGraphics} at the chart's size. */
    static byte[] svg(XYChart chart) {
        SvgGraphics graphics = new SvgGraphics(chart.getWidth(), chart.getHeight());
        chart.paint(graphics, chart.getWidth(), chart.getHeight());
        graphics.dispose();
        return graphics.toSvg();
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
