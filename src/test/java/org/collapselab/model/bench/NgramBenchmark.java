package org.collapselab.model.bench;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.collapselab.data.TextCorpus;
import org.collapselab.metric.TextMetrics;
import org.collapselab.model.NgramFamily;
import org.collapselab.model.NgramModel;
import org.collapselab.model.NgramOptions;
import org.collapselab.model.NgramOptions.Unit;
import org.collapselab.model.TrainingSet;

/**
 * Fit time and sampling speed of the {@code ngram} family on the first 10,000 Europarl lines
 * (about 10 million characters, all languages): a character 3-gram and a word 2-gram, add-k with
 * k = 0.01 and interpolated Kneser-Ney with D = 0.75, temperature 1.
 *
 * <p>Fit time is the median of {@link #RUNS} fits after {@link #WARM_UP} unmeasured ones.
 * Sampling speed is tokens per second over {@link #SAMPLE_LINES} lines, end markers counted as
 * tokens. For orientation it then fits each model on 90% of the lines and prints the probe
 * perplexity of the other 10% and the text metrics of {@link #SAMPLE_LINES} samples against it,
 * the word model with k = 0.01 and with k = 1e-4.
 *
 * <p>What would make the numbers lie: a cold JIT (hence the warm-up), other processes on the same
 * cores (the figures are wall-clock), garbage collection of the previous fit's tables during the
 * next one, and the corpus: Europarl lines are passages of about 1,000 characters in a dozen
 * languages, so the vocabulary, and with it the sampler's search cost, is larger than for one
 * language.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes:$(cat target/runtime.classpath)
 * org.collapselab.model.bench.NgramBenchmark}. Not a test; it asserts nothing.
 */
public final class NgramBenchmark {

    private static final int LINES = 10_000;
    private static final int WARM_UP = 3;
    private static final int RUNS = 5;
    private static final int SAMPLE_LINES = 200;

    private NgramBenchmark() {
    }

    public static void main(String[] args) {
        List<String> corpus = TextCorpus.europarl(new TextCorpus.Options(LINES, false));
        long characters = corpus.stream().mapToLong(String::length).sum();
        System.out.printf("corpus: %d lines, %d chars%n", corpus.size(), characters);
        measure("char 3-gram", NgramOptions.of(Unit.CHAR, 3, 0.01), corpus);
        measure("word 2-gram", NgramOptions.of(Unit.WORD, 2, 0.01), corpus);
        measure("char 3-gram, Kneser-Ney", NgramOptions.kneserNey(Unit.CHAR, 3, 0.75), corpus);
        measure("word 2-gram, Kneser-Ney", NgramOptions.kneserNey(Unit.WORD, 2, 0.75), corpus);
        TextCorpus.Split split = TextCorpus.split(corpus, 0.1, new SplittableRandom(5));
        describe("char 3-gram", NgramOptions.of(Unit.CHAR, 3, 0.01), split);
        describe("word 2-gram", NgramOptions.of(Unit.WORD, 2, 0.01), split);
        describe("word 2-gram, k = 1e-4", NgramOptions.of(Unit.WORD, 2, 1e-4), split);
        describe("word 2-gram, Kneser-Ney D = 0.75", NgramOptions.kneserNey(Unit.WORD, 2, 0.75),
            split);
    }

    private static void describe(String label, NgramOptions options, TextCorpus.Split split) {
        NgramModel model = new NgramFamily(options)
            .fit(TrainingSet.of(split.pool()), new SplittableRandom(6));
        List<String> samples = model.sample(SAMPLE_LINES, new SplittableRandom(7));
        double meanLength = samples.stream().mapToInt(model::tokenCount).average().orElse(0) - 1;
        System.out.printf("%s: probe perplexity %.2f per token, mean sample length %.0f tokens%n",
            label, TextMetrics.probePerplexity(model, split.probe()), meanLength);
        System.out.printf("  %s%n", TextMetrics.compare(samples, split.probe(),
            TextMetrics.DEFAULT_EPSILON));
    }

    private static void measure(String label, NgramOptions options, List<String> corpus) {
        NgramFamily family = new NgramFamily(options);
        TrainingSet<String> training = TrainingSet.of(corpus);
        NgramModel model = null;
        for (int i = 0; i < WARM_UP; i++) {
            model = family.fit(training, new SplittableRandom(i));
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            model = family.fit(training, new SplittableRandom(i));
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double fitSeconds = nanos[RUNS / 2] / 1e9;

        model.sample(SAMPLE_LINES / 10, new SplittableRandom(99));
        long start = System.nanoTime();
        List<String> samples = model.sample(SAMPLE_LINES, new SplittableRandom(100));
        double sampleSeconds = (System.nanoTime() - start) / 1e9;
        long tokens = 0;
        for (String line : samples) {
            tokens += model.tokenCount(line);
        }
        System.out.printf("%s: |V| = %d, fit %.3f s (median of %d), sampling %.0f tokens/s"
            + " (%d tokens in %.3f s)%n", label, model.outcomeCount(), fitSeconds, RUNS,
            tokens / sampleSeconds, tokens, sampleSeconds);
    }
}
