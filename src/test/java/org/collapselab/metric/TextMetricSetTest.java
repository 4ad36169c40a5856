package org.collapselab.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.collapselab.data.RealData;
import org.collapselab.data.Truth;
import org.collapselab.model.GenerativeModel;
import org.collapselab.model.TokenizedModel;
import org.junit.jupiter.api.Test;

/**
 * The text metrics on constructed models whose samples and line probabilities are known, so that
 * every value is a hand computation.
 */
class TextMetricSetTest {

    /** A model that repeats fixed lines and gives every line the same log-probability. */
    private static class FixedModel implements GenerativeModel<String> {
        private final List<String> lines;
        private final double logProbability;

        FixedModel(List<String> lines, double logProbability) {
            this.lines = lines;
            this.logProbability = logProbability;
        }

        @Override
        public List<String> sample(int count, RandomGenerator random) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                out.add(lines.get(i % lines.size()));
            }
            return out;
        }

        @Override
        public boolean hasDensity() {
            return true;
        }

        @Override
        public double logDensity(String line) {
            return logProbability;
        }
    }

    /** The same model, scoring every line as two tokens. */
    private static final class TwoTokenModel extends FixedModel implements TokenizedModel {
        TwoTokenModel(List<String> lines, double logProbability) {
            super(lines, logProbability);
        }

        @Override
        public int tokenCount(String line) {
            return 2;
        }
    }

    private static TextReference reference(List<String> probe, int samples) {
        RealData<String> real = new RealData<>() {
            public List<String> probe() {
                return probe;
            }

            public List<String> draw(int count, RandomGenerator random) {
                return probe.subList(0, count);
            }

            public Optional<Truth<String>> truth() {
                return Optional.empty();
            }

            public int poolSize() {
                return probe.size();
            }
        };
        return new TextReference(real, samples);
    }

    private static MetricRow measure(GenerativeModel<String> model, TextReference reference,
                                     Baseline baseline) {
        TextMeasurement measurement = new TextMeasurement(model, reference, baseline,
            new SplittableRandom(1));
        MetricRow row = new MetricRow();
        for (TextMetric metric : TextMetricSet.all()) {
            metric.measure(measurement, row);
        }
        return row;
    }

    @Test
    void characterBigramKlIsThePlugInValueWithPseudoCountOneHalf() {
        // Samples "ab", "ab": bigram counts q = {ab: 2}; probe "ab", "ba": p = {ab: 1, ba: 1}.
        // Over the union {ab, ba} with pseudo-count 1/2: q = (5/6, 1/6), p = (1/2, 1/2).
        MetricRow row = measure(new FixedModel(List.of("ab"), -2),
            reference(List.of("ab", "ba"), 2), null);

        double qp = 5.0 / 6 * Math.log(5.0 / 3) + 1.0 / 6 * Math.log(1.0 / 3);
        double pq = 0.5 * Math.log(0.6) + 0.5 * Math.log(3);
        assertEquals(qp, row.get("kl_qp"), 1e-15);
        assertEquals(pq, row.get("kl_pq"), 1e-15);
        assertEquals("plug-in-char-bigram", row.text("kl_qp_estimator"));
        // Character unigrams: q = {a: 2, b: 2}, p = {a: 2, b: 2}: the same distribution.
        assertEquals(0.0, row.get("kl_qp_char1"), 1e-15);
    }

    @Test
    void nllIsNatsPerCharacterWithTheLineEndCountedAndPerplexityItsExponent() {
        // Probe "ab", "ba": 2 + 1 characters each, 6 in all; log q = -2 per line, -4 in all.
        TextReference reference = reference(List.of("ab", "ba"), 2);
        MetricRow row = measure(new FixedModel(List.of("ab"), -2), reference, null);

        assertEquals(4.0 / 6, row.get("nll"), 1e-15);
        assertEquals(Math.exp(4.0 / 6), row.get("perplexity"), 1e-12);
        assertEquals("per-char", row.text("perplexity_estimator"));
        assertEquals(0.0, row.get("fidelity_loss"), 0.0);
        assertEquals(0.0, row.get("log_q"), 0.0);
    }

    @Test
    void perplexityOfATokenizedModelIsPerItsOwnToken() {
        // Two tokens per line, 4 in all: exp(4 / 4) = e.
        MetricRow row = measure(new TwoTokenModel(List.of("ab"), -2),
            reference(List.of("ab", "ba"), 2), null);

        assertEquals(Math.E, row.get("perplexity"), 1e-12);
        assertEquals("per-token", row.text("perplexity_estimator"));
    }

    @Test
    void qualityIsMinusTheNllGainedSinceGenerationZero() {
        // nll = 9 / 6 = 1.5 against a baseline of 0.5: fidelity loss 1, log Q = -1.
        MetricRow row = measure(new FixedModel(List.of("ab"), -4.5),
            reference(List.of("ab", "ba"), 2), new Baseline(0.5, Double.NaN));

        assertEquals(1.0, row.get("fidelity_loss"), 1e-15);
        assertEquals(-1.0, row.get("log_q"), 1e-15);
    }

    @Test
    void wordMetricsCountTheSamplesWords() {
        // Probe word types: the (2), cat, sat, dog, ran (1 each); 5 types, so the rarest
        // ceil(0.5) = 1 type: the count-1 types sorted by text, "cat" first.
        // Samples (4 lines): "the cat", "the the", "the cat", "the the": words the x6, cat x2.
        TextReference reference = reference(List.of("the cat sat", "the dog ran"), 4);
        MetricRow row = measure(new FixedModel(List.of("the cat", "the the"), -1), reference,
            null);

        // distinct-1: 2 types over 8 words; distinct-2: {the cat, the the} over 4 bigrams.
        assertEquals(2.0 / 8, row.get("distinct_1"), 1e-15);
        assertEquals(2.0 / 4, row.get("distinct_2"), 1e-15);
        // The samples produce "the" and "cat" of the probe's five types.
        assertEquals(2.0 / 5, row.get("vocab_coverage"), 1e-15);
        // "cat" is 2 of the 8 sample words.
        assertEquals(2.0 / 8, row.get("tail_mass"), 1e-15);
    }

    @Test
    void aModelWithoutDensityLeavesTheLikelihoodColumnsEmpty() {
        GenerativeModel<String> sampler = new FixedModel(List.of("ab"), 0) {
            @Override
            public boolean hasDensity() {
                return false;
            }
        };
        MetricRow row = measure(sampler, reference(List.of("ab", "ba"), 2), null);

        assertFalse(row.has("nll"));
        assertFalse(row.has("log_q"));
        assertTrue(row.has("kl_qp"));
    }

    @Test
    void logQualityPullsInTheLikelihoodItIsComputedFrom() {
        assertEquals(java.util.Set.of("log_q", "fidelity_loss", "nll"),
            TextMetricSet.closure(List.of("log_q")));
    }

    @Test
    void everyMetricHasAColumnAndTheEstimatedOnesAnEstimatorColumn() {
        List<String> columns = TextMetricSet.columns();
        for (TextMetric metric : TextMetricSet.all()) {
            assertTrue(columns.contains(metric.name()), metric.name());
            assertEquals(metric.estimated(), columns.contains(metric.name() + "_estimator"),
                metric.name());
        }
    }
}
