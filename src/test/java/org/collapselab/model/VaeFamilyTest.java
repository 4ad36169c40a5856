package org.collapselab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class VaeFamilyTest {

    private static final VaeOptions SMALL = VaeOptions.of(List.of(16), 2, 30, 32, 0.01);

    /**
     * n points of a 2-D Gaussian with means (3, -1), standard deviations (2, 0.5) and
     * correlation 0.8.
     */
    private static List<double[]> correlated(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double a = random.nextGaussian();
            double b = 0.8 * a + 0.6 * random.nextGaussian();
            out.add(new double[] {3 + 2 * a, -1 + 0.5 * b});
        }
        return out;
    }

    /**
     * The exact log-density of {@link #correlated}'s distribution: with u = (x1 - 3)/2,
     * v = (x2 + 1)/0.5, rho = 0.8, log N = -log(2 pi) - log(2 * 0.5) - (1/2) log(1 - rho^2)
     * - (u^2 - 2 rho u v + v^2) / (2 (1 - rho^2)).
     */
    private static double trueLogDensity(double[] x) {
        double u = (x[0] - 3) / 2;
        double v = (x[1] + 1) / 0.5;
        double rho = 0.8;
        double oneMinus = 1 - rho * rho;
        return -Math.log(2 * Math.PI) - Math.log(1.0) - 0.5 * Math.log(oneMinus)
            - (u * u - 2 * rho * u * v + v * v) / (2 * oneMinus);
    }

    private static double meanNll(GenerativeModel<double[]> model, List<double[]> probe) {
        double sum = 0;
        for (double[] x : probe) {
            sum -= model.logDensity(x);
        }
        return sum / probe.size();
    }

    @Test
    void theArrayForwardPassReproducesTheDl4jLayer() {
        // An untrained network has weights far from zero in every layer (Xavier), which is
        // enough to compare the two forward passes.
        MultiLayerNetwork network = VaeTrainer.untrained(3, VaeOptions.of(List.of(8, 5), 2, 1, 1,
            0.01), 7);
        VaeTrainer.Network arrays = VaeTrainer.Network.of(network,
            VaeOptions.of(List.of(8, 5), 2, 1, 1, 0.01));
        VaeModel model = new VaeModel(new double[3], new double[] {1, 1, 1}, arrays.encoder(),
            arrays.latentMean(), arrays.latentLogVariance(), arrays.decoder(), arrays.output(),
            8, 1);
        var layer = (org.deeplearning4j.nn.layers.variational.VariationalAutoencoder)
            network.getLayer(0);

        double[] x = {0.3, -1.2, 2.0};
        INDArray latent = layer.activate(Nd4j.create(new double[][] {x}), false,
            LayerWorkspaceMgr.noWorkspaces());
        assertArrayEquals(latent.toDoubleVector(), model.encodeMean(x), 1e-12);

        double[] z = {0.7, -0.4};
        INDArray mean = layer.generateAtMeanGivenZ(Nd4j.create(new double[][] {z}));
        double[] decoded = model.decode(z);
        assertArrayEquals(mean.toDoubleVector(), java.util.Arrays.copyOf(decoded, 3), 1e-12);
    }

    @Test
    void theSameSeedGivesTheSameModelAndSamplesOnAnyThread() throws Exception {
        List<double[]> data = correlated(200, 3);
        VaeFamily family = new VaeFamily(SMALL);
        VaeModel first = family.fit(TrainingSet.of(data), new SplittableRandom(11));
        ExecutorService other = Executors.newSingleThreadExecutor();
        VaeModel second;
        try {
            // Disturb that thread's ND4J generator first: the fit must reseed it.
            other.submit(() -> Nd4j.getRandom().nextGaussian()).get();
            second = other.submit(() -> family.fit(TrainingSet.of(data),
                new SplittableRandom(11))).get();
        } finally {
            other.shutdown();
        }
        List<double[]> a = first.sample(50, new SplittableRandom(5));
        List<double[]> b = second.sample(50, new SplittableRandom(5));
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i), 0.0, "sample " + i);
        }
        double[] point = {2.0, -0.5};
        assertEquals(first.logDensity(point), second.logDensity(point), 0.0);
        assertEquals(first.logDensity(point), first.logDensity(point), 0.0);
    }

    /**
     * Learning: on a probe of the same Gaussian, the trained model's NLL is within 0.15 nats of
     * the true distribution's NLL on that probe (in expectation the entropy, log(2 pi e) +
     * log(1) + (1/2) log(0.36) = 2.33 nats). The untrained network (same seed, same
     * standardisation) is close to the product of the two marginals, which misses the
     * correlation and so exceeds the truth by -(1/2) log(1 - 0.8^2) = 0.51 nats; the trained
     * model must beat it by more than 0.3.
     */
    @Test
    void trainingBringsTheProbeNllCloseToTheTruth() {
        List<double[]> data = correlated(1000, 1);
        List<double[]> probe = correlated(1000, 2);
        VaeOptions options = VaeOptions.of(List.of(32, 32), 2, 40, 50, 0.01);
        VaeFamily family = new VaeFamily(options);
        VaeModel trained = family.fit(TrainingSet.of(data), new SplittableRandom(4));

        double truth = 0;
        for (double[] x : probe) {
            truth -= trueLogDensity(x);
        }
        truth /= probe.size();
        double nll = meanNll(trained, probe);
        VaeModel untrained = family.untrained(TrainingSet.of(data), new SplittableRandom(4));
        double untrainedNll = meanNll(untrained, probe);

        assertTrue(nll < truth + 0.15, "trained " + nll + " against the truth's " + truth);
        assertTrue(nll > truth - 0.15, "trained " + nll + " against the truth's " + truth);
        assertTrue(untrainedNll > nll + 0.3, "untrained " + untrainedNll + ", trained " + nll);
    }

    /**
     * The density is a density: in one dimension, exp(log q) integrates to 1 (up to the
     * importance-sampling bias, which is downward, and the grid's error), which checks the
     * decoder term, the importance weights and the Jacobian of the standardisation together.
     * Data: N(10, 3^2), so the standardisation's Jacobian is log 3 per point.
     */
    @Test
    void theEstimatedDensityIntegratesToAboutOne() {
        SplittableRandom random = new SplittableRandom(9);
        List<double[]> data = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            data.add(new double[] {10 + 3 * random.nextGaussian()});
        }
        VaeModel model = new VaeFamily(VaeOptions.of(List.of(16), 1, 20, 50, 0.01))
            .fit(TrainingSet.of(data), new SplittableRandom(2));
        double step = 0.02;
        double integral = 0;
        for (double x = -15; x <= 35; x += step) {
            integral += Math.exp(model.logDensity(new double[] {x})) * step;
        }
        assertEquals(1.0, integral, 0.05);
    }

    /**
     * Standardisation: data scaled by 2 (exact in binary) give bit-identical standardised rows,
     * hence the same network and the same importance draws, so log q(2x) = log q(x) - d log 2.
     */
    @Test
    void scalingTheDataShiftsTheLogDensityByTheJacobian() {
        List<double[]> data = correlated(100, 6);
        List<double[]> doubled = new ArrayList<>();
        for (double[] x : data) {
            doubled.add(new double[] {2 * x[0], 2 * x[1]});
        }
        VaeOptions options = VaeOptions.of(List.of(8), 2, 3, 20, 0.01);
        VaeModel a = new VaeFamily(options).fit(TrainingSet.of(data), new SplittableRandom(8));
        VaeModel b = new VaeFamily(options).fit(TrainingSet.of(doubled), new SplittableRandom(8));
        double[] x = {1.5, -0.7};
        assertEquals(a.logDensity(x) - 2 * Math.log(2), b.logDensity(new double[] {3.0, -1.4}),
            1e-12);
        double[] sampleA = a.sample(1, new SplittableRandom(1)).get(0);
        double[] sampleB = b.sample(1, new SplittableRandom(1)).get(0);
        assertArrayEquals(new double[] {2 * sampleA[0], 2 * sampleA[1]}, sampleB, 1e-12);
    }

    /**
     * Weights: rows of weight 0 are never trained on and leave the standardisation alone, so
     * a block of weight-0 outliers at 1000 changes nothing about where samples fall.
     */
    @Test
    void rowsOfWeightZeroAreIgnored() {
        List<double[]> data = new ArrayList<>(correlated(200, 12));
        double[] weights = new double[300];
        java.util.Arrays.fill(weights, 0, 200, 1.0);
        for (int i = 0; i < 100; i++) {
            data.add(new double[] {1000, 1000});
        }
        VaeModel model = new VaeFamily(SMALL).fit(new TrainingSet<>(data, weights),
            new SplittableRandom(3));
        double sum = 0;
        List<double[]> samples = model.sample(2000, new SplittableRandom(4));
        for (double[] x : samples) {
            sum += x[0];
        }
        // The sample mean of the first coordinate is near 3 (sd 2, so 2000 samples give a
        // standard error of 0.05; the fit's own error dominates), nowhere near 1000 / 3.
        assertEquals(3.0, sum / samples.size(), 0.5);
    }

    @Test
    void rowOrderDrawsInProportionToTheWeights() {
        RowOrder order = new RowOrder(new double[] {1, 0, 3}, 3);
        int[] counts = new int[3];
        SplittableRandom random = new SplittableRandom(1);
        for (int epoch = 0; epoch < 4000; epoch++) {
            for (int i : order.next(random)) {
                counts[i]++;
            }
        }
        // 12,000 draws with p = (1/4, 0, 3/4): the count of row 0 has mean 3000 and standard
        // deviation sqrt(12000 * 3/16) = 47.4; 5 standard deviations is 237.
        assertEquals(0, counts[1]);
        assertEquals(3000, counts[0], 237);
        int[] permutation = new RowOrder(null, 5).next(random);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4},
            java.util.Arrays.stream(permutation).sorted().toArray());
    }
}
