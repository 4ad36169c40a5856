package org.collapselab.cli;

/** A mistake in the options or files of a {@code collapse market} command: one line, exit 2. */
final class MarketUsageException extends Exception {

    private static final long serialVersionUID = 1L;

    MarketUsageException(String message) {
        super(message);
    }
}
