package org.collapselab.model;

/**
 * Receives a family's training progress, one call per finished epoch, so that a run can show
 * where a long neural fit stands. Called on the training thread; implementations must be cheap
 * and thread-safe.
 */
@FunctionalInterface
public interface TrainingMonitor {

    /** A monitor that ignores everything. */
    TrainingMonitor NONE = (family, epoch, epochs, loss) -> { };

    /**
     * @param family the family's name
     * @param epoch the epoch just finished, from 1
     * @param epochs the epochs of this fit
     * @param loss the epoch's mean training loss, NaN when it took no step
     */
    void epochDone(String family, int epoch, int epochs, double loss);
}
