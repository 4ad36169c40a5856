package org.collapselab.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.collapselab.data.Policy;
import org.collapselab.data.RealData;
import org.collapselab.metric.Baseline;
import org.collapselab.metric.MetricRow;
import org.collapselab.metric.Metrics;
import org.collapselab.model.GenerativeModel;
import org.collapselab.model.IncrementalFamily;
import org.collapselab.model.ModelFamily;
import org.collapselab.model.TrainingSet;
import org.collapselab.spec.ExperimentSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one cell: generation 0 on real data, then generation after generation on the mixture its
 * policy builds, measuring each against the real probe. The same loop serves every sample type;
 * the {@link Modality} supplies the data, the family and the metrics.
 *
 * <p>Three independent streams keep results stable: the data stream splits the probe off (shared
 * by cells of the same replicate), the cell stream drives training sets and fits, and each
 * generation's metrics draw from their own stream, so choosing other metrics never changes the
 * trajectory of the models.
 *
 * @param <X> the sample type
 */
final class CellRunner<X> {

    private static final Logger LOG = LoggerFactory.getLogger(CellRunner.class);

    private final ExperimentSpec spec;
    private final Modality<X> modality;

    CellRunner(ExperimentSpec spec, Modality<X> modality) {
        this.spec = spec;
        this.modality = modality;
    }

    /** The included numeric metrics plus what they are computed from. */
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
        return run(cell, Listener.NONE);
    }

    /** What a running cell reports: finished generations and, for neural families, epochs. */
    interface Listener {

        /** A listener that ignores everything. */
        Listener NONE = new Listener() {
            @Override
            public void generationDone() {
            }

            @Override
            public void epochDone(Cell cell, int generation, String family, int epoch,
                                  int epochs, double loss) {
            }
        };

        void generationDone();

        void epochDone(Cell cell, int generation, String family, int epoch, int epochs,
                       double loss);
    }

    /** Runs a cell, telling {@code listener} as each generation (and training epoch) finishes. */
    CellResult run(Cell cell, Listener listener) {
        long start = System.nanoTime();
        List<CellResult.Generation> rows = new ArrayList<>();
        int generation = 0;
        try {
            Modality.CellData<X> data = modality.open(cell);
            RealData<X> real = data.real();
            // The generation being fitted, for the epoch reports of neural families.
            int[] fitting = {0};
            ModelFamily<X> family = modality.family(cell).reportingTo(
                (name, epoch, epochs, loss) -> listener.epochDone(cell, fitting[0], name, epoch,
                    epochs, loss));
            Policy policy = Policy.byKey(cell.parameter("policy"));
            // Blank or absent: the policy is not weighted and reads no weight.
            double realWeight = cell.parameters().getOrDefault("real_weight", "").isEmpty()
                ? 1.0 : Double.parseDouble(cell.parameter("real_weight"));
            Policy.Mixer<X> mixer = policy.start(real,
                Integer.parseInt(cell.parameter("n")), Double.parseDouble(cell.parameter("rho")),
                realWeight, family.acceptsMoments());
            IncrementalFamily.Accumulator<X> accumulator =
                policy.appendOnly() && family instanceof IncrementalFamily<X> incremental
                    ? incremental.accumulator() : null;

            SplittableRandom random = new SplittableRandom(cell.seed());
            GenerativeModel<X> previous = null;
            Baseline baseline = null;
            for (generation = 0; generation <= spec.generations(); generation++) {
                fitting[0] = generation;
                TrainingSet<X> training = generation == 0 ? mixer.first(random)
                    : mixer.next(previous, random);
                GenerativeModel<X> model = fit(family, accumulator, mixer, training, random);
                MetricRow row = data.measure(model, baseline, generation, new SplittableRandom(
                    Seeds.derive(cell.seed(), "metrics", generation)));
                if (generation == 0) {
                    baseline = Baseline.of(row);
                }
                rows.add(new CellResult.Generation(generation, training.totalCount(),
                    mixer.lastSyntheticShare(), row));
                previous = model;
                listener.generationDone();
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

    private static <X> GenerativeModel<X> fit(ModelFamily<X> family,
            IncrementalFamily.Accumulator<X> accumulator, Policy.Mixer<X> mixer,
            TrainingSet<X> training, SplittableRandom random) {
        if (accumulator == null) {
            return family.fit(training, random);
        }
        accumulator.add(mixer.lastAdded());
        return accumulator.fit();
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
