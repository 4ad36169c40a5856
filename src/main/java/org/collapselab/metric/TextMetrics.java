package org.collapselab.metric;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.collapselab.model.NgramModel;
import org.collapselab.model.NgramOptions.Unit;

/**
 * Text metrics of model samples against the real probe, one line per sample.
 *
 * <p>Tokens: a character is one Unicode code point, a word one run of non-whitespace characters.
 * An n-gram (n = 1, 2) is n consecutive tokens within one line; no begin or end markers are added
 * and no n-gram crosses a line boundary.
 */
public final class TextMetrics {

    /** The add-epsilon pseudo-count of {@link #compare}, Jeffreys' 1/2. */
    public static final double DEFAULT_EPSILON = 0.5;
    /** The share of the probe's word types that counts as its rarest (see {@link #rareWords}). */
    public static final double RARE_SHARE = 0.1;
    /** Joins the two tokens of a bigram key; a control character absent from ordinary text. */
    private static final String BIGRAM_JOIN = "\u0001";

    private TextMetrics() {
    }

    /** KL in both directions between the samples' distribution q and the probe's p, in nats. */
    public record Divergence(double klQp, double klPq) {
    }

    /**
     * Every metric of {@link #compare}.
     *
     * @param charUnigram KL between character unigram distributions
     * @param charBigram KL between character bigram distributions
     * @param wordUnigram KL between word unigram distributions
     * @param wordBigram KL between word bigram distributions
     * @param distinct1 distinct-1 of the samples' words
     * @param distinct2 distinct-2 of the samples' words
     * @param vocabularyCoverage share of the probe's word types the samples produce
     * @param rareMass share of the samples' words that are rare probe words
     * @param probeRareMass the same share in the probe itself, the value without collapse
     */
    public record TextComparison(Divergence charUnigram, Divergence charBigram,
            Divergence wordUnigram, Divergence wordBigram, double distinct1, double distinct2,
            double vocabularyCoverage, double rareMass, double probeRareMass) {
    }

    /** All metrics of this class, with the given add-epsilon pseudo-count. */
    public static TextComparison compare(List<String> samples, List<String> probe,
            double epsilon) {
        Set<String> rare = rareWords(probe);
        return new TextComparison(
            divergence(samples, probe, Unit.CHAR, 1, epsilon),
            divergence(samples, probe, Unit.CHAR, 2, epsilon),
            divergence(samples, probe, Unit.WORD, 1, epsilon),
            divergence(samples, probe, Unit.WORD, 2, epsilon),
            distinctN(samples, 1), distinctN(samples, 2),
            vocabularyCoverage(samples, probe),
            massOn(samples, rare), massOn(probe, rare));
    }

    private static Divergence divergence(List<String> samples, List<String> probe, Unit unit,
            int n, double epsilon) {
        Map<String, Long> q = ngramCounts(samples, unit, n);
        Map<String, Long> p = ngramCounts(probe, unit, n);
        return new Divergence(kl(q, p, epsilon), kl(p, q, epsilon));
    }

    /** The tokens of one line. */
    public static List<String> tokens(String line, Unit unit) {
        if (unit == Unit.CHAR) {
            return line.codePoints().mapToObj(Character::toString).toList();
        }
        String trimmed = line.strip();
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+"));
    }

    /** The counts of the n-grams (n = 1 or 2) of the lines; a bigram's key joins its tokens. */
    public static Map<String, Long> ngramCounts(List<String> lines, Unit unit, int n) {
        if (n != 1 && n != 2) {
            throw new IllegalArgumentException("text metrics: n must be 1 or 2, found " + n);
        }
        Map<String, Long> counts = new HashMap<>();
        for (String line : lines) {
            List<String> tokens = tokens(line, unit);
            for (int i = 0; i + n <= tokens.size(); i++) {
                String key = n == 1 ? tokens.get(i)
                    : tokens.get(i) + BIGRAM_JOIN + tokens.get(i + 1);
                counts.merge(key, 1L, Long::sum);
            }
        }
        return counts;
    }

