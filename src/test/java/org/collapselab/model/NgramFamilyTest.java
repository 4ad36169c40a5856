package org.collapselab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.collapselab.model.NgramOptions.Unit;
import org.junit.jupiter.api.Test;

class NgramFamilyTest {

    private static final List<String> TINY = List.of("ab", "a");
    private static final List<String> SENTENCES = List.of(
        "the cat sat on the mat", "the dog sat on the log", "a cat and a dog",
        "the mat was red", "on the log the cat slept");

    private static NgramModel fit(List<String> lines, NgramOptions options) {
        return new NgramFamily(options).fit(TrainingSet.of(lines), new SplittableRandom(1));
    }

    @Test
    void addOneBigramProbabilitiesMatchTheHandCount() {
        // V = {a, b, END, UNKNOWN}, |V| = 4. Counts after BEGIN: a 2; after a: b 1, END 1;
        // after b: END 1. p(w | h) = (c(h, w) + 1) / (c(h) + 4).
        NgramModel model = fit(TINY, NgramOptions.of(Unit.CHAR, 2, 1.0));
        assertEquals(4, model.outcomeCount());
        assertEquals(3.0 / 6, model.conditionalProbability(List.of(), "a"), 1e-15);
        assertEquals(1.0 / 6, model.conditionalProbability(List.of(), "b"), 1e-15);
        assertEquals(1.0 / 6, model.endProbability(List.of()), 1e-15);
        assertEquals(2.0 / 6, model.conditionalProbability(List.of("a"), "b"), 1e-15);
        assertEquals(2.0 / 6, model.endProbability(List.of("a")), 1e-15);
        assertEquals(1.0 / 6, model.conditionalProbability(List.of("a"), "z"), 1e-15);
        assertEquals(2.0 / 5, model.endProbability(List.of("b")), 1e-15);
        assertEquals(1.0 / 5, model.conditionalProbability(List.of("b"), "a"), 1e-15);
    }

    @Test
    void logDensityIsTheProductOfConditionalsWithTheEndMarker() {
        NgramModel model = fit(TINY, NgramOptions.of(Unit.CHAR, 2, 1.0));
        // q(ab) = p(a | BEGIN) p(b | a) p(END | b) = 1/2 * 1/3 * 2/5 = 1/15.
        assertEquals(Math.log(1.0 / 15), model.logDensity("ab"), 1e-14);
        // q(z) = p(UNKNOWN | BEGIN) p(END | UNKNOWN), the second from an unseen context: 1/|V|.
        assertEquals(Math.log(1.0 / 6 * 1.0 / 4), model.logDensity("z"), 1e-14);
        assertEquals(3, model.tokenCount("ab"));
    }

    @Test
    void weightsCountAsMultiplicities() {
        NgramOptions options = NgramOptions.of(Unit.WORD, 2, 0.5);
        NgramModel weighted = new NgramFamily(options).fit(
            new TrainingSet<>(SENTENCES, new double[] {2, 1, 0, 3, 1}), new SplittableRandom(1));
        List<String> repeated = List.of(SENTENCES.get(0), SENTENCES.get(0), SENTENCES.get(1),
            SENTENCES.get(3), SENTENCES.get(3), SENTENCES.get(3), SENTENCES.get(4));
        NgramModel copies = fit(repeated, options);
        for (String line : List.of("the cat sat", "a cat and a dog", "zebra on the mat", "")) {
            assertEquals(copies.logDensity(line), weighted.logDensity(line), 1e-12, line);
        }
    }

    @Test
    void continuationsOfEveryContextSumToOne() {
        for (double temperature : new double[] {1.0, 0.5, 2.0}) {
            NgramModel model = fit(SENTENCES,
                NgramOptions.of(Unit.CHAR, 3, 0.1).withTemperature(temperature));
            for (List<String> history : List.of(List.<String>of(), List.of("t"),
                    List.of("t", "h"), List.of("a", " "), List.of("q", "q"))) {
                double sum = model.endProbability(history)
                    + model.conditionalProbability(history, "#");
                for (String token : model.vocabulary()) {
                    sum += model.conditionalProbability(history, token);
                }
                assertEquals(1.0, sum, 1e-12, "T = " + temperature + ", history " + history);
            }
        }
    }

    @Test
    void unseenWordsGetAFiniteLogProbability() {
        NgramModel model = fit(SENTENCES, NgramOptions.of(Unit.WORD, 3, 0.01));
        double logQ = model.logDensity("the zebra sat on the unicorn");
        assertTrue(Double.isFinite(logQ) && logQ < 0, "log q = " + logQ);
    }

