package org.collapselab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.collapselab.data.RealData;
import org.collapselab.data.Truth;
import org.collapselab.metric.Baseline;
import org.collapselab.metric.MetricRow;
import org.collapselab.metric.Metrics;
import org.collapselab.model.GenerativeModel;
import org.collapselab.model.ModelFamily;
import org.collapselab.model.TrainingSet;
import org.collapselab.spec.ExperimentSpec;
import org.collapselab.spec.SpecException;
import org.collapselab.spec.SpecLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A market cell through the runner's own generation loop, with a modality whose measured drift
 * is the closed form D(rho) = b rho: real rows are 0, synthetic rows are 1, the fitted "model"
 * is the training set's mean (its synthetic share) and its drift is b times that mean. The
 * regulated arm's contamination must then converge to the SDCE of docs/market.md,
 * rho* = 2 kappa m / (2 kappa + beta b).
 */
class MarketRoundsTest {

    /** Training samples a generation: the realised share round(rho n) / n is within 5e-6. */
    private static final int N = 100_000;
    private static final double B = 1.0;

    @TempDir
    Path dir;

    private ExperimentSpec spec(String market) throws IOException, SpecException {
        Path file = Files.writeString(dir.resolve("market.yaml"), """
            name: market
            generations: 25
            family: gaussian
            n: %d
            data: {source: analytic, distribution: gaussian, dim: 1}
            metrics: {include: [kl_qp]}
            market: %s
            """.formatted(N, market));
        return SpecLoader.load(file).spec();
    }

    private List<CellResult> run(ExperimentSpec spec) {
        CellRunner<double[]> runner = new CellRunner<>(spec, new ClosedFormModality());
        List<CellResult> results = new ArrayList<>();
        for (Cell cell : Grid.cells(spec)) {
            CellResult result = runner.run(cell);
            assertTrue(!result.failed(), result::error);
            results.add(result);
        }
        return results;
    }

    @Test
    void theRegulatedArmConvergesToTheClosedFormSdce() throws Exception {
        // m = 0.8, cbar = 1 (beta = 0.8), kappa = 1, b = 1: a = beta b / (2 kappa) = 0.4 and
        // rho* = 2 * 0.8 / (2 + 0.8) = 0.571428... With eta = 1 the error shrinks by a = 0.4 a
        // round, to 0.4^24 of 0.23 (below 1e-9) by the last round; what remains is the
        // rounding of rho n to a whole count, which moves the drift by at most b / (2n) and
        // rho by beta / (2 kappa) times that: 2e-6.
        ExperimentSpec spec = spec("{m: 0.8, cbar: 1, kappa: 1, eta: 1, epsilon: 1.0e-5}");
        List<CellResult> results = run(spec);
        CellResult regulated = results.get(0);
        assertEquals("true", regulated.cell().parameter(MarketColumns.REGULATED));
        double expected = 2 * 1.0 * 0.8 / (2 * 1.0 + 0.8 * B);
        MetricRow last = regulated.rows().get(25).metrics();
        assertEquals(expected, last.get("market_rho"), 1e-5);
        assertEquals(1.0, last.get("at_sdce"));
        // The published subsidy at the fixed point: s* = D(rho*) / (2 kappa).
        assertEquals(B * expected / 2, last.get("subsidy"), 1e-5);
        // w* = (1 - psi) s* / psi with the default psi = 0.9.
        assertEquals(0.1 / 0.9 * B * expected / 2, last.get("watermark"), 1e-5);
    }

    @Test
    void theBaselineArmKeepsTheLaissezFaireShareAndSharesTheRegulatedArmsFirstRound()
        throws Exception {
        List<CellResult> results = run(spec("{m: 0.8, cbar: 1, kappa: 1, eta: 1}"));
        CellResult regulated = results.get(0);
        CellResult baseline = results.get(1);
        assertEquals("false", baseline.cell().parameter(MarketColumns.REGULATED));
        assertEquals(regulated.cell().seed(), baseline.cell().seed());
        for (int t = 1; t <= 25; t++) {
            assertEquals(0.8, baseline.rows().get(t).metrics().get("market_rho"), 0.0);
            assertEquals(0.0, baseline.rows().get(t).metrics().get("subsidy"), 0.0);
        }
        // Round 0 starts from s_0 = 0 in both arms, with the same seeds: the same numbers.
        assertEquals(regulated.rows().get(1).metrics().get("flagged"),
            baseline.rows().get(1).metrics().get("flagged"), 0.0);
        assertEquals(regulated.rows().get(1).metrics().get(Metrics.KL_QP),
            baseline.rows().get(1).metrics().get(Metrics.KL_QP), 0.0);
    }

    @Test
    void theFlagEstimateOfRhoIsWithinItsCramerRaoErrorOfTheTruth() throws Exception {
        // Each round inspects the n training samples; rho_hat's sd is at most
        // sqrt(f (1 - f) / (n (psi - phi)^2)) = 0.0019 at n = 1e5; 5 sd over 25 rounds.
        CellResult regulated = run(spec("{m: 0.8, cbar: 1, kappa: 1, eta: 1}")).get(0);
        for (int t = 1; t <= 25; t++) {
            MetricRow row = regulated.rows().get(t).metrics();
            assertEquals(regulated.rows().get(t).syntheticShare(), row.get("rho_estimate"),
                5 * row.get("rho_se"));
        }
    }

    /** Real rows 0, synthetic rows 1, drift b times the training set's synthetic share. */
    private static final class ClosedFormModality implements Modality<double[]> {
        @Override
        public void preload(List<Cell> cells) {
        }

        @Override
        public CellData<double[]> open(Cell cell) {
            return new CellData<>() {
                @Override
                public RealData<double[]> real() {
                    return new Rows(0);
                }

                @Override
                public MetricRow measure(GenerativeModel<double[]> model, Baseline baseline,
                                         int generation, RandomGenerator random) {
                    MetricRow row = new MetricRow();
                    row.putEstimate(Metrics.KL_QP, B * ((Share) model).share(), "closed-form");
                    return row;
                }
            };
        }

        @Override
        public ModelFamily<double[]> family(Cell cell) {
            return new ModelFamily<>() {
                @Override
                public String name() {
                    return "share";
                }

                @Override
                public GenerativeModel<double[]> fit(TrainingSet<double[]> training,
                                                     RandomGenerator random) {
                    long ones = training.samples().stream().filter(x -> x[0] == 1).count();
                    return new Share((double) ones / training.size());
                }
            };
        }
    }

    /** A fitted "model" that knows its synthetic share and samples rows of 1. */
    private record Share(double share) implements GenerativeModel<double[]> {
        @Override
        public List<double[]> sample(int count, RandomGenerator random) {
            return new Rows(1).draw(count, random);
        }

        @Override
        public boolean hasDensity() {
            return false;
        }

        @Override
        public double logDensity(double[] sample) {
            throw new UnsupportedOperationException("no density");
        }
    }

    /** Endless rows of one value; the same array each time, which nothing here modifies. */
    private record Rows(double value) implements RealData<double[]> {
        @Override
        public List<double[]> probe() {
            return List.of(new double[] {value});
        }

        @Override
        public List<double[]> draw(int count, RandomGenerator random) {
            double[] row = {value};
            List<double[]> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                out.add(row);
            }
            return out;
        }

        @Override
        public Optional<Truth<double[]>> truth() {
            return Optional.empty();
        }

        @Override
        public int poolSize() {
            return Integer.MAX_VALUE;
        }
    }
}
