package org.collapselab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Real data drawn from a known distribution: every real training sample is a fresh draw from the
 * truth, and the probe is a fixed draw of {@code probeSize} samples made when the cell opens.
 */
public final class AnalyticSource implements DataSource<double[]> {

    /** The truth for distributions that do not depend on the cell's stream. */
    private final Truth<double[]> fixedTruth;
    /** For the linear model: features, design rows and noise (the truth is drawn per cell). */
    private final LinearSpec linear;
    /** Size of the held-out probe. */
    private final int probeSize;

    /** Parameters of the linear-model truth: w* ~ N(0, I/d) drawn per cell. */
    record LinearSpec(int features, int designSize, double noiseVariance) {
    }

    private AnalyticSource(Truth<double[]> truth, LinearSpec linear, int probeSize) {
        this.fixedTruth = truth;
        this.linear = linear;
        this.probeSize = probeSize;
    }

    /** A source with a fixed truth (gaussian, mixture, student-t). */
    public static AnalyticSource of(Truth<double[]> truth, int probeSize) {
        return new AnalyticSource(truth, null, probeSize);
    }

    /** The linear model with a fixed Gaussian design of {@code designSize} rows per cell. */
    public static AnalyticSource linearModel(int features, int designSize, double noiseVariance,
                                             int probeSize) {
        return new AnalyticSource(null, new LinearSpec(features, designSize, noiseVariance),
            probeSize);
    }

    @Override
    public String name() {
        return "analytic";
    }

    @Override
    public int dim() {
        return linear != null ? linear.features() + 1 : probeDim();
    }

    private int probeDim() {
        return fixedTruth.sample(1, new java.util.SplittableRandom(0)).get(0).length;
    }

    @Override
    public RealData<double[]> open(RandomGenerator random) {
        if (linear == null) {
            List<double[]> probe = fixedTruth.sample(probeSize, random);
            return new Drawn(fixedTruth, List.copyOf(probe));
        }
        double[] w = new double[linear.features()];
        for (int i = 0; i < w.length; i++) {
            w[i] = random.nextGaussian() / Math.sqrt(w.length);
        }
        LinearModelTruth truth = new LinearModelTruth(w, linear.noiseVariance());
        List<double[]> design = truth.sample(linear.designSize(), random);
        List<double[]> probe = truth.sample(probeSize, random);
        return new FixedDesign(truth, design, List.copyOf(probe));
    }

    /** Real samples as fresh draws from the truth. */
    private record Drawn(Truth<double[]> exact, List<double[]> probe)
        implements RealData<double[]> {

        @Override
        public List<double[]> draw(int count, RandomGenerator random) {
            return exact.sample(count, random);
        }

        @Override
        public Optional<Truth<double[]>> truth() {
            return Optional.of(exact);
        }

        @Override
        public int poolSize() {
            return Integer.MAX_VALUE;
        }
    }

    /** Real samples as the fixed design rows, in order, with fresh labels. */
    private record FixedDesign(LinearModelTruth exact, List<double[]> design, List<double[]> probe)
        implements RealData<double[]> {

        @Override
        public List<double[]> draw(int count, RandomGenerator random) {
            int dim = exact.features();
            double sd = Math.sqrt(exact.noiseVariance());
            List<double[]> out = new ArrayList<>(count);
            for (int s = 0; s < count; s++) {
                double[] row = design.get(s % design.size()).clone();
                row[dim] = exact.mean(row) + sd * random.nextGaussian();
                out.add(row);
            }
            return out;
        }

        @Override
        public Optional<Truth<double[]>> truth() {
            return Optional.of(exact);
        }

        @Override
        public int poolSize() {
            return Integer.MAX_VALUE;
        }
    }
}
