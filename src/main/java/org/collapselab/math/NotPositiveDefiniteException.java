package org.collapselab.math;

/** A Cholesky factorisation met a pivot that is not positive. */
public final class NotPositiveDefiniteException extends ArithmeticException {

    public NotPositiveDefiniteException(int pivot, double value) {
        super("matrix is not positive definite: pivot " + pivot + " is " + value);
    }
}
