package org.collapselab.model;

import java.util.List;

/**
 * What one generation trains on: the samples and, optionally, one weight per sample, plus
 * batches known only by their moments.
 *
 * <p>Weights come from the {@code weighted} policy, which scales the real part of the training set;
 * a family fits the weighted maximum-likelihood estimate (a weight of 2 counts a sample twice).
 * Moment batches ({@link SampleMoments}) are synthetic samples a Gaussian generation summarised
 * without writing them out; only families that declare {@link ModelFamily#acceptsMoments()} are
 * given any, always with weight 1.
 *
 * @param samples the training samples given row by row, real and synthetic
 * @param weights one non-negative weight per row, or {@code null} when every weight is 1
 * @param moments batches given by their moments (empty for most families)
 * @param <X> the sample type: {@code double[]} for numeric data
 */
public record TrainingSet<X>(List<X> samples, double[] weights, List<SampleMoments> moments) {

    public TrainingSet {
        if (weights != null && weights.length != samples.size()) {
            throw new IllegalArgumentException("weights: " + weights.length
                + " weights for " + samples.size() + " samples");
        }
        moments = List.copyOf(moments);
    }

    /** Rows only, with optional weights. */
    public TrainingSet(List<X> samples, double[] weights) {
        this(samples, weights, List.of());
    }

    /** An unweighted training set. */
    public static <X> TrainingSet<X> of(List<X> samples) {
        return new TrainingSet<>(samples, null);
    }

    /** Number of rows given one by one (moment batches not counted). */
    public int size() {
        return samples.size();
    }

    /** Number of samples in all: rows plus the counts of the moment batches. */
    public int totalCount() {
        int total = samples.size();
        for (SampleMoments m : moments) {
            total += m.count();
        }
        return total;
    }

    /** The weight of sample {@code i}: 1 when the set is unweighted. */
    public double weight(int i) {
        return weights == null ? 1.0 : weights[i];
    }

    public boolean isWeighted() {
        return weights != null;
    }
}
