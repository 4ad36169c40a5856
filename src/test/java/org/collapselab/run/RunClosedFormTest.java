package org.collapselab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.collapselab.spec.SpecLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The closed-form collapse checks of DESIGN.md section 6, run end to end through {@link Runner}
 * on the shipped experiment files and read back from generations.csv. Each compares the mean over
 * replicates at every generation with its exact expectation, within 2.576 standard errors (a
 * two-sided 99% interval), the standard error being the sample standard deviation over the
 * square root of the number of replicates. The seeds are those of the experiment files.
 */
class RunClosedFormTest {

    /** The two-sided 99% normal quantile. */
    private static final double Z99 = 2.576;

    @TempDir
    Path dir;

    /**
     * gaussian-replace: 1-D maximum-likelihood Gaussian, n = 100, refitted on its own samples.
     * sigma_t^2 = sigma_{t-1}^2 chi^2_{n-1} / n with independent factors, so
     * variance_ratio_t = prod_{i <= t} chi^2_{n-1,i} / n and E[variance_ratio_t] = ((n-1)/n)^t
     * (0.366 at t = 100). The ratio is heavy-tailed, which is why the file asks for 4000
     * replicates. The file leaves model.moment_sampling at its default (on), so this also checks
     * that handing a generation's samples over as sampled moments keeps the law.
     */
    @Test
    void replaceVarianceRatioMeanIsNMinusOneOverNToTheT() throws Exception {
        Map<String, List<List<Double>>> byPolicy = run("gaussian-replace", "variance_ratio");
        List<List<Double>> generations = byPolicy.get("replace");
        assertEquals(101, generations.size());
        double n = 100;
        for (int t = 0; t < generations.size(); t++) {
            List<Double> values = generations.get(t);
            assertEquals(4000, values.size(), "replicates at generation " + t);
            double expected = Math.pow((n - 1) / n, t);
            assertWithin(expected, values, "variance_ratio at generation " + t);
        }
    }

    /**
     * linear-regression: d = 10 features, T = 100 design rows, sigma^2 = 1. With
     * delta_i = (X'X)^-1 X' eps_i the coefficient noise of fit i, E|delta_i|^2 =
     * sigma^2 E tr (X'X)^-1 = sigma^2 d / (T - d - 1) = 10/89 for a Gaussian design (the mean of
     * the inverse Wishart is I / (T - d - 1)).
     *
     * <p>Under replace, w_t - w* = delta_0 + ... + delta_t (generation 0 is the first fit on real
     * labels), so E[test_error_t] = (t + 1) 10/89.
     *
     * <p>Under accumulate, the pool holds t + 1 label sets on the same design, so w_t is the
     * average of the per-batch fits: w_t = (1/(t+1)) (w* + delta_0 + sum_{i=1..t} (w_{i-1} +
     * delta_i)), which gives w_t - w* = (w_{t-1} - w*) + delta_t / (t + 1) and
     * E[test_error_t] = (10/89) sum_{i=1..t+1} 1/i^2 (0.1837 at t = 100), below
     * (10/89) pi^2/6 = 0.18484 at every t.
     */
    @Test
    void linearRegressionTestErrorFollowsTheReplaceAndAccumulateClosedForms() throws Exception {
        Map<String, List<List<Double>>> byPolicy = run("linear-regression", "test_error");
        double increment = 10.0 / 89;
        double bound = increment * Math.PI * Math.PI / 6;
        List<List<Double>> replace = byPolicy.get("replace");
        List<List<Double>> accumulate = byPolicy.get("accumulate");
        assertEquals(101, replace.size());
        assertEquals(101, accumulate.size());
        double partialSum = 0;
        for (int t = 0; t <= 100; t++) {
            assertWithin((t + 1) * increment, replace.get(t), "replace test_error at " + t);
            partialSum += 1.0 / ((t + 1.0) * (t + 1.0));
            double expected = increment * partialSum;
            assertWithin(expected, accumulate.get(t), "accumulate test_error at " + t);
            // Below the bound: the lower end of the 99% interval never reaches pi^2/6 times the
            // first increment (its expectation sits only 0.001 under it at t = 100).
            Summary s = Summary.of(accumulate.get(t));
            assertTrue(s.mean() - Z99 * s.standardError() < bound,
                "accumulate test_error at " + t + " is above (10/89) pi^2/6: " + s);
        }
        assertEquals(0.1837, increment * partialSum, 5e-5);
    }

    /** Runs an experiment file into the temporary folder and groups one column. */
    private Map<String, List<List<Double>>> run(String experiment, String column)
        throws Exception {
        Path out = dir.resolve(experiment);
        var loaded = SpecLoader.load(Path.of("experiments", experiment + ".yaml"));
        RunSummary summary = new Runner(loaded, new RunOptions(out, dir, false, 2, false)).run();
        assertTrue(summary.failed().isEmpty(), "failed cells: " + summary.failed());
        return read(out.resolve("generations.csv"), column);
    }

    /** Values of {@code column}, by policy, then by generation, over the replicates. */
    private static Map<String, List<List<Double>>> read(Path csv, String column)
        throws IOException {
        Map<String, List<List<Double>>> out = new TreeMap<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .build();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord record : format.parse(reader)) {
                assertEquals("ok", record.get("status"), record.get("error"));
                List<List<Double>> generations = out.computeIfAbsent(record.get("policy"),
                    p -> new ArrayList<>());
                int t = Integer.parseInt(record.get("generation"));
                while (generations.size() <= t) {
                    generations.add(new ArrayList<>());
                }
                generations.get(t).add(Double.parseDouble(record.get(column)));
            }
        }
        return out;
    }

    private static void assertWithin(double expected, List<Double> values, String what) {
        Summary s = Summary.of(values);
        assertTrue(Math.abs(s.mean() - expected) <= Z99 * s.standardError(),
            what + ": expected " + expected + ", got " + s);
    }

    /** Mean and its standard error, in two passes. */
    record Summary(double mean, double standardError, int count) {

        static Summary of(List<Double> values) {
            double sum = 0;
            for (double v : values) {
                sum += v;
            }
            double mean = sum / values.size();
            double squares = 0;
            for (double v : values) {
                squares += (v - mean) * (v - mean);
            }
            double sd = Math.sqrt(squares / (values.size() - 1));
            return new Summary(mean, sd / Math.sqrt(values.size()), values.size());
        }
    }
}
