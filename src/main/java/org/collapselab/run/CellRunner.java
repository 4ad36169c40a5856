package org.collapselab.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.collapselab.data.Policy;
import org.collapselab.data.RealData;
import org.collapselab.data.Screen;
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
        try {
            Modality.CellData<X> data = modality.open(cell);
            RealData<X> real = data.real();
            // Rows are added as generations finish: their count is the generation being fitted.
            ModelFamily<X> family = modality.family(cell).reportingTo(
                (name, epoch, epochs, loss) -> listener.epochDone(cell, rows.size(), name, epoch,
                    epochs, loss));
            Policy policy = Policy.byKey(cell.parameter("policy"));
            // Blank or absent: the policy is not weighted and reads no weight.
            double realWeight = cell.parameters().getOrDefault("real_weight", "").isEmpty()
                ? 1.0 : Double.parseDouble(cell.parameter("real_weight"));
            Screen<X> screen = Detectors.screen(spec, real);
            Policy.Mixer<X> mixer = policy.start(real,
                Integer.parseInt(cell.parameter("n")), Double.parseDouble(cell.parameter("rho")),
                realWeight, family.acceptsMoments(), screen);
            IncrementalFamily.Accumulator<X> accumulator =
                policy.appendOnly() && family instanceof IncrementalFamily<X> incremental
                    ? incremental.accumulator() : null;

            SplittableRandom random = new SplittableRandom(cell.seed());
            Generations<X> loop = new Generations<>(cell, data, family, accumulator, mixer, random,
                rows, listener::generationDone);
            loop.generation(0, Double.NaN);
            if (spec.market() != null) {
                MarketRounds.run(spec.market(), spec.filter(), spec.generations(), cell,
                    loop);
            } else {
                for (int generation = 1; generation <= spec.generations(); generation++) {
                    loop.generation(generation, Double.NaN);
                }
            }
            return new CellResult(cell, rows, null, -1, seconds(start));
        } catch (RuntimeException | java.io.IOException failure) {
            // Rows are added as generations finish, so their count is the generation that failed.
            return failure(cell, rows, failure, rows.size(), start);
        } catch (OutOfMemoryError memory) {
            int generation = rows.size();
            rows.clear();
            return new CellResult(cell, List.of(), "out of memory (the cell's matrices or samples "
                + "do not fit in the Java heap; raise it, e.g. COLLAPSE_JAVA_OPTS=-Xmx16g, or "
                + "lower dim, n or metrics.samples)", generation, seconds(start));
        } catch (Error bug) {
            LOG.error("cell {} failed at generation {}", cell.id(), rows.size(), bug);
            return new CellResult(cell, rows, oneLine(bug), rows.size(), seconds(start));
        }
    }

    private static CellResult failure(Cell cell, List<CellResult.Generation> rows,
                                      Throwable failure, int generation, long start) {
        if (!(failure instanceof org.collapselab.model.ModelFitException)
            && !(failure instanceof ArithmeticException)) {
            LOG.error("cell {} failed at generation {}", cell.id(), generation, failure);
        }
        return new CellResult(cell, rows, oneLine(failure), generation, seconds(start));
    }

    static <X> GenerativeModel<X> fit(ModelFamily<X> family,
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
