package org.collapselab.market;

/**
 * One retraining of the generator inside the PMIR loop ({@link Pmir}): the harness retrains on
 * a pool whose synthetic share is rho (the {@code mix} policy), measures the drift
 * {@code KL(q || p)} on the held-out real probe, and may inspect units with its provenance
 * detector. {@link ClosedFormRetraining} answers from a drift curve, for tests and the command
 * line; the run layer implements it with real retraining.
 */
public interface Retraining {

    /**
     * Retrains at contamination rho and measures.
     *
     * @param round the PMIR round k, from 0
     * @param rho the contamination share of the pool, in [0, 1]
     * @return the measured drift, flags and any other measures
     */
    RetrainingResult retrain(int round, double rho);
}
