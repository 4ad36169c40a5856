package org.collapselab.model;

/**
 * A family that can fit a training set that only ever grows (the {@code accumulate} policy)
 * from running sufficient statistics, at a cost per generation proportional to the samples added
 * rather than to the whole pool.
 *
 * @param <X> the sample type
 */
public interface IncrementalFamily<X> extends ModelFamily<X> {

    /** A new, empty accumulator; one per cell, used from one thread. */
    Accumulator<X> accumulator();

    /**
     * Running statistics of everything added so far.
     *
     * @param <X> the sample type
     */
    interface Accumulator<X> {

        /** Adds samples to the pool. */
        void add(TrainingSet<X> samples);

        /** The model fitted to the whole pool, identical in law to {@code fit} on the pool. */
        GenerativeModel<X> fit();
    }
}
