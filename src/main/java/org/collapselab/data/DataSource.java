package org.collapselab.data;

import java.util.random.RandomGenerator;

/**
 * A real data source named in the spec ({@code analytic}, {@code iris}, {@code csv}). It reads
 * its file once and then opens an independent split for each cell.
 *
 * @param <X> the sample type
 */
public interface DataSource<X> {

    /** The source's name in the spec. */
    String name();

    /** Dimension of one sample (number of numeric columns). */
    int dim();

    /** Splits off the probe and returns the cell's real data, drawing only from {@code random}. */
    RealData<X> open(RandomGenerator random);
}
