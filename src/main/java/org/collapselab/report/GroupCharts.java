package org.collapselab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Builds the charts of one group from its series and its rows of fits.csv. A chart whose
 * metric has no value in the group is not built. Points that a chart cannot draw (not finite,
 * or not positive on a log axis) are left out of it.
 */
final class GroupCharts {

    /** Chart size in pixels, for PNG; the SVG has the same view box. */
    static final int WIDTH = 1000;
    static final int HEIGHT = 700;

    /** One colour per rho value, cycled; a rho keeps its colour across a chart's lines. */
    private static final List<Color> PALETTE = List.of(
            new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
            new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75),
            new Color(227, 119, 194), new Color(127, 127, 127), new Color(188, 189, 34),
            new Color(23, 190, 207));

    /** Points of one line, with error-bar half-widths (0 where undefined). */
    private record Points(double[] x, double[] y, double[] error) {

        boolean isEmpty() {
            return x.length == 0;
        }
    }

    /** The group drawn. */
    private final Group group;
    /** The title prefix: the file prefix and the group key. */
    private final String label;
    /** The run's fits; rows of other groups are ignored. */
    private final FitsTable fits;

    GroupCharts(Group group, String prefix, FitsTable fits) {
        this.group = group;
        this.label = prefix + " " + group.key();
        this.fits = fits;
    }

    /** The chart of one kind, or empty when the group has nothing to draw in it. */
    Optional<XYChart> chart(PlotKind kind) {
        return switch (kind) {
            case QUALITY -> quality();
            case KL -> divergences();
            case W2 -> byGeneration("w2", "2-Wasserstein distance", kind, "w2");
            case QUALITY_SCALED -> qualityScaled();
            case SLOPES -> slopes();
            case VARIANCE_RATIO -> varianceRatio();
        };
    }

    /** (a) Quality change against t, mean -+ 1.96 s.e., with the collapse law dashed. */
    private Optional<XYChart> quality() {
        XYChart chart = newChart(PlotKind.QUALITY, "generation t",
                "log Q_t - log Q_0 (mean +- 1.96 s.e.)");
        Optional<FitsTable.CollapseLine> law = fits.collapse(group.key());
        int drawn = 0;
        for (int i = 0; i < group.series().size(); i++) {
            Series series = group.series().get(i);
            Points points = points(series.summarize(GenerationsTable.QUALITY_CHANGE),
                    Summary::mean, true);
            if (points.isEmpty()) {
                continue;
            }
            drawn++;
            line(chart, "rho=" + series.rho(), points, color(i), SeriesLines.SOLID,
                    SeriesMarkers.CIRCLE);
            if (law.isPresent()) {
                fittedQuality(chart, law.get(), series, points, color(i));
            }
        }
        return drawn > 0 ? Optional.of(chart) : Optional.empty();
    }

    private static void fittedQuality(XYChart chart, FitsTable.CollapseLine law, Series series,
                                      Points points, Color color) {
        double first = points.x()[0];
        double last = points.x()[points.x().length - 1];
        double[] t = {first, last};
        double[] y = {law.at(first, series.rhoValue()), law.at(last, series.rhoValue())};
        line(chart, "rho=" + series.rho() + " collapse law", new Points(t, y, null), color,
                SeriesLines.DASH_DASH, SeriesMarkers.NONE);
    }

    /** (b) KL(q_t || p) solid and KL(p || q_t) dashed against t. */
    private Optional<XYChart> divergences() {
        XYChart chart = newChart(PlotKind.KL, "generation t", "KL divergence (mean +- 1.96 s.e.)");
        int drawn = metricLines(chart, "kl_qp", "KL(q_t || p)", SeriesLines.SOLID)
                + metricLines(chart, "kl_pq", "KL(p || q_t)", SeriesLines.DASH_DASH);
        return drawn > 0 ? Optional.of(chart) : Optional.empty();
    }

    /** A chart of one metric's mean against t, one line per rho. */
    private Optional<XYChart> byGeneration(String metric, String yTitle, PlotKind kind,
                                           String name) {
        XYChart chart = newChart(kind, "generation t", yTitle + " (mean +- 1.96 s.e.)");
        return metricLines(chart, metric, name, SeriesLines.SOLID) > 0
                ? Optional.of(chart) : Optional.empty();
    }

    /** Adds one line per rho for a metric; returns how many were drawn. */
    private int metricLines(XYChart chart, String metric, String name, BasicStroke stroke) {
        int drawn = 0;
        for (int i = 0; i < group.series().size(); i++) {
            Series series = group.series().get(i);
            Points points = points(series.summarize(metric), Summary::mean, true);
            if (!points.isEmpty()) {
                line(chart, "rho=" + series.rho() + " " + name, points, color(i), stroke,
                        SeriesMarkers.CIRCLE);
                drawn++;
            }
        }
        return drawn;
    }

    /** (d) Quality change against t rho^2: the collapse law predicts one line for all rho. */
    private Optional<XYChart> qualityScaled() {
        XYChart chart = newChart(PlotKind.QUALITY_SCALED, "t rho^2",
                "log Q_t - log Q_0 (mean over replicates)");
        double maxX = 0;
        int drawn = 0;
        for (int i = 0; i < group.series().size(); i++) {
            Series series = group.series().get(i);
            Points points = scaled(series);
            if (points.isEmpty()) {
                continue;
            }
            line(chart, "rho=" + series.rho(), points, color(i), SeriesLines.NONE,
                    SeriesMarkers.CIRCLE).setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
            maxX = Math.max(maxX, points.x()[points.x().length - 1]);
            drawn++;
        }
        // With fewer than two positive rho values this is the quality plot with a stretched axis.
        if (drawn == 0 || positiveRhos() < 2) {
            return Optional.empty();
        }
        double end = maxX;
        fits.collapse(group.key()).filter(law -> end > 0).ifPresent(law -> line(chart,
                "collapse law a - b t rho^2, b = " + Formats.number(law.b()),
                new Points(new double[] {0, end}, new double[] {law.a(), law.a() - law.b() * end},
                        null), Color.BLACK, SeriesLines.DASH_DASH, SeriesMarkers.NONE));
        return Optional.of(chart);
    }

    /** How many of the group's series have rho > 0. */
    private long positiveRhos() {
        return group.series().stream().filter(series -> series.rhoValue() > 0).count();
    }

    private static Points scaled(Series series) {
        Points byT = points(series.summarize(GenerationsTable.QUALITY_CHANGE), Summary::mean,
                false);
        double rhoSquared = series.rhoValue() * series.rhoValue();
        double[] x = new double[byT.x().length];
        for (int i = 0; i < x.length; i++) {
            x[i] = byT.x()[i] * rhoSquared;
        }
        return new Points(x, byT.y(), null);
    }

    /** (e) The decay rates -slope_rho against rho on log-log axes, with c rho^gamma. */
    private Optional<XYChart> slopes() {
        List<double[]> rates = new ArrayList<>();
        for (FitRow row : fits.rows(group.key(), FitsTable.PER_RHO)) {
            double rho = parseOrNaN(row.slopeRho());
            if (rho > 0 && row.estimate() < 0 && Double.isFinite(row.estimate())) {
                rates.add(new double[] {rho, -row.estimate()});
            }
        }
        // One rate is no curve: the exponent needs two rho values at least.
        if (rates.size() < 2) {
            return Optional.empty();
        }
        rates.sort((p, q) -> Double.compare(p[0], q[0]));
        double[] rho = rates.stream().mapToDouble(p -> p[0]).toArray();
        double[] rate = rates.stream().mapToDouble(p -> p[1]).toArray();
        XYChart chart = newChart(PlotKind.SLOPES, "rho (log axis)",
                "decay rate -slope_rho of log Q_t per generation (log axis)");
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true)
                .setXAxisLogarithmicDecadeOnly(false).setYAxisLogarithmicDecadeOnly(false);
        line(chart, "per-rho fit", new Points(rho, rate, null), color(0), SeriesLines.NONE,
                SeriesMarkers.CIRCLE).setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        fits.exponent(group.key()).ifPresent(law -> exponentLine(chart, law, rho, rate));
        return Optional.of(chart);
    }

    /**
     * Draws c rho^gamma over the range of rho. When fits.csv gives no scale c, the line is
     * anchored by least squares on log axes for the given gamma:
     * log c = mean(log rate) - gamma mean(log rho).
     */
    private static void exponentLine(XYChart chart, FitsTable.ExponentLine law, double[] rho,
                                     double[] rate) {
        double c = law.c();
        if (!(c > 0)) {
            double logC = 0;
            for (int i = 0; i < rho.length; i++) {
                logC += (Math.log(rate[i]) - law.gamma() * Math.log(rho[i])) / rho.length;
            }
            c = Math.exp(logC);
        }
        FitsTable.ExponentLine line = new FitsTable.ExponentLine(c, law.gamma());
        double first = rho[0];
        double last = rho[rho.length - 1];
        Points points = new Points(new double[] {first, last},
                new double[] {line.at(first), line.at(last)}, null);
        line(chart, "c rho^gamma, gamma = " + Formats.number(law.gamma())
                + " (the law says 2)", points, Color.BLACK, SeriesLines.DASH_DASH,
                SeriesMarkers.NONE);
    }

    /** (f) Variance ratio on a log axis: mean, median and geometric mean per rho. */
    private Optional<XYChart> varianceRatio() {
        XYChart chart = newChart(PlotKind.VARIANCE_RATIO, "generation t",
                "variance ratio (log axis)");
        chart.getStyler().setYAxisLogarithmic(true).setYAxisLogarithmicDecadeOnly(false);
        Points anchor = null;
        for (int i = 0; i < group.series().size(); i++) {
            Series series = group.series().get(i);
            NavigableMap<Integer, Summary> summaries = series.summarize("variance_ratio");
            String name = "rho=" + series.rho();
            anchor = addPositive(chart, name + " mean", points(summaries, Summary::mean, false),
                    color(i), SeriesLines.SOLID, SeriesMarkers.CIRCLE, anchor);
            anchor = addPositive(chart, name + " median", points(summaries, Summary::median,
                    false), color(i), SeriesLines.DASH_DASH, SeriesMarkers.NONE, anchor);
            anchor = addPositive(chart, name + " geometric mean", points(summaries,
                    Summary::geometricMean, false), color(i), SeriesLines.DOT_DOT,
                    SeriesMarkers.NONE, anchor);
        }
        if (anchor == null) {
            return Optional.empty();
        }
        legendNote(chart, "Under collapse the mean and\nthe typical value (median,\n"
                + "geometric mean) differ\nby orders of magnitude.", anchor);
        return Optional.of(chart);
    }

    /** Adds the positive points as a line; returns the points of the first line drawn. */
    private static Points addPositive(XYChart chart, String name, Points points, Color color,
                                      BasicStroke stroke, Marker marker, Points anchor) {
        Points positive = positive(points);
        if (positive.isEmpty()) {
            return anchor;
        }
        line(chart, name, positive, color, stroke, marker);
        return anchor == null ? positive : anchor;
    }

    /** A legend entry without line or marker, placed on an existing point. */
    private static void legendNote(XYChart chart, String note, Points anchor) {
        Points point = new Points(new double[] {anchor.x()[0]}, new double[] {anchor.y()[0]},
                null);
        line(chart, note, point, Color.BLACK, SeriesLines.NONE, SeriesMarkers.NONE);
    }

    private XYChart newChart(PlotKind kind, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(label + ": " + kind.title()).xAxisTitle(xTitle).yAxisTitle(yTitle)
                .build();
        XYStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(220, 220, 220));
        styler.setLegendPosition(LegendPosition.OutsideE);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setErrorBarsColorSeriesColor(true);
        styler.setMarkerSize(5);
        styler.setLocale(Locale.ROOT);
        return chart;
    }

    private static XYSeries line(XYChart chart, String name, Points points, Color color,
                                 BasicStroke stroke, Marker marker) {
        XYSeries series = chart.addSeries(name, points.x(), points.y(), points.error());
        series.setLineColor(color);
        series.setLineStyle(stroke);
        series.setMarker(marker);
        series.setMarkerColor(color);
        return series;
    }

    /**
     * The points (generation, statistic) of a summary, with 1.96 standard errors as error
     * bars when asked; points whose statistic is not finite are left out.
     */
    private static Points points(NavigableMap<Integer, Summary> summaries,
                                 ToDoubleFunction<Summary> statistic, boolean errorBars) {
        List<double[]> kept = new ArrayList<>();
        summaries.forEach((generation, summary) -> {
            double y = statistic.applyAsDouble(summary);
            if (Double.isFinite(y)) {
                kept.add(new double[] {generation, y, summary.halfWidth95()});
            }
        });
        return new Points(kept.stream().mapToDouble(p -> p[0]).toArray(),
                kept.stream().mapToDouble(p -> p[1]).toArray(),
                errorBars ? kept.stream().mapToDouble(p -> p[2]).toArray() : null);
    }

    /** The points with a positive y, for a log axis. */
    private static Points positive(Points points) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < points.y().length; i++) {
            if (points.y()[i] > 0) {
                kept.add(i);
            }
        }
        return new Points(kept.stream().mapToDouble(i -> points.x()[i]).toArray(),
                kept.stream().mapToDouble(i -> points.y()[i]).toArray(), null);
    }

    private static Color color(int index) {
        return PALETTE.get(index % PALETTE.size());
    }

    private static double parseOrNaN(String text) {
        try {
            return text == null ? Double.NaN : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
