package org.collapselab.model;

/**
 * A fit failed for a reason that lies in the data, not in the code: the cell that met it is
 * recorded as failed with this message and the other cells go on.
 */
public final class ModelFitException extends RuntimeException {

    public ModelFitException(String message) {
        super(message);
    }
}
