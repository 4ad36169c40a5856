package org.collapselab.run;

import java.util.List;
import java.util.SplittableRandom;
import org.collapselab.data.Policy;
import org.collapselab.data.Screen;
import org.collapselab.metric.Baseline;
import org.collapselab.metric.MetricRow;
import org.collapselab.model.GenerativeModel;
import org.collapselab.model.IncrementalFamily;
import org.collapselab.model.ModelFamily;
import org.collapselab.model.TrainingSet;

/**
 * One cell's generations, one call at a time: build the training set, fit, measure, record the
 * row. An ordinary cell calls it for t = 0..T at the cell's rho; a market cell
 * ({@link MarketRounds}) calls it for t &ge; 1 at the contamination of each round.
 *
 * @param <X> the sample type
 */
final class Generations<X> {

    private final Cell cell;
    private final Modality.CellData<X> data;
    private final ModelFamily<X> family;
    private final IncrementalFamily.Accumulator<X> accumulator;
    private final Policy.Mixer<X> mixer;
    /** The cell's stream: training sets, detectors and fits. */
    private final SplittableRandom random;
    /** The rows of the finished generations, in order. */
    private final List<CellResult.Generation> rows;
    private final Runnable afterGeneration;
    /** Generation t-1's model (null before generation 0). */
    private GenerativeModel<X> previous;
    /** Generation 0's values (null before generation 0). */
    private Baseline baseline;

    Generations(Cell cell, Modality.CellData<X> data, ModelFamily<X> family,
                IncrementalFamily.Accumulator<X> accumulator, Policy.Mixer<X> mixer,
                SplittableRandom random, List<CellResult.Generation> rows,
                Runnable afterGeneration) {
        this.cell = cell;
        this.data = data;
        this.family = family;
        this.accumulator = accumulator;
        this.mixer = mixer;
        this.random = random;
        this.rows = rows;
        this.afterGeneration = afterGeneration;
    }

    /**
     * Runs generation t and records its row.
     *
     * @param rho the synthetic share of this generation's training set, or NaN for the cell's
     * @return the finished generation
     */
    CellResult.Generation generation(int generation, double rho) {
        TrainingSet<X> training;
        if (generation == 0) {
            training = mixer.first(random);
        } else if (Double.isNaN(rho)) {
            training = mixer.next(previous, random);
        } else {
            training = mixer.next(previous, random, rho);
        }
        GenerativeModel<X> model = CellRunner.fit(family, accumulator, mixer, training, random);
        MetricRow row = data.measure(model, baseline, generation, new SplittableRandom(
            Seeds.derive(cell.seed(), "metrics", generation)));
        if (generation == 0) {
            baseline = Baseline.of(row);
        }
        screening(row);
        CellResult.Generation done = new CellResult.Generation(generation,
            training.totalCount(), mixer.lastSyntheticShare(), row);
        rows.add(done);
        previous = model;
        afterGeneration.run();
        return done;
    }

    /** The filter columns: what the detector removed, and its rates. */
    private void screening(MetricRow row) {
        Screen.Screening<X> screening = mixer.lastScreening();
        if (screening == null) {
            return;
        }
        row.put("removed_real", screening.removedReal());
        row.put("removed_synthetic", screening.removedSynthetic());
        row.put("removal_rate_real", share(screening.removedReal(), screening.offeredReal()));
        row.put("removal_rate_synthetic", share(screening.removedSynthetic(),
            screening.offeredSynthetic()));
        row.put("detector_psi", screening.psi());
        row.put("detector_phi", screening.phi());
    }

    private static double share(int part, int whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }

    /** The detector's screening of the last generation's batches, or null without a filter. */
    Screen.Screening<X> lastScreening() {
        return mixer.lastScreening();
    }

    /** The cell, for the seeds of derived streams. */
    Cell cell() {
        return cell;
    }
}
