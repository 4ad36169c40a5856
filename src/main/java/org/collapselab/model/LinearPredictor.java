package org.collapselab.model;

/**
 * A model of y given x that is linear, y = x . w + N(0, sigma^2): its excess test error against
 * a true linear model has a closed form.
 */
public interface LinearPredictor {

    /** The coefficients w. */
    double[] coefficients();

    /** The noise variance sigma^2 the model samples labels with. */
    double noiseVariance();
}
