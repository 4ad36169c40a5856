package org.collapselab.metric;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.collapselab.data.RealSyntheticClassifier;
import org.collapselab.data.SampleFeatures;
import org.collapselab.model.GenerativeModel;
import org.collapselab.model.NgramOptions.Unit;
import org.collapselab.model.TokenizedModel;

/**
 * The registry of text metrics, for runs on {@code data.source: text}, in the order they are
 * computed (later ones read earlier ones' values) and written as columns. Notation: p the real
 * distribution of lines, q_t generation t's model; every metric needs only
 * {@link GenerativeModel#sample} and, for the likelihood metrics,
 * {@link GenerativeModel#logDensity} of whole lines, so any {@code GenerativeModel<String>} gets
 * them all.
 *
 * <p>The divergences are plug-in estimates between the n-gram counts of {@code metrics.samples}
 * model lines and of the probe, with Jeffreys' pseudo-count 1/2 on every n-gram of the union
 * ({@link TextMetrics#kl}). {@code kl_qp} and {@code kl_pq}, the primary pair that the numeric
 * runs fill too, are taken between character bigram distributions: a character model's samples
 * cover them well with a few hundred lines, where word distributions would be mostly pseudo-count.
 */
public final class TextMetricSet {

    public static final String KL_QP = Metrics.KL_QP;
    public static final String KL_PQ = Metrics.KL_PQ;
    public static final String NLL = Metrics.NLL;
    public static final String PERPLEXITY = "perplexity";
    public static final String FIDELITY_LOSS = Metrics.FIDELITY_LOSS;
    public static final String LOG_Q = Metrics.LOG_Q;
    public static final String DISTINCT_1 = "distinct_1";
    public static final String DISTINCT_2 = "distinct_2";
    public static final String VOCAB_COVERAGE = "vocab_coverage";
    public static final String TAIL_MASS = Metrics.TAIL_MASS;
    public static final String C2ST_AUC = Metrics.C2ST_AUC;

    private static final List<TextMetric> ALL = List.of(
        new Divergence(KL_QP, true, Unit.CHAR, 2),
        new Divergence(KL_PQ, false, Unit.CHAR, 2),
        new Divergence("kl_qp_char1", true, Unit.CHAR, 1),
        new Divergence("kl_pq_char1", false, Unit.CHAR, 1),
        new Divergence("kl_qp_word1", true, Unit.WORD, 1),
        new Divergence("kl_pq_word1", false, Unit.WORD, 1),
        new Divergence("kl_qp_word2", true, Unit.WORD, 2),
        new Divergence("kl_pq_word2", false, Unit.WORD, 2),
        new Nll(), new Perplexity(), new FidelityLoss(), new LogQuality(),
        new Distinct(DISTINCT_1, 1), new Distinct(DISTINCT_2, 2), new VocabularyCoverage(),
        new TailMass(), new ClassifierTwoSample());

    private TextMetricSet() {
    }

    /** Every text metric, in computation order. */
    public static List<TextMetric> all() {
        return ALL;
    }

    /** Metric names and descriptions, for {@code collapse list}. */
    public static Map<String, String> catalogue() {
        Map<String, String> out = new LinkedHashMap<>();
        for (TextMetric m : ALL) {
            out.put(m.name(), m.description());
        }
        return out;
    }

    /** The CSV columns the metrics write, in order (estimator columns after their value). */
    public static List<String> columns() {
        List<String> out = new ArrayList<>();
        for (TextMetric m : ALL) {
            out.add(m.name());
            if (m.estimated()) {
                out.add(m.name() + "_estimator");
            }
        }
        return out;
    }

    /** The text metrics a spec computes when it does not say: all but those on request. */
    public static List<String> defaults() {
        return ALL.stream().map(TextMetric::name)
            .filter(name -> !Metrics.ON_REQUEST.contains(name)).toList();
    }