    /**
     * KL(P || Q) = sum_x p(x) log(p(x) / q(x)) in nats between add-epsilon estimates over the
     * union U of both key sets: p(x) = (c_P(x) + eps) / (N_P + eps |U|), likewise q. With
     * eps = 0 it is the plain plug-in estimate, infinite when Q misses a key of P. The terms are
     * added with compensation (DoubleStream.sum).
     *
     * @param epsilon the pseudo-count, finite and >= 0
     */
    public static double kl(Map<String, Long> p, Map<String, Long> q, double epsilon) {
        if (!(epsilon >= 0 && epsilon < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("text metrics: epsilon must be finite and >= 0,"
                + " found " + epsilon);
        }
        Set<String> union = new HashSet<>(p.keySet());
        union.addAll(q.keySet());
        double normP = total(p) + epsilon * union.size();
        double normQ = total(q) + epsilon * union.size();
        List<Double> terms = new ArrayList<>(union.size());
        for (String key : union) {
            double px = (p.getOrDefault(key, 0L) + epsilon) / normP;
            double qx = (q.getOrDefault(key, 0L) + epsilon) / normQ;
            if (px > 0) {
                terms.add(px * Math.log(px / qx));
            }
        }
        return terms.stream().mapToDouble(Double::doubleValue).sum();
    }

    private static double total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * distinct-n (Li et al., A Diversity-Promoting Objective Function for Neural Conversation
     * Models, NAACL 2016): the number of distinct word n-grams in the samples over the number of
     * word n-grams in them; NaN when they hold no n-gram.
     */
    public static double distinctN(List<String> samples, int n) {
        Map<String, Long> counts = ngramCounts(samples, Unit.WORD, n);
        double total = total(counts);
        return total == 0 ? Double.NaN : counts.size() / total;
    }

    /**
     * The share of the probe's word types that occur at least once among the samples' words:
     * |types(samples) and types(probe)| / |types(probe)|; NaN for a probe without words.
     */
    public static double vocabularyCoverage(List<String> samples, List<String> probe) {
        Set<String> probeTypes = ngramCounts(probe, Unit.WORD, 1).keySet();
        if (probeTypes.isEmpty()) {
            return Double.NaN;
        }
        Set<String> sampleTypes = ngramCounts(samples, Unit.WORD, 1).keySet();
        long kept = probeTypes.stream().filter(sampleTypes::contains).count();
        return (double) kept / probeTypes.size();
    }

    /**
     * The probe's rarest word types: its word types sorted by probe count, ascending, ties broken
     * by the types' text (String order), and the first ceil({@link #RARE_SHARE} * types) of them.
     * With many types seen once, the set is a deterministic subset of the hapaxes.
     */
    public static Set<String> rareWords(List<String> probe) {
        Map<String, Long> counts = ngramCounts(probe, Unit.WORD, 1);
        int size = (int) Math.ceil(RARE_SHARE * counts.size());
        Comparator<Map.Entry<String, Long>> byRarity = Map.Entry.<String, Long>comparingByValue()
            .thenComparing(Map.Entry.comparingByKey());
        Set<String> rare = new HashSet<>();
        counts.entrySet().stream().sorted(byRarity).limit(size)
            .forEach(entry -> rare.add(entry.getKey()));
        return rare;
    }

    /**
     * The probability mass the lines put on a set of words: the share of their word tokens that
     * belong to it, the plug-in estimate of q(rare) when the lines are model samples; NaN for
     * lines without words.
     */
    public static double massOn(List<String> lines, Set<String> words) {
        long hits = 0;
        long total = 0;
        for (String line : lines) {
            for (String token : tokens(line, Unit.WORD)) {
                total++;
                hits += words.contains(token) ? 1 : 0;
            }
        }
        return total == 0 ? Double.NaN : (double) hits / total;
    }

    /**
     * The probe's perplexity per token under a fitted n-gram model,
     * exp(-sum_lines log q(line) / sum_lines (tokens(line) + 1)), where log q includes the end
     * marker and the + 1 counts it as a token. Both sums are compensated (DoubleStream.sum).
     */
    public static double probePerplexity(NgramModel model, List<String> probe) {
        if (probe.isEmpty()) {
            throw new IllegalArgumentException("text metrics: the probe is empty");
        }
        double logProbability = probe.stream().mapToDouble(model::logDensity).sum();
        long tokens = probe.stream().mapToLong(model::tokenCount).sum();
        return Math.exp(-logProbability / tokens);
    }
}
