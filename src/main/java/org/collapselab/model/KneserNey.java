package org.collapselab.model;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The tables of interpolated Kneser-Ney smoothing for a fitted {@link NgramModel} (formulas on
 * {@link NgramFamily}): for every order j = 1 ... n, the contexts of j - 1 tokens, the kept mass
 * max(c_j(g, w) - D, 0) / c_j(g) of each seen continuation and the backoff weight gamma_j(g) of
 * each context. Order n counts are the weighted counts of training; order j &lt; n counts are
 * continuation counts, the number of distinct tokens x with (x g, w) among the order j + 1
 * types.
 *
 * <p>Every history at order j carries n - 1 tokens (begin markers pad a line's start), so the
 * (j + 1)-gram types of the data are exactly the suffixes of its n-gram types; the tables are
 * therefore derived from the order-n types alone, order by order downwards. Immutable after
 * construction.
 */
final class KneserNey {

    /** n, the top order. */
    private final int order;
    /** |V|: every id but the begin marker (ids 1 ... |V|). */
    private final int outcomes;
    /** 1/T, the exponent of the tempered conditional. */
    private final double power;
    /** Per order j (index j - 1): context chains to ids, as in {@link NgramModel}. */
    private final LongIndex[] contexts;
    /** Per order: (context id, token) types to ids. */
    private final LongIndex[] pairs;
    /** Per order, per type: max(c - D, 0) / c(g), the mass the type keeps. */
    private final double[][] kept;
    /** Per order, per context row: gamma(g), the mass handed to the order below. */
    private final double[][] backoff;
    /** Per order: where each context row's types start in {@link #seenTokens}; rows + 1. */
    private final int[][] rowStart;
    /** Per order: the seen continuation ids grouped by context row. */
    private final int[][] seenTokens;
    /** Per order: the running sum of the kept mass within each row. */
    private final double[][] seenCumulative;
    /** Per order, per context row: log sum_v p(v | g)^(1/T); empty when T = 1 (it is 0). */
    private final double[][] logNorm;

    /**
     * Builds the tables from the order-n types: {@code topContexts} and {@code topPairs} as
     * {@link NgramFamily#fit} interned them, {@code topCounts} their weighted counts.
     */
    KneserNey(NgramOptions options, int outcomes, LongIndex topContexts, LongIndex topPairs,
            double[] topCounts) {
        this.order = options.order();
        this.outcomes = outcomes;
        this.power = 1.0 / options.temperature();
        contexts = new LongIndex[order];
        pairs = new LongIndex[order];
        kept = new double[order][];
        backoff = new double[order][];
        rowStart = new int[order][];
        seenTokens = new int[order][];
        seenCumulative = new double[order][];
        logNorm = new double[order][];

        // Order n: the training types with their weighted counts.
        int[][] types = new int[topPairs.size()][];
        for (int p = 0; p < types.length; p++) {
            long key = topPairs.key(p);
            types[p] = append(decode(topContexts, (int) (key >>> 32) - 1), (int) key);
        }
        double[] counts = Arrays.copyOf(topCounts, types.length);

        // Each lower order counts the distinct left extensions of its types.
        for (int level = order; level >= 1; level--) {
            LongIndex levelContexts = new LongIndex();
            LongIndex levelPairs = new LongIndex();
            double[] levelCounts = new double[types.length];
            int[][] levelTypes = new int[types.length][];
            for (int t = 0; t < types.length; t++) {
                int[] type = types[t];
                int context = -1;
                for (int i = 0; i < type.length - 1; i++) {
                    context = levelContexts.intern(NgramModel.chainKey(context, type[i]));
                }
                int pair = levelPairs.intern(NgramModel.pairKey(context, type[type.length - 1]));
                levelCounts[pair] += counts[t];
                levelTypes[pair] = type;
            }
            contexts[level - 1] = levelContexts;
            pairs[level - 1] = levelPairs;
            tabulate(level, levelCounts, options.discount());

            int distinct = levelPairs.size();
            types = new int[distinct][];
            counts = new double[distinct];
            for (int p = 0; p < distinct; p++) {
                types[p] = Arrays.copyOfRange(levelTypes[p], 1, levelTypes[p].length);
                counts[p] = 1;
            }
        }
        if (power != 1) {
            for (int level = 1; level <= order; level++) {
                normalise(level);
            }
        }
    }

    /** The tokens of a context chain id, oldest first; the empty array for id -1. */
    private static int[] decode(LongIndex chains, int context) {
        int length = 0;
        for (int id = context; id >= 0; id = (int) (chains.key(id) >>> 32) - 1) {
            length++;
        }
        int[] tokens = new int[length];
        for (int id = context; id >= 0; id = (int) (chains.key(id) >>> 32) - 1) {
            tokens[--length] = (int) chains.key(id);
        }
        return tokens;
    }

    private static int[] append(int[] tokens, int token) {
        int[] out = Arrays.copyOf(tokens, tokens.length + 1);
        out[tokens.length] = token;
        return out;
    }

    /**
     * The kept masses and backoff weights of one order. The backoff weight is the mass the
     * discount actually removed, sum_w min(c(g, w), D) / c(g): it equals D N1+(g .) / c(g) when
     * every count is at least D and keeps the row summing to 1 when weights make some count
     * smaller.
     */
    private void tabulate(int level, double[] counts, double discount) {
        LongIndex levelPairs = pairs[level - 1];
        int rows = contexts[level - 1].size() + 1;
        double[] total = new double[rows];
        double[] removed = new double[rows];
        int[] start = new int[rows + 1];
        for (int p = 0; p < levelPairs.size(); p++) {
            int row = (int) (levelPairs.key(p) >>> 32);
            total[row] += counts[p];
            removed[row] += Math.min(counts[p], discount);
            start[row + 1]++;
        }
        for (int row = 0; row < rows; row++) {
            start[row + 1] += start[row];
        }

        // Group the types by context row (a counting sort), keeping each row's running sum.
        int[] fill = Arrays.copyOf(start, rows);
        double[] levelKept = new double[levelPairs.size()];
        int[] tokens = new int[levelPairs.size()];
        double[] cumulative = new double[levelPairs.size()];
        for (int p = 0; p < levelPairs.size(); p++) {
            long key = levelPairs.key(p);
            int row = (int) (key >>> 32);
            levelKept[p] = Math.max(counts[p] - discount, 0) / total[row];
            int slot = fill[row]++;
            tokens[slot] = (int) key;
            cumulative[slot] = levelKept[p];
        }
        double[] levelBackoff = new double[rows];
        for (int row = 0; row < rows; row++) {
            for (int i = start[row] + 1; i < start[row + 1]; i++) {
                cumulative[i] += cumulative[i - 1];
            }
            levelBackoff[row] = total[row] > 0 ? removed[row] / total[row] : 1;
        }
        kept[level - 1] = levelKept;
        backoff[level - 1] = levelBackoff;
        rowStart[level - 1] = start;
        seenTokens[level - 1] = tokens;
        seenCumulative[level - 1] = cumulative;
    }

    /** log sum_v p(v | g)^(1/T) for every context g of one order, summed over all of V. */
    private void normalise(int level) {
        LongIndex levelContexts = contexts[level - 1];
        double[] norms = new double[levelContexts.size() + 1];
        double[] distribution = new double[outcomes + 1];
        int[] history = new int[order - 1];
        for (int row = 0; row < norms.length; row++) {
            int[] context = decode(levelContexts, row - 1);
            Arrays.fill(history, NgramVocabulary.BEGIN);
            System.arraycopy(context, 0, history, history.length - context.length,
                context.length);
            fill(history, level, distribution);
            double sum = 0;
            for (int token = 1; token <= outcomes; token++) {
                sum += Math.pow(distribution[token], power);
            }
            norms[row] = Math.log(sum);
        }
        logNorm[level - 1] = norms;
    }

    /**
     * The rows of the history's contexts at orders 1 ... n, stopping at the first order whose
     * context training never met (no higher order can have met it either); returns how many
     * orders were found, at least 1 because the empty context always has the end marker.
     */
    private int findRows(int[] history, int[] rows) {
        for (int level = 1; level <= order; level++) {
            int context = -1;
            for (int i = history.length - (level - 1); i < history.length; i++) {
                context = contexts[level - 1].find(NgramModel.chainKey(context, history[i]));
                if (context < 0) {
                    return level - 1;
                }
            }
            rows[level - 1] = context + 1;
        }
        return order;
    }

    /** p(token | history) at T = 1, from the uniform up through {@code levels} orders. */
    private double probability(int[] rows, int levels, int token) {
        double p = 1.0 / outcomes;
        for (int level = 1; level <= levels; level++) {
            int pair = pairs[level - 1].find(NgramModel.pairKey(rows[level - 1] - 1, token));
            double own = pair < 0 ? 0 : kept[level - 1][pair];
            p = own + backoff[level - 1][rows[level - 1]] * p;
        }
        return p;
    }

    /** Writes p(v | history) at T = 1 for every v into {@code into[1 ... |V|]}. */
    private void fill(int[] history, int maxLevel, double[] into) {
        int[] rows = new int[order];
        int levels = Math.min(findRows(history, rows), maxLevel);
        Arrays.fill(into, 1.0 / outcomes);
        into[NgramVocabulary.BEGIN] = 0;
        for (int level = 1; level <= levels; level++) {
            int row = rows[level - 1];
            double gamma = backoff[level - 1][row];
            for (int token = 1; token <= outcomes; token++) {
                into[token] *= gamma;
            }
            int from = rowStart[level - 1][row];
            int to = rowStart[level - 1][row + 1];
            for (int i = from; i < to; i++) {
                double own = seenCumulative[level - 1][i] - (i == from ? 0
                    : seenCumulative[level - 1][i - 1]);
                into[seenTokens[level - 1][i]] += own;
            }
        }
    }

    /** log p_T(token | history) in nats. */
    double logConditional(int[] history, int token) {
        int[] rows = new int[order];
        int levels = findRows(history, rows);
        double logP = Math.log(probability(rows, levels, token));
        if (power == 1) {
            return logP;
        }
        return power * logP - logNorm[levels - 1][rows[levels - 1]];
    }

    /** One draw from p_T(. | history). */
    int draw(int[] history, RandomGenerator random) {
        if (power != 1) {
            return drawTempered(history, random);
        }
        // At T = 1 the interpolation is a mixture: keep a seen continuation of the deepest
        // context with its kept mass, else fall to the order below, and at the bottom draw
        // uniformly.
        int[] rows = new int[order];
        int levels = findRows(history, rows);
        for (int level = levels; level >= 1; level--) {
            int row = rows[level - 1];
            int from = rowStart[level - 1][row];
            int to = rowStart[level - 1][row + 1];
            if (to == from) {
                continue;
            }
            double[] cumulative = seenCumulative[level - 1];
            double u = random.nextDouble();
            if (u < cumulative[to - 1]) {
                int index = Arrays.binarySearch(cumulative, from, to, u);
                index = index >= 0 ? index + 1 : -index - 1;
                return seenTokens[level - 1][Math.min(index, to - 1)];
            }
        }
        return 1 + random.nextInt(outcomes);
    }

    /** Inverse CDF over all of V of p(v | history)^(1/T): O(n |V|) per draw. */
    private int drawTempered(int[] history, RandomGenerator random) {
        double[] distribution = new double[outcomes + 1];
        fill(history, order, distribution);
        double sum = 0;
        for (int token = 1; token <= outcomes; token++) {
            distribution[token] = Math.pow(distribution[token], power);
            sum += distribution[token];
        }
        double u = random.nextDouble() * sum;
        double running = 0;
        for (int token = 1; token <= outcomes; token++) {
            running += distribution[token];
            if (u < running) {
                return token;
            }
        }
        return outcomes;
    }
}
