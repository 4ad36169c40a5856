package org.collapselab.model;

/**
 * A model of lines of text that scores a line token by token, so that its probe perplexity can be
 * given per its own token (a word, a character) rather than per character.
 */
public interface TokenizedModel {

    /** The number of tokens {@link GenerativeModel#logDensity} scores for a line, end included. */
    int tokenCount(String line);
}
