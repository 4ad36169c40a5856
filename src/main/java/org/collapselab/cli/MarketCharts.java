package org.collapselab.cli;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler.LegendPosition;

/** The line charts of {@code collapse market statics} and {@code pmir}. */
final class MarketCharts {

    /** The size of every chart, in pixels, as the run's plots. */
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 700;

    private MarketCharts() {
    }

    static XYChart lines(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
            .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        return chart;
    }
}
