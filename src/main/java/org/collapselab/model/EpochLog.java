package org.collapselab.model;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Deeplearning4j training listener that writes one DEBUG line per epoch to the run's log, and
 * reports it to a {@link TrainingMonitor}: the family, the epoch and the mean training loss of its
 * gradient steps. Steps are only counted (no logging inside the training loop); the trainer
 * calls {@link #epochDone} after each pass.
 * One instance per fit, used by the one thread that trains.
 */
final class EpochLog extends BaseTrainingListener {

    private static final Logger LOG = LoggerFactory.getLogger(EpochLog.class);

    private final String family;
    private final int epochs;
    /** Where each finished epoch is reported besides the log. */
    private final TrainingMonitor monitor;
    private double lossSum;
    private int steps;
    /** The mean loss of the last finished epoch, NaN before the first. */
    private double lastLoss = Double.NaN;

    EpochLog(String family, int epochs, TrainingMonitor monitor) {
        this.family = family;
        this.epochs = epochs;
        this.monitor = monitor;
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        lossSum += model.score();
        steps++;
    }

    /** Logs the epoch's mean loss and starts the next epoch's count. */
    void epochDone(int epoch) {
        lastLoss = steps == 0 ? Double.NaN : lossSum / steps;
        if (LOG.isDebugEnabled()) {
            LOG.debug(String.format("%s epoch %d/%d: mean training loss %.5g over %d steps",
                family, epoch + 1, epochs, lastLoss, steps));
        }
        monitor.epochDone(family, epoch + 1, epochs, lastLoss);
        lossSum = 0;
        steps = 0;
    }

    /** The mean loss of the last finished epoch. */
    double lastLoss() {
        return lastLoss;
    }
}
