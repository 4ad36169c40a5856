package org.collapselab.model;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The {@code ngram} family: a character or word n-gram language model with add-k or
 * interpolated Kneser-Ney smoothing, sampled with a temperature.
 *
 * <p>A line w_1 ... w_m is padded with n - 1 begin markers and closed by an end marker
 * w_{m+1} = END, and q(line) = prod_{i=1}^{m+1} p_T(w_i | h_i), where the context h_i holds the
 * n - 1 tokens before w_i. With c(h, w) the weighted count of w after h, c(h) = sum_w c(h, w) and
 * V the outcome set (every seen token, END, and one UNKNOWN bucket for all unseen tokens),
 * add-k smoothing (Jurafsky and Martin, Speech and Language Processing, 3rd ed., ch. 3) gives
 * <pre>  p(w | h) = (c(h, w) + k) / (c(h) + k |V|),</pre>
 * which is uniform, 1/|V|, for a context never seen in training. The temperature T reshapes
 * every conditional: p_T(w | h) = p(w | h)^(1/T) / sum_v p(v | h)^(1/T); sampling and
 * {@link GenerativeModel#logDensity} both use p_T, so the density is that of the sampler (up to
 * the cut at the max length, which the density ignores).
 *
 * <p>A limit of add-k: after a context seen c(h) times, the unseen outcomes share the mass
 * (|V| - seen(h)) k / (c(h) + k |V|). With word vocabularies of 10^5 types and more, k = 0.01
 * already gives most rare contexts more unseen than seen mass, so samples wander through uniform
 * random words and rarely draw END (on 9,000 Europarl lines, word 2-grams with k = 0.01 produce
 * lines of about 9,000 words; k = 1e-4 brings them near 900). Choose k against |V|, or prefer
 * character models.
 *
 * <p>Interpolated Kneser-Ney (Chen and Goodman 1998, "An empirical study of smoothing techniques
 * for language modeling"; Jurafsky and Martin, ch. 3) takes an absolute discount D in (0, 1) from
 * every seen count and hands the mass removed to the next lower order, which drops the oldest
 * token of the context (h' below):
 * <pre>  p_j(w | h) = max(c_j(h, w) - D, 0) / c_j(h) + gamma_j(h) p_{j-1}(w | h'),
 *   gamma_j(h) = sum_v min(c_j(h, v), D) / c_j(h),
 *   p_0(w) = 1 / |V|.</pre>
 * At the top order j = n, c_n is the weighted count c; at every lower order it is the
 * continuation count c_j(h, w) = N1+(. h w), the number of distinct tokens x with c(x h, w) &gt; 0
 * one order up, so a token that follows many contexts weighs more than one that follows one
 * context often. gamma_j(h) is D N1+(h .) / c_j(h) whenever every count is at least D (always so
 * for continuation counts and for unit weights); written as the mass actually removed it keeps
 * every row summing to 1 under fractional weights too. A context never met at order j (c_j(h) =
 * 0) uses the order below directly: p_j(w | h) = p_{j-1}(w | h'). The uniform p_0 keeps every
 * outcome, END and the UNKNOWN bucket included, positive. The temperature and the density work as
 * for add-k, on p = p_n.
 *
 * <p>Training weights count as multiplicities: a line of weight w adds w to every count it
 * touches; lines of weight 0 are skipped, their tokens included. Under Kneser-Ney the weights
 * enter the top-order counts only; a continuation count counts a type once whatever its total
 * (positive) weight, so a line of weight 2 and two copies of the line fit the same model.
 * Fitting uses no randomness.
 */
public final class NgramFamily implements ModelFamily<String> {

    /** The family's name in the spec. */
    public static final String NAME = "ngram";

    /** The options from the spec. */
    private final NgramOptions options;

    public NgramFamily(NgramOptions options) {
        this.options = options;
    }

    public NgramOptions options() {
        return options;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public NgramModel fit(TrainingSet<String> training, RandomGenerator random) {
        NgramVocabulary vocabulary = new NgramVocabulary(options.unit());
        LongIndex contexts = new LongIndex();
        LongIndex pairs = new LongIndex();
        double[] pairCounts = new double[1024];
        double totalWeight = 0;
        int[] history = new int[options.order() - 1];

        for (int line = 0; line < training.size(); line++) {
            double weight = checkedWeight(training.weight(line), line);
            if (weight == 0) {
                continue;
            }
            totalWeight += weight;
            int[] tokens = vocabulary.encodeAdding(training.samples().get(line));
            Arrays.fill(history, NgramVocabulary.BEGIN);
            for (int i = 0; i <= tokens.length; i++) {
                int next = i < tokens.length ? tokens[i] : NgramVocabulary.END;
                int context = internContext(contexts, history);
                int pair = pairs.intern(NgramModel.pairKey(context, next));
                if (pair == pairCounts.length) {
                    pairCounts = Arrays.copyOf(pairCounts, 2 * pairCounts.length);
                }
                pairCounts[pair] += weight;
                NgramModel.shift(history, next);
            }
        }
        if (!(totalWeight > 0)) {
            throw new ModelFitException("ngram: the training set has no line of positive weight");
        }
        return new NgramModel(options, vocabulary, contexts, pairs, pairCounts);
    }

    private static double checkedWeight(double weight, int line) {
        if (!(weight >= 0 && weight < Double.POSITIVE_INFINITY)) {
            throw new ModelFitException("ngram: weight of line " + line
                + " must be finite and >= 0, found " + weight);
        }
        return weight;
    }

    /**
     * The id of the context h_1 ... h_{n-1}, built as a chain: id(empty) = -1 and
     * id(h_1 ... h_j) = intern(id(h_1 ... h_{j-1}), h_j), so any order fits in 64-bit keys.
     */
    private static int internContext(LongIndex contexts, int[] history) {
        int context = -1;
        for (int token : history) {
            context = contexts.intern(NgramModel.chainKey(context, token));
        }
        return context;
    }
}
