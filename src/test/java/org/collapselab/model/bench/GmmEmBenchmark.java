package org.collapselab.model.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.apache.commons.math3.distribution.MixtureMultivariateNormalDistribution;
// The one class of this package that is used; its single-type import would pass 100 columns.
import org.apache.commons.math3.distribution.fitting.*;
import org.collapselab.math.Cholesky;
import org.collapselab.model.GmmFamily;
import org.collapselab.model.GmmModel;
import org.collapselab.model.GmmOptions;
import org.collapselab.model.TrainingSet;

/**
 * Fits per second of the {@code gmm} family's EM against Commons Math 3.6.1's
 * {@code MultivariateNormalMixtureExpectationMaximization}, on the case the gmm-replace
 * experiment runs 2050 times: 1000 points in 2-D, k = 2, full covariances, the same tolerance
 * (1e-6 on the mean log-likelihood) and iteration limit (200) for both.
 *
 * <p>Each side starts as it would in use: ours from k-means++ seeds, Commons Math from its own
 * {@code estimate} (data sorted and cut into k blocks). Both sides print the mean log-likelihood
 * they reach, so a faster side that stops at a worse optimum shows it.
 *
 * <p>What would make the numbers lie: a cold JIT (hence the warm-up), other processes on the
 * same cores (the figures are wall-clock), and the data set, since EM's iteration count depends
 * on how far apart the components are; the overlapping case is printed for that reason.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes:$(cat target/runtime.classpath)
 * org.collapselab.model.bench.GmmEmBenchmark}. Not a test; it asserts nothing.
 */
public final class GmmEmBenchmark {

    private static final int POINTS = 1000;
    private static final int MAX_ITERATIONS = 200;
    private static final double TOLERANCE = 1e-6;
    private static final long WARM_UP_NANOS = 1_000_000_000L;
    private static final long MEASURE_NANOS = 2_000_000_000L;

    private GmmEmBenchmark() {
    }

    public static void main(String[] args) {
        report("separated", draw(new double[][] {{-4, 0}, {4, 1}}, 1));
        report("overlapping", draw(new double[][] {{-1, 0}, {1, 0.5}}, 2));
    }

    /** 1000 points, 30% / 70% between two Gaussians with different full covariances. */
    private static double[][] draw(double[][] means, long seed) {
        double[][] covariances = {{1, 0.5, 0.5, 1}, {2, -0.3, -0.3, 0.5}};
        SplittableRandom random = new SplittableRandom(seed);
        double[][] data = new double[POINTS][2];
        for (int i = 0; i < POINTS; i++) {
            int k = random.nextDouble() < 0.3 ? 0 : 1;
            double[] z = {random.nextGaussian(), random.nextGaussian()};
            Cholesky.of(covariances[k], 2).transform(z, means[k], data[i]);
        }
        return data;
    }

    private static void report(String label, double[][] data) {
        List<double[]> rows = new ArrayList<>(List.of(data));
        GmmFamily family = new GmmFamily(
            new GmmOptions(2, GmmOptions.Covariance.FULL, MAX_ITERATIONS, TOLERANCE, 1, 1e-6));
        SplittableRandom seeds = new SplittableRandom(3);
        Supplier<Double> ours = () -> {
            GmmModel model = family.fit(TrainingSet.of(rows), seeds.split());
            return model.meanLogLikelihood();
        };
        Supplier<Double> commonsMath = () -> {
            var em = new MultivariateNormalMixtureExpectationMaximization(data);
            MixtureMultivariateNormalDistribution start =
                MultivariateNormalMixtureExpectationMaximization.estimate(data, 2);
            em.fit(start, MAX_ITERATIONS, TOLERANCE);
            return em.getLogLikelihood();
        };
        GmmModel once = family.fit(TrainingSet.of(rows), new SplittableRandom(3));
        System.out.printf("%s: our EM takes %d iterations%n", label, once.iterations());
        measure(label + ", hand-written EM", ours);
        measure(label + ", Commons Math EM", commonsMath);
    }

    private static void measure(String label, Supplier<Double> fit) {
        run(fit, WARM_UP_NANOS);
        long start = System.nanoTime();
        int fits = run(fit, MEASURE_NANOS);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-32s %8.1f fits/s  %7.3f ms/fit  mean log-likelihood %.6f%n",
            label, fits / seconds, 1000 * seconds / fits, fit.get());
    }

    private static int run(Supplier<Double> fit, long nanos) {
        long end = System.nanoTime() + nanos;
        int fits = 0;
        double sink = 0;
        while (System.nanoTime() < end) {
            sink += fit.get();
            fits++;
        }
        if (Double.isNaN(sink)) {
            System.out.println("a fit returned NaN");
        }
        return fits;
    }
}
