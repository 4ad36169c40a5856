package org.collapselab.model;

/**
 * The sufficient statistics of a batch of samples that were never written out one by one: their
 * count, mean and centred scatter sum (x_i - mean)(x_i - mean)^T. A Gaussian fit needs nothing
 * more, so a Gaussian generation can hand its successor these instead of n d-dimensional rows.
 *
 * @param count number of samples summarised
 * @param mean their mean, length d
 * @param scatter their centred scatter, row-major d x d, both triangles filled
 */
public record SampleMoments(int count, double[] mean, double[] scatter) {

    public SampleMoments {
        if (scatter.length != mean.length * mean.length) {
            throw new IllegalArgumentException("scatter of length " + scatter.length
                + " for dimension " + mean.length);
        }
    }

    public int dim() {
        return mean.length;
    }
}
