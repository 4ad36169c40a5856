package org.collapselab.data;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One cell's view of the real distribution: a held-out probe, split off before anything else and
 * never trained on, and a source of fresh real training samples.
 *
 * @param <X> the sample type
 */
public interface RealData<X> {

    /** The held-out real probe on which every generation is measured. */
    List<X> probe();

    /**
     * {@code count} real training samples. A finite pool gives a random subset without
     * replacement while it can (with replacement past its size); an analytic source gives fresh
     * independent draws.
     */
    List<X> draw(int count, RandomGenerator random);

    /** The exact distribution, for analytic sources. */
    Optional<Truth<X>> truth();

    /** Number of real training samples available, {@link Integer#MAX_VALUE} when unlimited. */
    int poolSize();
}
