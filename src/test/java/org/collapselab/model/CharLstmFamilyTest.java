package org.collapselab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class CharLstmFamilyTest {

    private static final List<String> WORDS = List.of("the", "cat", "dog", "sat", "ran", "on",
        "a", "mat", "log");

    private static final CharLstmOptions SMALL =
        new CharLstmOptions(List.of(24), 3, 16, 0.02, 20, 1.0, 60);

    /** n lines of two to four words drawn uniformly from {@link #WORDS}. */
    private static List<String> corpus(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int words = 2 + random.nextInt(3);
            StringBuilder line = new StringBuilder();
            for (int w = 0; w < words; w++) {
                line.append(w == 0 ? "" : " ").append(WORDS.get(random.nextInt(WORDS.size())));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static double perCharacterNll(CharLstmModel model, List<String> lines) {
        double[] logDensities = model.logDensities(lines);
        double sum = 0;
        long tokens = 0;
        for (int i = 0; i < lines.size(); i++) {
            sum -= logDensities[i];
            tokens += model.tokenCount(lines.get(i));
        }
        return sum / tokens;
    }

    /**
     * The uniform model over the vocabulary (13 letters and the space, the boundary, UNKNOWN:
     * |V| = 16) pays log 16 = 2.77 nats a character. The corpus is far more predictable: the
     * first letter names the word, so a line of k words carries k log 9 nats plus log 3 for its
     * length; on average 3 log 9 + log 3 = 7.69 nats over 11 outcomes (8 letters, 2 spaces, the
     * end), 0.70 nats a character for the ideal model. After training, the probe pays less than
     * half the uniform price, while the untrained network (same seed) pays within 0.2 nats of
     * it.
     */
    @Test
    void trainingBringsThePerCharacterNllWellBelowTheUniformModel() {
        List<String> training = corpus(400, 1);
        List<String> probe = corpus(100, 2);
        CharLstmOptions options = new CharLstmOptions(List.of(32), 12, 16, 0.02, 30, 1.0, 60);
        CharLstmFamily family = new CharLstmFamily(options);
        CharLstmModel model = family.fit(TrainingSet.of(training), new SplittableRandom(3));
        CharLstmModel untrained = family.untrained(TrainingSet.of(training),
            new SplittableRandom(3));

        assertEquals(16, model.vocabularySize());
        double uniform = Math.log(model.vocabularySize());
        double trained = perCharacterNll(model, probe);
        double start = perCharacterNll(untrained, probe);
        assertTrue(trained < 0.5 * uniform, "trained " + trained + ", uniform " + uniform);
        assertEquals(uniform, start, 0.2, "untrained");
    }

    @Test
    void theSameSeedGivesTheSameModelAndSamplesOnAnyThread() throws Exception {
        List<String> training = corpus(60, 4);
        CharLstmFamily family = new CharLstmFamily(SMALL);
        CharLstmModel first = family.fit(TrainingSet.of(training), new SplittableRandom(9));
        ExecutorService other = Executors.newSingleThreadExecutor();
        CharLstmModel second;
        try {
            // Disturb that thread's ND4J generator first: the fit must reseed it.
            other.submit(() -> Nd4j.getRandom().nextGaussian()).get();
            second = other.submit(() -> family.fit(TrainingSet.of(training),
                new SplittableRandom(9))).get();
        } finally {
            other.shutdown();
        }
        assertEquals(first.sample(30, new SplittableRandom(2)),
            second.sample(30, new SplittableRandom(2)));
        assertEquals(first.logDensity("the cat sat"), second.logDensity("the cat sat"), 0.0);
    }

    /** Padding and masks change nothing: a line scores the same alone or in a batch. */
    @Test
    void batchedDensitiesEqualOneLineAtATime() {
        CharLstmModel model = new CharLstmFamily(SMALL).fit(TrainingSet.of(corpus(60, 5)),
            new SplittableRandom(1));
        List<String> lines = List.of("a", "the dog ran on a mat", "", "cat zz", "on the log");
        double[] batched = model.logDensities(lines);
        for (int i = 0; i < lines.size(); i++) {
            double alone = model.logDensity(lines.get(i));
            assertEquals(alone, batched[i], 1e-9, lines.get(i));
            assertTrue(alone < 0 && Double.isFinite(alone), lines.get(i) + ": " + alone);
        }
        // Every outcome costs something: a longer line of the same prefix is less likely.
        assertTrue(model.logDensity("the dog ran on a mat") < model.logDensity("the"));
    }

    /**
     * Each step's p_T is a distribution over the vocabulary, at any temperature: after the
     * boundary, p_T(END) (the empty line) plus p_T(c) over every character c (UNKNOWN included,
     * as U+FFFD) is 1, and so is the sum over what follows "t". Checked at T = 1 and T = 2, where
     * the temperature's normaliser must be right.
     */
    @Test
    void stepProbabilitiesSumToOneAtAnyTemperature() {
        CharLstmModel fitted = new CharLstmFamily(SMALL).fit(TrainingSet.of(corpus(60, 6)),
            new SplittableRandom(2));
        List<String> characters = new ArrayList<>();
        "acdeghlmnorst \uFFFD".codePoints().forEach(c -> characters.add(Character.toString(c)));
        assertEquals(fitted.vocabularySize() - 1, characters.size());
        for (double temperature : new double[] {1.0, 2.0}) {
            CharLstmModel model = fitted.withTemperature(temperature);
            for (String prefix : List.of("", "t")) {
                int step = prefix.length();
                List<String> lines = new ArrayList<>(List.of(prefix));
                for (String c : characters) {
                    lines.add(prefix + c);
                }
                double[][] steps = model.stepLogProbabilities(lines);
                double total = 0;
                for (double[] line : steps) {
                    total += Math.exp(line[step]);
                }
                assertEquals(1.0, total, 1e-9, "T = " + temperature + ", after '" + prefix + "'");
            }
        }
    }

    /** At a temperature near 0 every step takes its most likely outcome: seeds do not matter. */
    @Test
    void aTemperatureNearZeroSamplesGreedily() {
        CharLstmModel model = new CharLstmFamily(SMALL.withTemperature(1e-4))
            .fit(TrainingSet.of(corpus(60, 7)), new SplittableRandom(3));
        List<String> a = model.sample(5, new SplittableRandom(1));
        List<String> b = model.sample(5, new SplittableRandom(2));
        assertEquals(a, b);
        for (String line : a) {
            assertEquals(a.get(0), line);
        }
    }

    @Test
    void linesOfWeightZeroAddNoCharacters() {
        List<String> lines = List.of("abc", "xyz", "cab");
        CharLstmModel model = new CharLstmFamily(SMALL).fit(
            new TrainingSet<>(lines, new double[] {1, 0, 2}), new SplittableRandom(1));
        // a, b, c plus the boundary and UNKNOWN.
        assertEquals(5, model.vocabularySize());
        assertArrayEquals(new double[] {model.logDensity("x")},
            new double[] {model.logDensity("y")}, 1e-12);
    }
}
