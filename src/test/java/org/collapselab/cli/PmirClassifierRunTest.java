package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PMIR run whose {@code filter:} block is a trained classifier: its removals are the flags,
 * its held-out rates are the round's psi and phi, and a round whose classifier does not
 * separate (psi &le; phi) leaves the estimate and the regulated watermark empty, with the reason.
 */
class PmirClassifierRunTest {

    /** 4 cells, 6 generations; a 1-D Gaussian whose generations are hard to tell from the truth. */
    static final String SPEC = """
        name: market-classifier
        seed: 12
        generations: 5
        replicates: 2
        family: gaussian
        n: 40
        data: {source: analytic, distribution: gaussian, dim: 1, probe_size: 60}
        metrics: {include: [kl_qp, log_q], samples: 60}
        filter: {detector: classifier, detector_samples: 40}
        market: {m: 0.8, cbar: 0.05, kappa: 1, eta: 0.5}
        """;

    @TempDir
    Path dir;

    private Path run(Path spec, String name, int threads) {
        Path out = dir.resolve(name);
        Cli.Result result = Cli.run("run", spec, "--out", out, "--no-report", "--threads",
            threads);
        assertEquals(0, result.code(), result::err);
        return out;
    }

    private static List<CSVRecord> rows(Path run) throws IOException {
        try (Reader in = Files.newBufferedReader(run.resolve("generations.csv"))) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(in).getRecords();
        }
    }

    private static double number(CSVRecord row, String column) {
        String text = row.get(column);
        return text.isEmpty() ? Double.NaN : Double.parseDouble(text);
    }

    @Test
    void theClassifiersFlagsAndMeasuredRatesDriveEachRound() throws IOException {
        Path spec = Cli.write(dir.resolve("spec.yaml"), SPEC);
        Path first = run(spec, "a", 1);
        assertArrayEquals(Cli.bytes(first.resolve("generations.csv")),
            Cli.bytes(run(spec, "b", 2).resolve("generations.csv")));

        int separating = 0;
        int blind = 0;
        for (CSVRecord row : rows(first)) {
            if (row.get("generation").equals("0")) {
                continue;
            }
            double psi = number(row, "market_psi");
            double phi = number(row, "market_phi");
            assertEquals(number(row, "detector_psi"), psi);
            assertEquals(number(row, "detector_phi"), phi);
            double flagged = number(row, "flagged");
            double inspected = number(row, "inspected");
            assertEquals(number(row, "removed_real") + number(row, "removed_synthetic"), flagged);
            // mix offers n = 40 samples a generation, all of which the classifier inspects.
            assertEquals(40, inspected);
            boolean regulated = row.get("regulated").equals("true");
            if (psi > phi) {
                separating++;
                assertEquals("flags-filter-classifier", row.get("rho_estimate_estimator"));
                assertEquals((flagged / inspected - phi) / (psi - phi),
                    number(row, "rho_estimate"), 1e-12);
                double watermark = regulated ? (1 - psi) * number(row, "subsidy") / psi : 0;
                assertEquals(watermark, number(row, "watermark"), 1e-12);
            } else {
                blind++;
                assertEquals("undefined-psi-not-above-phi", row.get("rho_estimate_estimator"));
                assertTrue(Double.isNaN(number(row, "rho_estimate")));
                assertTrue(Double.isNaN(number(row, "rho_se")));
                assertEquals(regulated, Double.isNaN(number(row, "watermark")));
                assertEquals(regulated, Double.isNaN(number(row, "welfare")));
            }
        }
        // This seed gives rounds of both kinds (a classifier near chance errs either way).
        assertTrue(separating > 0 && blind > 0, separating + " separating, " + blind + " blind");
    }

    @Test
    void theReportNamesTheDetectorAndTheFilterParameters() throws IOException {
        Path spec = Cli.write(dir.resolve("spec.yaml"), SPEC);
        Path out = dir.resolve("report");
        Cli.Result result = Cli.run("run", spec, "--out", out);
        assertEquals(0, result.code(), result::err);
        String report = Files.readString(out.resolve("report.md"));
        for (String expected : List.of("| filter.detector | classifier |",
            "| filter.detector_samples | 40 |", "| beta = m / cbar (derived) | 16.00 |",
            "the filter's classifier: its held-out rates, measured each round",
            "research publishes no market parameters", "ours, as published")) {
            assertTrue(report.contains(expected), expected);
        }
        assertTrue(!report.contains("market.psi"), "market.psi is not a parameter of this run");
    }

    @Test
    void marketRatesBesideAFilterAreAMistake() throws IOException {
        for (String field : List.of("psi", "phi")) {
            Path bad = Cli.write(dir.resolve("bad.yaml"), SPEC.replace("eta: 0.5",
                "eta: 0.5, " + field + ": 0.1"));
            Cli.Result result = Cli.run("run", bad, "--out", dir.resolve("never"));
            assertEquals(2, result.code(), result::err);
            assertEquals(1, result.errLines().size(), result::err);
            assertTrue(result.err().contains("market." + field), result::err);
            assertTrue(!Files.exists(dir.resolve("never")));
        }
    }
}
