package org.collapselab.run;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.collapselab.data.RealData;
import org.collapselab.metric.Baseline;
import org.collapselab.metric.Measurement;
import org.collapselab.metric.Metric;
import org.collapselab.metric.MetricRow;
import org.collapselab.metric.Metrics;
import org.collapselab.metric.ProbeReference;
import org.collapselab.model.GenerativeModel;
import org.collapselab.model.ModelFamily;
import org.collapselab.spec.ExperimentSpec;
import org.collapselab.spec.LoadedSpec;

/** Runs on numeric vectors: analytic, iris and csv data, the numeric families and metrics. */
final class NumericModality implements Modality<double[]> {

    private final ExperimentSpec spec;
    private final Sources sources;
    /** Metrics to compute: those the spec includes and those they are derived from. */
    private final Set<String> metrics;

    NumericModality(LoadedSpec loaded) {
        this.spec = loaded.spec();
        this.sources = new Sources(loaded);
        this.metrics = CellRunner.closure(spec.metrics().include());
    }

    @Override
    public void preload(List<Cell> cells) throws IOException {
        sources.preload(cells);
    }

    @Override
    public CellData<double[]> open(Cell cell) throws IOException {
        ProbeReference reference = sources.reference(cell, spec.metrics());
        return new CellData<>() {
            @Override
            public RealData<double[]> real() {
                return reference.real();
            }

            @Override
            public MetricRow measure(GenerativeModel<double[]> model, Baseline baseline,
                                     int generation, RandomGenerator random) {
                Measurement measurement = new Measurement(model, reference, baseline,
                    generation, random);
                MetricRow row = new MetricRow();
                for (Metric metric : Metrics.all()) {
                    if (metrics.contains(metric.name())) {
                        metric.measure(measurement, row);
                        Modality.requireFinite(row, metric.name(), generation);
                    }
                }
                return row;
            }
        };
    }

    @Override
    public ModelFamily<double[]> family(Cell cell) {
        return Families.create(cell, spec.model());
    }
}
