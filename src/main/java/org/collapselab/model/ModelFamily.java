package org.collapselab.model;

import java.util.random.RandomGenerator;

/**
 * A family of generative models: fitting it to a training set gives one generation's model.
 *
 * <p>Implementations are immutable and hold only their options (from the spec), so one family
 * instance serves every cell and thread. All randomness (EM starts, neural initialisation) comes
 * from the generator passed in, which keeps runs reproducible from the run seed.
 *
 * @param <X> the sample type: {@code double[]} for numeric data
 */
public interface ModelFamily<X> {

    /** The family's name as written in the spec, e.g. {@code gaussian}. */
    String name();

    /**
     * Fits the family to the training set.
     *
     * @throws ModelFitException when the data cannot be fitted (too few samples, a singular
     *     matrix that the family cannot regularise, a non-finite value)
     */
    GenerativeModel<X> fit(TrainingSet<X> training, RandomGenerator random);

    /**
     * Whether {@link #fit} accepts training sets with moment batches ({@link SampleMoments}); a
     * family that does not is only ever given rows.
     */
    default boolean acceptsMoments() {
        return false;
    }

    /**
     * This family with its training epochs reported to {@code monitor}. Families that fit in
     * one step have no epochs and return themselves.
     */
    default ModelFamily<X> reportingTo(TrainingMonitor monitor) {
        return this;
    }
}