    /** The columns of a run that computes {@code include}, on-request metrics only if named. */
    public static List<String> columns(List<String> include) {
        return columns().stream().filter(column -> !Metrics.ON_REQUEST.contains(column)
            || include.contains(column)).toList();
    }

    /** The included metrics plus what they are computed from. */
    public static Set<String> closure(List<String> include) {
        Set<String> out = new HashSet<>(include);
        if (out.contains(LOG_Q)) {
            out.add(FIDELITY_LOSS);
        }
        if (out.contains(FIDELITY_LOSS)) {
            out.add(NLL);
        }
        return out;
    }

    /** The plug-in KL between the samples' and the probe's n-gram distributions. */
    private record Divergence(String name, boolean modelFirst, Unit unit, int n)
            implements TextMetric {

        public String description() {
            String what = (unit == Unit.CHAR ? "character " : "word ")
                + (n == 1 ? "unigram" : "bigram") + " distributions of model lines and probe";
            return (modelFirst ? "KL(q_t || p)" : "KL(p || q_t)") + " between the " + what
                + " (plug-in, pseudo-count 1/2)";
        }

        public boolean estimated() {
            return true;
        }

        public void measure(TextMeasurement m, MetricRow row) {
            Map<String, Long> q = m.sampleCounts(unit, n);
            Map<String, Long> p = m.reference().probeCounts(unit, n);
            double value = modelFirst ? TextMetrics.kl(q, p, TextMetrics.DEFAULT_EPSILON)
                : TextMetrics.kl(p, q, TextMetrics.DEFAULT_EPSILON);
            row.putEstimate(name, value, "plug-in-" + unit.name().toLowerCase(java.util.Locale.ROOT)
                + (n == 1 ? "-unigram" : "-bigram"));
        }
    }

    /** The probe's negative log-likelihood per character. */
    private static final class Nll implements TextMetric {
        public String name() {
            return NLL;
        }

        public String description() {
            return "negative log-likelihood of the probe under q_t, nats per character (line end "
                + "counted as one), whatever the model's token";
        }

        public boolean estimated() {
            return true;
        }

        /** -sum_lines log q(line) / sum_lines (characters(line) + 1). */
        public void measure(TextMeasurement m, MetricRow row) {
            GenerativeModel<String> q = m.model();
            if (!q.hasDensity()) {
                return;
            }
            row.putEstimate(NLL, -m.probeLogProbability() / m.reference().probeCharacters(),
                "probe-per-char");
        }
    }

    /** The probe's perplexity per model token. */
    private static final class Perplexity implements TextMetric {
        public String name() {
            return PERPLEXITY;
        }

        public String description() {
            return "probe perplexity under q_t: exp of the nats per model token (a word for word "
                + "models), or per character for models that do not say their tokens";
        }

        public boolean estimated() {
            return true;
        }

        /** exp(-sum_lines log q(line) / sum_lines tokens(line)), the line end a token. */
        public void measure(TextMeasurement m, MetricRow row) {
            GenerativeModel<String> q = m.model();
            if (!q.hasDensity()) {
                return;
            }
            double logProbability = m.probeLogProbability();
            if (q instanceof TokenizedModel tokenized) {
                long tokens = m.reference().probe().stream().mapToLong(tokenized::tokenCount)
                    .sum();
                row.putEstimate(PERPLEXITY, Math.exp(-logProbability / tokens), "per-token");
            } else {
                row.putEstimate(PERPLEXITY, Math.exp(-logProbability
                    / m.reference().probeCharacters()), "per-char");
            }
        }
    }

    /** nll_t - nll_0. */
    private static final class FidelityLoss implements TextMetric {
        public String name() {
            return FIDELITY_LOSS;
        }

        public String description() {
            return "fidelity loss nll_t - nll_0 in nats per character (0 at generation 0)";
        }

        public boolean estimated() {
            return false;
        }

