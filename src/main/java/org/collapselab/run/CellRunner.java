package org.collapselab.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.collapselab.data.Policy;
import org.collapselab.data.RealData;
import org.collapselab.metric.Baseline;
import org.collapselab.metric.Measurement;
import org.collapselab.metric.Metric;
import org.collapselab.metric.MetricRow;
import org.collapselab.metric.Metrics;
import org.collapselab.metric.ProbeReference;
import org.collapselab.model.GenerativeModel;
import org.collapselab.model.IncrementalFamily;
import org.collapselab.model.ModelFamily;
import org.collapselab.model.TrainingSet;
import org.collapselab.spec.ExperimentSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one cell: generation 0 on real data, then generation after generation on the mixture its
 * policy builds, measuring each against the real probe.
 *
 * <p>Three independent streams keep results stable: the data stream splits the probe off (shared
 * by cells of the same replicate), the cell stream drives training sets and fits, and each
 * generation's metrics draw from their own stream, so choosing other metrics never changes the
 * trajectory of the models.
 */
final class CellRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CellRunner.class);

    private final ExperimentSpec spec;
    private final Sources sources;
    /** Metrics to compute: those the spec includes and those they are derived from. */
    private final Set<String> metrics;

    CellRunner(ExperimentSpec spec, Sources sources) {
        this.spec = spec;
        this.sources = sources;
        this.metrics = closure(spec.metrics().include());
    }

    /** The included metrics plus what they are computed from. */
    static Set<String> closure(List<String> include) {
        Set<String> out = new java.util.HashSet<>(include);
        if (out.contains(Metrics.LOG_Q)) {
            out.add(Metrics.KL_PQ);
            out.add(Metrics.FIDELITY_LOSS);
        }
        if (out.contains(Metrics.FIDELITY_LOSS)) {
            out.add(Metrics.NLL);
        }
        if (out.contains(Metrics.VARIANCE_RATIO)) {
            out.add(Metrics.TOTAL_VARIANCE);
        }
        return out;
    }

    CellResult run(Cell cell) {
        return run(cell, () -> { });
    }

    /** Runs a cell, calling {@code afterGeneration} as each generation finishes. */
    CellResult run(Cell cell, Runnable afterGeneration) {
        long start = System.nanoTime();
        List<CellResult.Generation> rows = new ArrayList<>();
        int generation = 0;
        try {
            ProbeReference reference = sources.reference(cell, spec.metrics());
            RealData<double[]> real = reference.real();
            ModelFamily<double[]> family = Families.create(cell, spec.model());
            Policy policy = Policy.byKey(cell.parameter("policy"));
            // Blank or absent: the policy is not weighted and reads no weight.
            double realWeight = cell.parameters().getOrDefault("real_weight", "").isEmpty()
                ? 1.0 : Double.parseDouble(cell.parameter("real_weight"));
            Policy.Mixer<double[]> mixer = policy.start(real,
                Integer.parseInt(cell.parameter("n")), Double.parseDouble(cell.parameter("rho")),
                realWeight, family.acceptsMoments());
            IncrementalFamily.Accumulator<double[]> accumulator =
                policy.appendOnly() && family instanceof IncrementalFamily<double[]> incremental
                    ? incremental.accumulator() : null;

            SplittableRandom random = new SplittableRandom(cell.seed());
            GenerativeModel<double[]> previous = null;
            Baseline baseline = null;
            for (generation = 0; generation <= spec.generations(); generation++) {
                TrainingSet<double[]> training = generation == 0 ? mixer.first(random)
                    : mixer.next(previous, random);
                GenerativeModel<double[]> model = fit(family, accumulator, mixer, training,
                    random);
                MetricRow row = measure(cell, model, reference, baseline, generation);
                if (generation == 0) {
                    baseline = Baseline.of(row);
                }
                rows.add(new CellResult.Generation(generation, training.totalCount(),
                    mixer.lastSyntheticShare(), row));
                previous = model;
                afterGeneration.run();
            }
            return new CellResult(cell, rows, null, -1, seconds(start));
        } catch (RuntimeException | java.io.IOException failure) {
            if (!(failure instanceof org.collapselab.model.ModelFitException)
                && !(failure instanceof ArithmeticException)) {
                LOG.error("cell {} failed at generation {}", cell.id(), generation, failure);
            }
            return new CellResult(cell, rows, oneLine(failure), generation, seconds(start));
        } catch (OutOfMemoryError memory) {
            rows.clear();
            return new CellResult(cell, List.of(), "out of memory (the cell's matrices or samples "
                + "do not fit in the Java heap; raise it, e.g. COLLAPSE_JAVA_OPTS=-Xmx16g, or "
                + "lower dim, n or metrics.samples)", generation, seconds(start));
        } catch (Error bug) {
            LOG.error("cell {} failed at generation {}", cell.id(), generation, bug);
            return new CellResult(cell, rows, oneLine(bug), generation, seconds(start));
        }
    }

    private static GenerativeModel<double[]> fit(ModelFamily<double[]> family,
            IncrementalFamily.Accumulator<double[]> accumulator, Policy.Mixer<double[]> mixer,
            TrainingSet<double[]> training, SplittableRandom random) {
        if (accumulator == null) {
            return family.fit(training, random);
        }
        accumulator.add(mixer.lastAdded());
        return accumulator.fit();
    }

    private MetricRow measure(Cell cell, GenerativeModel<double[]> model,
                              ProbeReference reference, Baseline baseline, int generation) {
        SplittableRandom metricRandom = new SplittableRandom(
            Seeds.derive(cell.seed(), "metrics", generation));
        Measurement measurement = new Measurement(model, reference, baseline, generation,
            metricRandom);
        MetricRow row = new MetricRow();
        for (Metric metric : Metrics.all()) {
            if (metrics.contains(metric.name())) {
                metric.measure(measurement, row);
                double value = row.get(metric.name());
                if (Double.isInfinite(value)) {
                    throw new ArithmeticException(metric.name() + " is infinite at generation "
                        + generation);
                }
            }
        }
        return row;
    }

    private static String oneLine(Throwable failure) {
        String message = failure.getMessage();
        String text = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        if (failure instanceof org.collapselab.model.ModelFitException
            || failure instanceof ArithmeticException && message != null) {
            text = message;
        }
        return text.replace('\n', ' ').replace('\r', ' ');
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
