package org.collapselab.model.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.collapselab.model.TrainingSet;
import org.collapselab.model.VaeFamily;
import org.collapselab.model.VaeModel;
import org.collapselab.model.VaeOptions;

/**
 * Training and inference speed of the {@code vae} family on the CPU backend: 4-D correlated
 * Gaussian rows (the size of the Iris data), the spec's default network (hidden [32, 32], latent
 * 2, batch 32), n = 100 and n = 1,000 rows, 20 epochs a fit.
 *
 * <p>Training speed is rows times epochs over the median wall time of {@link #RUNS} fits after
 * {@link #WARM_UP} unmeasured ones (the first also pays ND4J's start-up). Sampling speed is
 * samples per second over 100,000 samples; density speed is importance-sampled log-densities
 * per second (k = 64) over 2,000 points.
 *
 * <p>What would make the numbers lie: a cold JIT or a first ND4J call (hence the warm-up), other
 * processes on the same cores, and ND4J's own threads (OMP_NUM_THREADS), which compete with the
 * run's cell threads when several cells train at once. Steps on batches this small are dominated
 * by DL4J's per-step overhead, not by arithmetic, so time grows with the number of steps
 * (rows / batch x epochs) more than with the width.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes:$(cat target/runtime.classpath)
 * org.collapselab.model.bench.VaeBenchmark}. Not a test; it asserts nothing.
 */
public final class VaeBenchmark {

    private static final int WARM_UP = 2;
    private static final int RUNS = 5;
    private static final int EPOCHS = 20;

    private VaeBenchmark() {
    }

    public static void main(String[] args) {
        VaeOptions options = VaeOptions.of(List.of(32, 32), 2, EPOCHS, 32, 0.005);
        for (int n : new int[] {100, 1000}) {
            List<double[]> rows = rows(n, 1);
            VaeFamily family = new VaeFamily(options);
            double[] seconds = new double[RUNS];
            VaeModel model = null;
            for (int run = -WARM_UP; run < RUNS; run++) {
                long start = System.nanoTime();
                model = family.fit(TrainingSet.of(rows), new SplittableRandom(run + 10));
                if (run >= 0) {
                    seconds[run] = (System.nanoTime() - start) / 1e9;
                }
            }
            Arrays.sort(seconds);
            double median = seconds[RUNS / 2];
            int steps = (n + options.batch() - 1) / options.batch() * EPOCHS;
            System.out.printf("fit n=%d, %d epochs (%d steps): median %.3f s, %.0f rows/s,"
                + " %.2f ms a step%n", n, EPOCHS, steps, median, n * EPOCHS / median,
                1000 * median / steps);
            measureInference(model);
        }
    }

    private static void measureInference(VaeModel model) {
        SplittableRandom random = new SplittableRandom(3);
        model.sample(10_000, random);
        long start = System.nanoTime();
        model.sample(100_000, random);
        double sampling = (System.nanoTime() - start) / 1e9;
        List<double[]> points = rows(2000, 2);
        for (int i = 0; i < 200; i++) {
            model.logDensity(points.get(i));
        }
        start = System.nanoTime();
        for (double[] x : points) {
            model.logDensity(x);
        }
        double density = (System.nanoTime() - start) / 1e9;
        System.out.printf("  sampling %.0f samples/s; log-density (k=%d) %.0f points/s%n",
            100_000 / sampling, model.importanceSamples(), points.size() / density);
    }

    private static List<double[]> rows(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double a = random.nextGaussian();
            double b = 0.9 * a + 0.44 * random.nextGaussian();
            out.add(new double[] {5.8 + 0.8 * a, 3.0 + 0.4 * random.nextGaussian(),
                3.8 + 1.7 * b, 1.2 + 0.7 * b});
        }
        return out;
    }
}
