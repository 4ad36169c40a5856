package org.collapselab.metric;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.collapselab.data.RealData;
import org.collapselab.model.NgramOptions.Unit;

/**
 * Everything about a cell's real lines that the text metrics reuse at every generation,
 * computed once: the probe's character and word n-gram counts, its word types and its rarest
 * words, and its length in characters.
 */
public final class TextReference {

    private final RealData<String> real;
    private final List<String> probe;
    /** Model lines drawn per generation for the sample-based metrics. */
    private final int evaluationSamples;
    /** Probe counts of character unigrams and bigrams, word unigrams and bigrams. */
    private final Map<String, Long> charUnigrams;
    private final Map<String, Long> charBigrams;
    private final Map<String, Long> wordUnigrams;
    private final Map<String, Long> wordBigrams;
    /** The probe's rarest word types ({@link TextMetrics#rareWords}). */
    private final Set<String> rareWords;
    /** Characters (code points) of the probe plus one line end per line. */
    private final long probeCharacters;

    public TextReference(RealData<String> real, int evaluationSamples) {
        this.real = real;
        this.probe = real.probe();
        if (probe.isEmpty()) {
            throw new IllegalArgumentException("text metrics: the probe is empty");
        }
        this.evaluationSamples = evaluationSamples;
        this.charUnigrams = TextMetrics.ngramCounts(probe, Unit.CHAR, 1);
        this.charBigrams = TextMetrics.ngramCounts(probe, Unit.CHAR, 2);
        this.wordUnigrams = TextMetrics.ngramCounts(probe, Unit.WORD, 1);
        this.wordBigrams = TextMetrics.ngramCounts(probe, Unit.WORD, 2);
        this.rareWords = TextMetrics.rareWords(probe);
        this.probeCharacters = probe.stream().mapToLong(TextReference::characters).sum();
    }

    /** The code points of a line plus one for its end: what a per-character rate divides by. */
    public static long characters(String line) {
        return line.codePointCount(0, line.length()) + 1L;
    }

    public RealData<String> real() {
        return real;
    }

    public List<String> probe() {
        return probe;
    }

    public int evaluationSamples() {
        return evaluationSamples;
    }

    /** The probe's counts of n-grams (n = 1, 2) of the unit. */
    public Map<String, Long> probeCounts(Unit unit, int n) {
        if (n == 1) {
            return unit == Unit.CHAR ? charUnigrams : wordUnigrams;
        }
        return unit == Unit.CHAR ? charBigrams : wordBigrams;
    }

    /** The probe's word types. */
    public Set<String> probeWords() {
        return wordUnigrams.keySet();
    }

    public Set<String> rareWords() {
        return rareWords;
    }

    public long probeCharacters() {
        return probeCharacters;
    }
}
