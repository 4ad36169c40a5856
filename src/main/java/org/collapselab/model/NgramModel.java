package org.collapselab.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A fitted {@link NgramFamily} model: p_T(w | h) under add-k (uniform over the outcomes for a
 * context never seen in training) or under interpolated Kneser-Ney ({@link KneserNey}); formulas
 * on {@link NgramFamily}.
 *
 * <p>Sampling starts from n - 1 begin markers and draws token after token until the end marker or
 * the max length; a drawn UNKNOWN bucket is written as {@link #UNKNOWN_CHAR} or
 * {@link #UNKNOWN_WORD}, which map back to the bucket under {@link #logDensity} unless training
 * held that very text. Immutable after construction; sampling draws from the given stream only.
 */
public final class NgramModel implements GenerativeModel<String>, TokenizedModel {

    /** How a drawn unknown token is written in a character model's line. */
    public static final String UNKNOWN_CHAR = "\uFFFD";
    /** How a drawn unknown token is written in a word model's line. */
    public static final String UNKNOWN_WORD = "<unk>";
    /** A context id meaning "not seen in training". */
    private static final int NO_CONTEXT = -2;

    /** The family's options. */
    private final NgramOptions options;
    /** Token texts and ids. */
    private final NgramVocabulary vocabulary;
    /** Context chains to ids; the empty context (order 1) is id -1, stored at row 0. */
    private final LongIndex contexts;
    /** (context, token) pairs seen in training to pair ids. */
    private final LongIndex pairs;
    /** |V|: every id but the begin marker. */
    private final int outcomes;
    /** Per pair: ((c(h, w) + k) / (max_v c(h, v) + k))^(1/T), scaled so small T cannot overflow. */
    private final double[] pairWeight;
    /** Per context row: log of the sum of the scaled weights over all |V| outcomes, or NaN. */
    private final double[] logNorm;
    /** Per context row: the scaled weight of each unseen outcome, (k / (max c + k))^(1/T). */
    private final double[] unseenWeight;
    /** Per context row: where its seen continuations start in {@link #seenTokens}; rows + 1. */
    private final int[] rowStart;
    /** The Kneser-Ney tables, or null under add-k. */
    private final KneserNey kneserNey;
    /** Seen continuation ids grouped by context row. */
    private final int[] seenTokens;
    /** Running sum of the scaled weights within each row, aligned with {@link #seenTokens}. */
    private final double[] seenCumulative;

    NgramModel(NgramOptions options, NgramVocabulary vocabulary, LongIndex contexts,
            LongIndex pairs, double[] pairCounts) {
        this.options = options;
        this.vocabulary = vocabulary;
        this.contexts = contexts;
        this.pairs = pairs;
        this.outcomes = vocabulary.size() - 1;
        boolean addK = options.smoothing() == NgramOptions.Smoothing.ADD_K;
        this.kneserNey = addK ? null
            : new KneserNey(options, outcomes, contexts, pairs, pairCounts);
        // Under Kneser-Ney the add-k tables below stay empty.
        int rows = addK ? contexts.size() + 1 : 0;
        int tabulated = addK ? pairs.size() : 0;

        // Group the pairs by context row (a counting sort) and find each row's largest count.
        double[] maxCount = new double[rows];
        rowStart = new int[rows + 1];
        for (int p = 0; p < tabulated; p++) {
            int row = row(pairs.key(p));
            rowStart[row + 1]++;
            maxCount[row] = Math.max(maxCount[row], pairCounts[p]);
        }
        for (int row = 0; row < rows; row++) {
            rowStart[row + 1] += rowStart[row];
        }
        int[] fill = Arrays.copyOf(rowStart, rows);
        int[] order = new int[tabulated];
        for (int p = 0; p < tabulated; p++) {
            order[fill[row(pairs.key(p))]++] = p;
        }

        // Tempered, scaled weights, their running sums per row and the log-normalisers.
        double k = options.addK();
        double power = 1.0 / options.temperature();
        pairWeight = new double[tabulated];
        seenTokens = new int[tabulated];
        seenCumulative = new double[tabulated];
        logNorm = new double[rows];
        unseenWeight = new double[rows];
        for (int row = 0; row < rows; row++) {
            int seen = rowStart[row + 1] - rowStart[row];
            if (seen == 0) {
                logNorm[row] = Double.NaN;
                continue;
            }
            double scale = maxCount[row] + k;
            double sum = 0;
            for (int i = rowStart[row]; i < rowStart[row + 1]; i++) {
                int p = order[i];
                pairWeight[p] = Math.pow((pairCounts[p] + k) / scale, power);
                sum += pairWeight[p];
                seenTokens[i] = (int) pairs.key(p);
                seenCumulative[i] = sum;
            }
            unseenWeight[row] = Math.pow(k / scale, power);
            logNorm[row] = Math.log(sum + (outcomes - seen) * unseenWeight[row]);
        }
    }

    static long chainKey(int context, int token) {
        return ((long) (context + 1) << 32) | (token & 0xFFFFFFFFL);
    }

    static long pairKey(int context, int token) {
        return chainKey(context, token);
    }

    private static int row(long pairKey) {
        return (int) (pairKey >>> 32);
    }

    /** Drops the oldest token of the history and appends {@code token}. */
    static void shift(int[] history, int token) {
        if (history.length > 0) {
            System.arraycopy(history, 1, history, 0, history.length - 1);
            history[history.length - 1] = token;
        }
    }

    public NgramOptions options() {
        return options;
    }

    /** The tokens seen in training, in order of first appearance. */
    public List<String> vocabulary() {
        return vocabulary.seenTokens();
    }

    /** |V|: the seen tokens plus the end marker and the unknown bucket. */
    public int outcomeCount() {
        return outcomes;
    }

    /** The number of tokens {@link #logDensity} scores for {@code line}: its tokens plus END. */
    @Override
    public int tokenCount(String line) {
        return vocabulary.encode(line).length + 1;
    }

    @Override
    public List<String> sample(int count, RandomGenerator random) {
        if (count < 0) {
            throw new IllegalArgumentException("ngram: sample count must be >= 0, found " + count);
        }
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add(sampleLine(random));
        }
        return lines;
    }

    private String sampleLine(RandomGenerator random) {
        int[] history = beginHistory();
        StringBuilder line = new StringBuilder();
        for (int length = 0; length < options.maxLength(); length++) {
            int next = draw(history, random);
            if (next == NgramVocabulary.END) {
                break;
            }
            append(line, next);
            shift(history, next);
        }
        return line.toString();
    }

    private void append(StringBuilder line, int token) {
        boolean words = options.unit() == NgramOptions.Unit.WORD;
        if (words && line.length() > 0) {
            line.append(' ');
        }
        if (token == NgramVocabulary.UNKNOWN) {
            line.append(words ? UNKNOWN_WORD : UNKNOWN_CHAR);
        } else {
            line.append(vocabulary.text(token));
        }
    }

    /** One draw from p_T(. | history). */
    private int draw(int[] history, RandomGenerator random) {
        return kneserNey != null ? kneserNey.draw(history, random)
            : draw(findContext(history), random);
    }

    /** One draw from add-k's p_T(. | context): inverse CDF over the seen, uniform elsewhere. */
    private int draw(int context, RandomGenerator random) {
        int row = context + 1;
        if (context == NO_CONTEXT || Double.isNaN(logNorm[row])) {
            return 1 + random.nextInt(outcomes);
        }
        int from = rowStart[row];
        int to = rowStart[row + 1];
        double u = random.nextDouble() * Math.exp(logNorm[row]);
        if (u < seenCumulative[to - 1] || to - from == outcomes) {
            int index = Arrays.binarySearch(seenCumulative, from, to, u);
            index = index >= 0 ? index + 1 : -index - 1;
            return seenTokens[Math.min(index, to - 1)];
        }
        // Every unseen outcome has the same weight: rejection from the uniform over V.
        while (true) {
            int token = 1 + random.nextInt(outcomes);
            if (pairs.find(pairKey(context, token)) < 0) {
                return token;
            }
        }
    }

    @Override
    public boolean hasDensity() {
        return true;
    }

    /** log q(line) in nats, end marker included (formula on {@link NgramFamily}). */
    @Override
    public double logDensity(String line) {
        int[] tokens = vocabulary.encode(line);
        int[] history = beginHistory();
        double sum = 0;
        for (int i = 0; i <= tokens.length; i++) {
            int next = i < tokens.length ? tokens[i] : NgramVocabulary.END;
            sum += logConditional(history, next);
            shift(history, next);
        }
        return sum;
    }

    /**
     * p_T(token | history): the history's tokens in order, its last n - 1 used and begin markers
     * padding it on the left when it is shorter (a history at the start of a line); tokens not
     * seen in training fall into the unknown bucket.
     */
    public double conditionalProbability(List<String> history, String token) {
        int[] ids = vocabulary.encode(token);
        if (ids.length != 1) {
            throw new IllegalArgumentException("ngram: expected one token, found \"" + token
                + "\"");
        }
        return Math.exp(logConditional(historyOf(history), ids[0]));
    }

    /** p_T(END | history), with the history read as in {@link #conditionalProbability}. */
    public double endProbability(List<String> history) {
        return Math.exp(logConditional(historyOf(history), NgramVocabulary.END));
    }

    private int[] historyOf(List<String> tokens) {
        int[] history = beginHistory();
        for (String token : tokens) {
            for (int id : vocabulary.encode(token)) {
                shift(history, id);
            }
        }
        return history;
    }

    /** log p_T(token | history) in nats. */
    private double logConditional(int[] history, int token) {
        return kneserNey != null ? kneserNey.logConditional(history, token)
            : logConditional(findContext(history), token);
    }

    /** log p_T(token | context) under add-k. */
    private double logConditional(int context, int token) {
        int row = context + 1;
        if (context == NO_CONTEXT || Double.isNaN(logNorm[row])) {
            return -Math.log(outcomes);
        }
        int pair = pairs.find(pairKey(context, token));
        double weight = pair < 0 ? unseenWeight[row] : pairWeight[pair];
        return Math.log(weight) - logNorm[row];
    }

    private int[] beginHistory() {
        int[] history = new int[options.order() - 1];
        Arrays.fill(history, NgramVocabulary.BEGIN);
        return history;
    }

    /** The id of the history's context, or {@link #NO_CONTEXT} when training never met it. */
    private int findContext(int[] history) {
        int context = -1;
        for (int token : history) {
            context = contexts.find(chainKey(context, token));
            if (context < 0) {
                return NO_CONTEXT;
            }
        }
        return context;
    }
}
