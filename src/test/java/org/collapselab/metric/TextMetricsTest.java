package org.collapselab.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.collapselab.model.NgramFamily;
import org.collapselab.model.NgramModel;
import org.collapselab.model.NgramOptions;
import org.collapselab.model.NgramOptions.Unit;
import org.collapselab.model.TrainingSet;
import org.junit.jupiter.api.Test;

class TextMetricsTest {

    @Test
    void klOfIdenticalDistributionsIsZero() {
        Map<String, Long> counts = TextMetrics.ngramCounts(
            List.of("the cat sat", "the dog"), Unit.WORD, 1);
        assertEquals(0.0, TextMetrics.kl(counts, counts, 0.5), 0.0);
        TextMetrics.TextComparison same = TextMetrics.compare(
            List.of("ab ba", "abc"), List.of("ab ba", "abc"), 0.5);
        assertEquals(0.0, same.charBigram().klQp(), 0.0);
        assertEquals(0.0, same.wordUnigram().klPq(), 0.0);
    }

    @Test
    void klOnATwoTokenVocabularyMatchesTheHandValue() {
        Map<String, Long> p = Map.of("a", 1L, "b", 3L);
        Map<String, Long> q = Map.of("a", 3L, "b", 1L);
        // eps = 0: p = (1/4, 3/4), q = (3/4, 1/4);
        // KL = 1/4 ln(1/3) + 3/4 ln 3 = 1/2 ln 3.
        assertEquals(0.5 * Math.log(3), TextMetrics.kl(p, q, 0.0), 1e-15);
        // eps = 1: p = (2/6, 4/6), q = (4/6, 2/6); KL = 1/3 ln(1/2) + 2/3 ln 2 = 1/3 ln 2.
        assertEquals(Math.log(2) / 3, TextMetrics.kl(p, q, 1.0), 1e-15);
    }

    @Test
    void epsilonSmoothsAKeyMissingFromTheOtherSide() {
        // Union {a, b}, eps = 1: p = (2/3, 1/3) from a:1; q = (1/3, 2/3) from b:1.
        double expected = 2.0 / 3 * Math.log(2) + 1.0 / 3 * Math.log(0.5);
        assertEquals(expected, TextMetrics.kl(Map.of("a", 1L), Map.of("b", 1L), 1.0), 1e-15);
    }

    @Test
    void distinctNCountsDistinctWordNgramsOverAll() {
        List<String> samples = List.of("a b a", "a b");
        // Words a b a a b: 2 distinct of 5. Bigrams (a b) (b a) (a b): 2 distinct of 3; none
        // crosses the line boundary.
        assertEquals(2.0 / 5, TextMetrics.distinctN(samples, 1), 1e-15);
        assertEquals(2.0 / 3, TextMetrics.distinctN(samples, 2), 1e-15);
    }

    @Test
    void vocabularyCoverageIsTheShareOfProbeTypesProduced() {
        assertEquals(2.0 / 4, TextMetrics.vocabularyCoverage(
            List.of("x y q", "y"), List.of("x y z", "w")), 1e-15);
    }

    @Test
    void rareWordsAreTheLeastFrequentTenthOfProbeTypes() {
        // Types a:3 b:2 c:1 d:2 e:1; ceil(0.1 * 5) = 1 type, the rarest, ties by text: c.
        List<String> probe = List.of("a a a b b", "c d d e");
        Set<String> rare = TextMetrics.rareWords(probe);
        assertEquals(Set.of("c"), rare);
        assertEquals(2.0 / 4, TextMetrics.massOn(List.of("c c", "a b"), rare), 1e-15);
        // The probe's own 9 words hold one c.
        assertEquals(1.0 / 9, TextMetrics.massOn(probe, rare), 1e-15);
    }

    @Test
    void probePerplexityIsPerTokenWithTheEndMarker() {
        NgramModel model = new NgramFamily(NgramOptions.of(Unit.CHAR, 2, 1.0))
            .fit(TrainingSet.of(List.of("ab", "a")), new SplittableRandom(1));
        // q(ab) = 1/15 over 3 tokens (a, b, END): perplexity 15^(1/3).
        assertEquals(Math.cbrt(15), TextMetrics.probePerplexity(model, List.of("ab")), 1e-12);
        // Two lines pool their tokens: q(a) = 1/2 * 1/3 over 2 tokens; 90^(1/5) in all.
        assertEquals(Math.pow(90, 1.0 / 5),
            TextMetrics.probePerplexity(model, List.of("ab", "a")), 1e-12);
    }
}
