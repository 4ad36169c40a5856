package org.collapselab.model;

import java.util.List;

/**
 * What one generation trains on: the samples and, optionally, one weight per sample.
 *
 * <p>Weights come from the {@code weighted} policy, which scales the real part of the training set;
 * a family fits the weighted maximum-likelihood estimate (a weight of 2 counts a sample twice).
 *
 * @param samples the training samples, real and synthetic together
 * @param weights one non-negative weight per sample, or {@code null} when every weight is 1
 * @param <X> the sample type: {@code double[]} for numeric data
 */
public record TrainingSet<X>(List<X> samples, double[] weights) {

    public TrainingSet {
        if (weights != null && weights.length != samples.size()) {
            throw new IllegalArgumentException("weights: " + weights.length
                + " weights for " + samples.size() + " samples");
        }
    }

    /** An unweighted training set. */
    public static <X> TrainingSet<X> of(List<X> samples) {
        return new TrainingSet<>(samples, null);
    }

    public int size() {
        return samples.size();
    }

    /** The weight of sample {@code i}: 1 when the set is unweighted. */
    public double weight(int i) {
        return weights == null ? 1.0 : weights[i];
    }

    public boolean isWeighted() {
        return weights != null;
    }
}