    @Test
    void firstTokenFrequenciesFollowTheTemperedConditional() {
        // With max length 1 a sample is its first token, drawn from p_T(. | BEGIN); an empty line
        // is END and the replacement character the unknown bucket.
        for (double temperature : new double[] {1.0, 0.5}) {
            NgramOptions options = new NgramOptions(Unit.CHAR, 2, 0.5, temperature, 1);
            NgramModel model = fit(SENTENCES, options);
            NgramModel plain = fit(SENTENCES, options.withTemperature(1.0));
            Map<String, Double> expected = temperedFirstTokens(plain, temperature);
            assertChiSquareFits(expected, model.sample(20_000, new SplittableRandom(7)));
        }
    }

    /** p_T(w | BEGIN) = p(w | BEGIN)^(1/T) / sum_v p(v | BEGIN)^(1/T), from the T = 1 model. */
    private static Map<String, Double> temperedFirstTokens(NgramModel plain, double temperature) {
        Map<String, Double> weights = new HashMap<>();
        for (String token : plain.vocabulary()) {
            weights.put(token, plain.conditionalProbability(List.of(), token));
        }
        weights.put("", plain.endProbability(List.of()));
        weights.put(NgramModel.UNKNOWN_CHAR,
            plain.conditionalProbability(List.of(), NgramModel.UNKNOWN_CHAR));
        double norm = weights.values().stream().mapToDouble(p -> Math.pow(p, 1 / temperature))
            .sum();
        Map<String, Double> tempered = new HashMap<>();
        weights.forEach((token, p) -> tempered.put(token, Math.pow(p, 1 / temperature) / norm));
        return tempered;
    }

    /**
     * Pearson's chi-square over all outcomes against the 0.999 quantile of chi-square with
     * |V| - 1 degrees of freedom: a correct sampler fails with probability 0.001, and the seed
     * is fixed, so the test is deterministic.
     */
    private static void assertChiSquareFits(Map<String, Double> expected, List<String> samples) {
        Map<String, Integer> observed = new HashMap<>();
        for (String sample : samples) {
            assertTrue(expected.containsKey(sample), "unexpected sample \"" + sample + "\"");
            observed.merge(sample, 1, Integer::sum);
        }
        double statistic = 0;
        for (Map.Entry<String, Double> entry : expected.entrySet()) {
            double mean = entry.getValue() * samples.size();
            double difference = observed.getOrDefault(entry.getKey(), 0) - mean;
            statistic += difference * difference / mean;
        }
        double critical = new ChiSquaredDistribution(expected.size() - 1)
            .inverseCumulativeProbability(0.999);
        assertTrue(statistic < critical, "chi-square " + statistic + " >= " + critical);
    }

    @Test
    void theSameSeedGivesTheSameSamples() {
        NgramModel model = fit(SENTENCES, NgramOptions.of(Unit.WORD, 2, 0.1));
        List<String> first = model.sample(50, new SplittableRandom(11));
        assertEquals(first, model.sample(50, new SplittableRandom(11)));
        assertNotEquals(first, model.sample(50, new SplittableRandom(12)));
    }

    @Test
    void samplesStopAtTheMaxLength() {
        NgramModel model = fit(SENTENCES, new NgramOptions(Unit.WORD, 1, 5.0, 1.0, 4));
        // 27 words, 5 ENDs, 12 types, |V| = 14: p(END) = (5 + 5) / (32 + 70) = 0.098, so about
        // (1 - 0.098)^4 = 66% of the lines reach the cut.
        int cut = 0;
        for (String line : model.sample(200, new SplittableRandom(3))) {
            int words = line.isEmpty() ? 0 : line.split(" ").length;
            assertTrue(words <= 4, "line of " + words + " words: " + line);
            cut += words == 4 ? 1 : 0;
        }
        assertTrue(cut > 0, "no line reached the max length");
    }

    @Test
    void aTrainingSetWithoutPositiveWeightIsRejected() {
        NgramFamily family = new NgramFamily(NgramOptions.of(Unit.CHAR, 2, 1.0));
        TrainingSet<String> zero = new TrainingSet<>(TINY, new double[] {0, 0});
        assertThrows(ModelFitException.class, () -> family.fit(zero, new SplittableRandom(1)));
    }
}
