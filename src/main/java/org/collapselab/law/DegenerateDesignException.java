package org.collapselab.law;

/**
 * A regression whose parameters are not identified: fewer observations than parameters, or a
 * column of the design that is (numerically) a linear combination of the others, such as a
 * regressor that takes a single value beside an intercept.
 */
public final class DegenerateDesignException extends IllegalArgumentException {

    public DegenerateDesignException(String message) {
        super(message);
    }
}
