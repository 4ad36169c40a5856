package org.collapselab.model;

import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A model that can draw the sufficient statistics of {@code count} samples directly, with the
 * same distribution as summarising {@code count} samples drawn one by one, at a cost independent
 * of {@code count}.
 */
public interface MomentSampler {

    /**
     * The moments of {@code count} fresh samples, or empty when this model cannot draw them
     * directly for that count (the caller then samples rows).
     */
    Optional<SampleMoments> sampleMoments(int count, RandomGenerator random);
}
