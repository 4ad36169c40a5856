package org.collapselab.run;

/**
 * A run cannot start because of how it was asked for (a results folder that exists, a resume with
 * nothing to resume, an unreadable data file). One line; exit code 2.
 */
public final class UsageException extends Exception {

    public UsageException(String message) {
        super(message);
    }
}
