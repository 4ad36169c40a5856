package org.collapselab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

/**
 * Writes one chart as {@code STEM.png} and {@code STEM.svg}, the SVG drawn as {@link Plots}
 * draws it, so that the same chart gives the same file. For charts that are not a run's groups,
 * such as those of {@code collapse market}.
 */
public final class ChartFiles {

    private ChartFiles() {
    }

    /** Writes the PNG and SVG of the chart into a directory (created if needed). */
    public static void write(XYChart chart, Path directory, String stem) throws IOException {
        Files.createDirectories(directory);
        BitmapEncoder.saveBitmap(chart, directory.resolve(stem + ".png").toString(),
            BitmapEncoder.BitmapFormat.PNG);
        Files.write(directory.resolve(stem + ".svg"), Plots.svg(chart));
    }
}
