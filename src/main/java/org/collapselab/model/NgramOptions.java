package org.collapselab.model;

/**
 * The options of the {@code ngram} family, as written in the spec.
 *
 * @param unit what a token is: one Unicode code point or one whitespace-separated word
 * @param order n, the number of tokens in an n-gram (the context holds n - 1), at least 1
 * @param addK the add-k pseudo-count k given to every continuation of every context, finite and
 *     positive so that unseen tokens keep a positive probability
 * @param temperature T in p_T(w | h) proportional to p(w | h)^(1/T), finite and positive; 1 leaves
 *     the fitted probabilities unchanged
 * @param maxLength the largest number of tokens in a sampled line, at least 1
 */
public record NgramOptions(Unit unit, int order, double addK, double temperature, int maxLength) {

    /** What a token is. */
    public enum Unit {
        /** One Unicode code point; a line is its code points joined with nothing. */
        CHAR,
        /** One run of non-whitespace characters; a line is its words joined with one space. */
        WORD
    }

    public NgramOptions {
        if (unit == null) {
            throw new IllegalArgumentException("ngram: unit must be CHAR or WORD, found null");
        }
        if (order < 1) {
            throw new IllegalArgumentException("ngram: order must be >= 1, found " + order);
        }
        if (!(addK > 0 && addK < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("ngram: add-k must be finite and > 0, found "
                + addK);
        }
        if (!(temperature > 0 && temperature < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("ngram: temperature must be finite and > 0, found "
                + temperature);
        }
        if (maxLength < 1) {
            throw new IllegalArgumentException("ngram: max length must be >= 1, found "
                + maxLength);
        }
    }

    /** Add-k smoothing at temperature 1 with a max length of 10,000 tokens. */
    public static NgramOptions of(Unit unit, int order, double addK) {
        return new NgramOptions(unit, order, addK, 1.0, 10_000);
    }

    /** The same options at another temperature. */
    public NgramOptions withTemperature(double newTemperature) {
        return new NgramOptions(unit, order, addK, newTemperature, maxLength);
    }
}
