package org.collapselab.report;

/**
 * A run file (generations.csv, fits.csv) that breaks its contract. The message is one line that
 * names the file, the record where the problem is, what was found and what was expected, so that
 * a command can print it as it is.
 */
public final class RunFileFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RunFileFormatException(String message) {
        super(message);
    }
}
