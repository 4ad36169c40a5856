package org.collapselab.model.bench;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.collapselab.data.TextCorpus;
import org.collapselab.model.CharLstmFamily;
import org.collapselab.model.CharLstmModel;
import org.collapselab.model.CharLstmOptions;
import org.collapselab.model.TrainingSet;

/**
 * Training, sampling and scoring speed of the {@code char-lstm} family on the CPU backend, on the
 * first {@link #LINES} Europarl lines cut to {@link #MAX_LENGTH} characters: one LSTM layer of
 * 64 units, batch 32, truncated BPTT over 50 characters, one epoch a fit.
 *
 * <p>Training speed is characters (end markers included) per second over the median of
 * {@link #RUNS} fits after one unmeasured fit, which also pays ND4J's start-up. Sampling speed is
 * characters per second over 256 lines drawn side by side; scoring speed is characters per
 * second of {@code logDensities} over the training lines.
 *
 * <p>What would make the numbers lie: other processes on the same cores (the figures are wall
 * clock), ND4J's own threads (OMP_NUM_THREADS) competing with each other, and the line lengths:
 * a minibatch is padded to its longest line, so ragged batches waste steps.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes:$(cat target/runtime.classpath)
 * org.collapselab.model.bench.CharLstmBenchmark}. Not a test; it asserts nothing.
 */
public final class CharLstmBenchmark {

    private static final int LINES = 500;
    private static final int MAX_LENGTH = 200;
    private static final int RUNS = 3;

    private CharLstmBenchmark() {
    }

    public static void main(String[] args) {
        List<String> corpus = TextCorpus.europarl(new TextCorpus.Options(LINES, false)).stream()
            .map(line -> line.length() > MAX_LENGTH ? line.substring(0, MAX_LENGTH) : line)
            .toList();
        long characters = corpus.stream().mapToLong(line -> line.length() + 1).sum();
        CharLstmOptions options = new CharLstmOptions(List.of(64), 1, 32, 0.005, 50, 1.0,
            MAX_LENGTH);
        CharLstmFamily family = new CharLstmFamily(options);
        CharLstmModel model = family.fit(TrainingSet.of(corpus), new SplittableRandom(1));
        double[] seconds = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            model = family.fit(TrainingSet.of(corpus), new SplittableRandom(run + 2));
            seconds[run] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        double fit = seconds[RUNS / 2];
        System.out.printf("corpus: %d lines, %d characters with end markers, |V| = %d%n",
            corpus.size(), characters, model.vocabularySize());
        System.out.printf("fit, 1 epoch: median %.2f s, %.0f characters/s%n", fit,
            characters / fit);

        long start = System.nanoTime();
        List<String> samples = model.sample(256, new SplittableRandom(7));
        double sampling = (System.nanoTime() - start) / 1e9;
        long sampled = samples.stream().mapToLong(line -> line.length() + 1).sum();
        System.out.printf("sampling: 256 lines, %d characters in %.2f s, %.0f characters/s%n",
            sampled, sampling, sampled / sampling);

        start = System.nanoTime();
        double[] logDensities = model.logDensities(corpus);
        double scoring = (System.nanoTime() - start) / 1e9;
        double nll = -Arrays.stream(logDensities).sum() / characters;
        System.out.printf("scoring: %.0f characters/s; per-character NLL after 1 epoch %.3f"
            + " (uniform: %.3f)%n", characters / scoring, nll, Math.log(model.vocabularySize()));
    }
}
