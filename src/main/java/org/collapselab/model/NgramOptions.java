package org.collapselab.model;

/**
 * The options of the {@code ngram} family, as written in the spec.
 *
 * @param unit what a token is: one Unicode code point or one whitespace-separated word
 * @param order n, the number of tokens in an n-gram (the context holds n - 1), at least 1
 * @param smoothing how counts become probabilities: add-k or interpolated Kneser-Ney
 * @param addK under add-k, the pseudo-count k given to every continuation of every context,
 *     finite and positive so that unseen tokens keep a positive probability; NaN under
 *     Kneser-Ney, which does not read it
 * @param discount under Kneser-Ney, the absolute discount D in (0, 1) taken from every seen
 *     count; NaN under add-k, which does not read it
 * @param temperature T in p_T(w | h) proportional to p(w | h)^(1/T), finite and positive; 1 leaves
 *     the fitted probabilities unchanged
 * @param maxLength the largest number of tokens in a sampled line, at least 1
 */
public record NgramOptions(Unit unit, int order, Smoothing smoothing, double addK,
        double discount, double temperature, int maxLength) {

    /** The Kneser-Ney discount when none is given (Chen and Goodman's usual choice). */
    public static final double DEFAULT_DISCOUNT = 0.75;

    /** What a token is. */
    public enum Unit {
        /** One Unicode code point; a line is its code points joined with nothing. */
        CHAR,
        /** One run of non-whitespace characters; a line is its words joined with one space. */
        WORD
    }

    /** How the family smooths its counts (formulas on {@link NgramFamily}). */
    public enum Smoothing {
        /** Add a pseudo-count k to every continuation of every context. */
        ADD_K,
        /** Interpolated Kneser-Ney with one absolute discount D at every order. */
        KNESER_NEY
    }

    /** Add-k smoothing with pseudo-count {@code addK}. */
    public NgramOptions(Unit unit, int order, double addK, double temperature, int maxLength) {
        this(unit, order, Smoothing.ADD_K, addK, Double.NaN, temperature, maxLength);
    }

    public NgramOptions {
        if (unit == null) {
            throw new IllegalArgumentException("ngram: unit must be CHAR or WORD, found null");
        }
        if (order < 1) {
            throw new IllegalArgumentException("ngram: order must be >= 1, found " + order);
        }
        if (smoothing == null) {
            throw new IllegalArgumentException("ngram: smoothing must be ADD_K or KNESER_NEY, "
                + "found null");
        }
        boolean addKSmoothing = smoothing == Smoothing.ADD_K;
        if (addKSmoothing && !(addK > 0 && addK < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("ngram: add-k must be finite and > 0, found "
                + addK);
        }
        if (!addKSmoothing && !(discount > 0 && discount < 1)) {
            throw new IllegalArgumentException("ngram: the Kneser-Ney discount must lie in "
                + "(0, 1), found " + discount);
        }
        if (addKSmoothing ? !Double.isNaN(discount) : !Double.isNaN(addK)) {
            throw new IllegalArgumentException("ngram: " + (addKSmoothing ? "a discount" : "add-k")
                + " is set but " + smoothing + " does not read it; pass NaN");
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

    /** Interpolated Kneser-Ney with discount D at temperature 1, max length 10,000 tokens. */
    public static NgramOptions kneserNey(Unit unit, int order, double discount) {
        return new NgramOptions(unit, order, Smoothing.KNESER_NEY, Double.NaN, discount, 1.0,
            10_000);
    }

    /** The same options at another temperature. */
    public NgramOptions withTemperature(double newTemperature) {
        return new NgramOptions(unit, order, smoothing, addK, discount, newTemperature,
            maxLength);
    }

    /** The same options with another max length. */
    public NgramOptions withMaxLength(int newMaxLength) {
        return new NgramOptions(unit, order, smoothing, addK, discount, temperature,
            newMaxLength);
    }
}