        public void measure(TextMeasurement m, MetricRow row) {
            if (!row.has(NLL)) {
                return;
            }
            double base = m.baseline().map(Baseline::nll).orElse(row.get(NLL));
            row.put(FIDELITY_LOSS, row.get(NLL) - base);
        }
    }

    /** log Q_t = -fidelity_loss. */
    private static final class LogQuality implements TextMetric {
        public String name() {
            return LOG_Q;
        }

        public String description() {
            return "quality log Q_t = -fidelity_loss (log Q_0 = 0), what the collapse law fits";
        }

        public boolean estimated() {
            return false;
        }

        public void measure(TextMeasurement m, MetricRow row) {
            if (row.has(FIDELITY_LOSS)) {
                row.put(LOG_Q, 0.0 - row.get(FIDELITY_LOSS));
            }
        }
    }

    /** distinct-n of the samples' words. */
    private record Distinct(String name, int n) implements TextMetric {
        public String description() {
            return "distinct-" + n + ": distinct word " + (n == 1 ? "unigrams" : "bigrams")
                + " over all word " + (n == 1 ? "unigrams" : "bigrams") + " in the model lines";
        }

        public boolean estimated() {
            return false;
        }

        public void measure(TextMeasurement m, MetricRow row) {
            Map<String, Long> counts = m.sampleCounts(Unit.WORD, n);
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            row.put(name, total == 0 ? Double.NaN : (double) counts.size() / total);
        }
    }

    /** The share of the probe's word types that the samples produce. */
    private static final class VocabularyCoverage implements TextMetric {
        public String name() {
            return VOCAB_COVERAGE;
        }

        public String description() {
            return "share of the probe's word types that the model lines still produce";
        }

        public boolean estimated() {
            return false;
        }

        public void measure(TextMeasurement m, MetricRow row) {
            Set<String> produced = m.sampleCounts(Unit.WORD, 1).keySet();
            Set<String> real = m.reference().probeWords();
            long kept = real.stream().filter(produced::contains).count();
            row.put(VOCAB_COVERAGE, real.isEmpty() ? Double.NaN : (double) kept / real.size());
        }
    }

    /** The samples' mass on the probe's rarest words. */
    private static final class TailMass implements TextMetric {
        public String name() {
            return TAIL_MASS;
        }

        public String description() {
            return "share of the model lines' words that are among the rarest 10% of the probe's "
                + "word types";
        }

        public boolean estimated() {
            return false;
        }

        public void measure(TextMeasurement m, MetricRow row) {
            Map<String, Long> counts = m.sampleCounts(Unit.WORD, 1);
            long total = 0;
            long rare = 0;
            for (Map.Entry<String, Long> entry : counts.entrySet()) {
                total += entry.getValue();
                rare += m.reference().rareWords().contains(entry.getKey()) ? entry.getValue() : 0;
            }
            row.put(TAIL_MASS, total == 0 ? Double.NaN : (double) rare / total);
        }
    }

    /** The classifier two-sample test between model lines and probe lines. */
    private static final class ClassifierTwoSample implements TextMetric {
        /** The classifier, on character unigram and bigram frequencies. */
        private final RealSyntheticClassifier<String> classifier =
            new RealSyntheticClassifier<>(SampleFeatures.text());

        public String name() {
            return C2ST_AUC;
        }

        public String description() {
            return "classifier two-sample test: held-out AUC of a logistic regression (on "
                + "character unigram and bigram frequencies) telling model lines from probe "
                + "lines (0.5 = indistinguishable); on request";
        }

        public boolean estimated() {
            return false;
        }

        public void measure(TextMeasurement m, MetricRow row) {
            if (!RealSyntheticClassifier.fits(m.reference().probe(), m.samples())) {
                return;
            }
            row.put(C2ST_AUC, classifier.fit(m.reference().probe(), m.samples(), m.metricSeed())
                .auc());
        }
    }
}
