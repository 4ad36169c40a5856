package org.collapselab.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.collapselab.data.RealData;
import org.collapselab.data.Truth;
import org.collapselab.model.GaussianFamily;
import org.collapselab.model.GaussianMoments;
import org.junit.jupiter.api.Test;

/**
 * The nll metric computes the probe mean of -log q(x) for a Gaussian q from the probe's mean and
 * covariance alone; it must equal the plain average over the probe.
 */
class ProbeNllTest {

    /** S = [[2, 1, 0], [1, 2, 0], [0, 0, 3]]: det S = 9. */
    private static final double[] COVARIANCE = {2, 1, 0, 1, 2, 0, 0, 0, 3};
    /** S^-1 = [[2, -1, 0], [-1, 2, 0], [0, 0, 1]] / 3, by hand. */
    private static final double[] INVERSE = {
        2.0 / 3, -1.0 / 3, 0, -1.0 / 3, 2.0 / 3, 0, 0, 0, 1.0 / 3};
    private static final double[] MEAN = {1, -2, 0.5};

    @Test
    void gaussianProbeNllClosedFormEqualsTheAverageNegativeLogDensityOverTheProbe() {
        List<double[]> probe = probe(37, new SplittableRandom(3));
        GaussianFamily.Fitted model = new GaussianFamily.Fitted(
            GaussianMoments.of(MEAN, COVARIANCE));
        MetricRow row = measureNll(model, probe);

        // -log N(x; mu, S) = (1/2) [3 log 2 pi + log 9 + (x - mu)^T S^-1 (x - mu)], averaged.
        double sum = 0;
        for (double[] x : probe) {
            sum += 0.5 * (3 * Math.log(2 * Math.PI) + Math.log(9) + quadratic(x));
        }
        double expected = sum / probe.size();
        assertEquals(expected, row.get(Metrics.NLL), 1e-12 * Math.abs(expected));
        assertEquals("probe-mean", row.text(Metrics.NLL + "_estimator"));
    }

    @Test
    void gaussianProbeNllOfAOnePointProbeIsMinusTheLogDensityThere() {
        double[] x = {2, 0, -1};
        GaussianFamily.Fitted model = new GaussianFamily.Fitted(
            GaussianMoments.of(MEAN, COVARIANCE));
        // A one-point probe has a zero (singular) covariance, so this takes the branch without
        // the probe's Cholesky factor. x - mu = (1, 2, -1.5): quadratic form
        // (2 * 1 - 2 * 1 * 2 + 2 * 4) / 3 + 2.25 / 3 = 2.75.
        double expected = 0.5 * (3 * Math.log(2 * Math.PI) + Math.log(9) + 2.75);
        assertEquals(expected, measureNll(model, List.of(x)).get(Metrics.NLL), 1e-12);
    }

    private static MetricRow measureNll(GaussianFamily.Fitted model, List<double[]> probe) {
        ProbeReference reference = new ProbeReference(new FixedProbe(probe), 10, 4);
        Measurement measurement = new Measurement(model, reference, null, 0,
            new SplittableRandom(1));
        MetricRow row = new MetricRow();
        Metric nll = Metrics.all().stream().filter(m -> m.name().equals(Metrics.NLL))
            .findFirst().orElseThrow();
        nll.measure(measurement, row);
        return row;
    }

    /** (x - mu)^T S^-1 (x - mu) with the hand inverse. */
    private static double quadratic(double[] x) {
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                sum += (x[i] - MEAN[i]) * INVERSE[i * 3 + j] * (x[j] - MEAN[j]);
            }
        }
        return sum;
    }

    /** Points away from q, so that the mean term of the closed form matters too. */
    private static List<double[]> probe(int size, SplittableRandom random) {
        List<double[]> out = new ArrayList<>();
        for (int s = 0; s < size; s++) {
            out.add(new double[] {
                3 + random.nextGaussian(), 2 * random.nextGaussian(), random.nextGaussian()});
        }
        return out;
    }

    /** Real data that is only a probe, without a known truth. */
    private record FixedProbe(List<double[]> probe) implements RealData<double[]> {

        @Override
        public List<double[]> draw(int count, RandomGenerator random) {
            throw new UnsupportedOperationException("the probe test never trains");
        }

        @Override
        public Optional<Truth<double[]>> truth() {
            return Optional.empty();
        }

        @Override
        public int poolSize() {
            return 0;
        }
    }
}
