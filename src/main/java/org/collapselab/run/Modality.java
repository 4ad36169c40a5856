package org.collapselab.run;

import java.io.IOException;
import java.util.List;
import java.util.random.RandomGenerator;
import org.collapselab.data.RealData;
import org.collapselab.metric.Baseline;
import org.collapselab.metric.MetricRow;
import org.collapselab.metric.Metrics;
import org.collapselab.metric.TextMetricSet;
import org.collapselab.model.GenerativeModel;
import org.collapselab.model.ModelFamily;
import org.collapselab.spec.ExperimentSpec;
import org.collapselab.spec.LoadedSpec;

/**
 * What differs between a run on numeric vectors and a run on lines of text: where the real data
 * comes from, which families model it and which metrics measure a generation. Everything else
 * (grid, seeds, policies, the generation loop, resume, generations.csv, fits and report) is the
 * same for both, and {@link CellRunner} sees only this interface.
 *
 * @param <X> the sample type: {@code double[]} or {@code String}
 */
interface Modality<X> {

    /** The modality a spec's data source asks for. */
    static Modality<?> of(LoadedSpec loaded) {
        return isText(loaded.spec()) ? new TextModality(loaded) : new NumericModality(loaded);
    }

    /** The metric and estimator columns of generations.csv for a spec, in order. */
    static List<String> metricColumns(ExperimentSpec spec) {
        List<String> include = spec.metrics().include();
        return isText(spec) ? TextMetricSet.columns(include) : Metrics.columns(include);
    }

    private static boolean isText(ExperimentSpec spec) {
        return spec.data() != null && "text".equals(spec.data().source());
    }

    /**
     * Reads the data files now, so that a bad file fails the run before any cell starts.
     *
     * @throws org.collapselab.data.Tables.TableException with a one-line message for the user
     */
    void preload(List<Cell> cells) throws IOException;

    /** The cell's real data and what measures its generations against it. */
    CellData<X> open(Cell cell) throws IOException;

    /** The model family the cell names, with the spec's options. */
    ModelFamily<X> family(Cell cell);

    /**
     * One cell's real data and its measuring stick.
     *
     * @param <X> the sample type
     */
    interface CellData<X> {

        /** The probe and the real training samples. */
        RealData<X> real();

        /**
         * Measures one generation's model with the spec's metrics.
         *
         * @param baseline generation 0's values, null while measuring generation 0
         * @param random the generation's own metric stream
         * @throws ArithmeticException when a metric comes out infinite
         */
        MetricRow measure(GenerativeModel<X> model, Baseline baseline, int generation,
                          RandomGenerator random);
    }

    /** Fails a generation whose metric came out infinite. */
    static void requireFinite(MetricRow row, String metric, int generation) {
        if (Double.isInfinite(row.get(metric))) {
            throw new ArithmeticException(metric + " is infinite at generation " + generation);
        }
    }
}
