package org.collapselab.spec;

/**
 * A mistake in an experiment spec. The message is one line that names the file, the line and
 * field, what was found and what is expected; the command line prints it and exits with code 2.
 */
public final class SpecException extends Exception {

    public SpecException(String message) {
        super(message);
    }
}
