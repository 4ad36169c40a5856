package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PMIR runs, the filter policy and c2st_auc through the command line: byte-identical reruns,
 * shards that merge into the single-process file, resume, and one-line spec mistakes.
 */
class PmirRunTest {

    /** 4 cells (two arms, two replicates), 5 generations, a Gaussian with c2st_auc. */
    static final String MARKET = """
        name: market
        seed: 5
        generations: 4
        replicates: 2
        family: gaussian
        n: 20
        data: {source: analytic, distribution: gaussian, dim: 1, probe_size: 60}
        metrics: {include: [kl_qp, w2, log_q, c2st_auc], samples: 60}
        market: {m: 0.8, cbar: 0.05, kappa: 1, eta: 0.5}
        """;

    @TempDir
    Path dir;

    private Path run(Path spec, String name, Object... more) {
        Path out = dir.resolve(name);
        List<Object> args = new java.util.ArrayList<>(List.of("run", spec, "--out", out,
            "--no-report"));
        args.addAll(List.of(more));
        Cli.Result result = Cli.run(args.toArray());
        assertEquals(0, result.code(), result::err);
        return out;
    }

    @Test
    void aMarketRunRerunsByteForByteAndCarriesTheMarketColumns() throws IOException {
        Path spec = Cli.write(dir.resolve("market.yaml"), MARKET);
        Path first = run(spec, "a", "--threads", 1);
        Path second = run(spec, "b", "--threads", 2);
        assertArrayEquals(Cli.bytes(first.resolve("generations.csv")),
            Cli.bytes(second.resolve("generations.csv")));
        List<String> lines = Files.readAllLines(first.resolve("generations.csv"));
        String header = lines.get(0);
        for (String column : List.of("regulated", "c2st_auc", "market_rho", "rho_estimate",
            "subsidy", "watermark", "w_prod", "w_cons", "l_coll", "l_info", "welfare",
            "at_sdce")) {
            assertTrue(header.contains(column), column);
        }
        assertEquals(1 + 4 * 5, lines.size());
    }

    @Test
    void theReportOfAMarketRunSetsThePublishedFiguresBesideOurs() throws IOException {
        Path spec = Cli.write(dir.resolve("market.yaml"), MARKET);
        Path out = dir.resolve("report");
        Cli.Result result = Cli.run("run", spec, "--out", out);
        assertEquals(0, result.code(), result::err);
        String report = Files.readString(out.resolve("report.md"));
        for (String expected : List.of("## Market: regulated against laissez-faire", "+23.1%",
            "0.318 -> 0.142", "78% -> 41%", "| market.cbar | 0.05 |", "docs/market.md",
            "rounds to an epsilon-SDCE")) {
            assertTrue(report.contains(expected), expected);
        }
    }

    @Test
    void shardsOfAMarketRunMergeIntoTheSingleProcessFile() throws IOException {
        Path spec = Cli.write(dir.resolve("market.yaml"), MARKET);
        Path whole = run(spec, "whole");
        Path first = run(spec, "s0", "--shard", "0/2");
        Path second = run(spec, "s1", "--shard", "1/2");
        Path merged = dir.resolve("merged");
        Cli.Result result = Cli.run("merge", first, second, "--out", merged, "--no-report");
        assertEquals(0, result.code(), result::err);
        assertArrayEquals(Cli.bytes(whole.resolve("generations.csv")),
            Cli.bytes(merged.resolve("generations.csv")));
    }

    @Test
    void aResumedMarketRunEqualsAnUninterruptedOne() throws IOException {
        Path spec = Cli.write(dir.resolve("market.yaml"), MARKET);
        Path whole = run(spec, "whole");
        Path cut = run(spec, "cut");
        List<String> lines = Files.readAllLines(cut.resolve("generations.csv"));
        // Keep the header, the first cell and half of the second: resume reruns the rest.
        Files.write(cut.resolve("generations.csv"), lines.subList(0, 1 + 5 + 2));
        Cli.Result result = Cli.run("run", spec, "--out", cut, "--resume", "--no-report");
        assertEquals(0, result.code(), result::err);
        assertArrayEquals(Cli.bytes(whole.resolve("generations.csv")),
            Cli.bytes(cut.resolve("generations.csv")));
    }

    @Test
    void aTextRunWithAClassifierFilterRecordsItsRemovalsAndItsAuc() throws IOException {
        StringBuilder text = new StringBuilder();
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int i = 0; i < 120; i++) {
            for (int w = 0; w < 8; w++) {
                text.append(List.of("the", "house", "votes", "on", "a", "report", "today")
                    .get(random.nextInt(7))).append(' ');
            }
            text.append("end\n");
        }
        Cli.write(dir.resolve("lines.txt"), text.toString());
        Path spec = Cli.write(dir.resolve("text.yaml"), """
            name: text-filter
            generations: 2
            family: ngram
            rho: 0.5
            n: 60
            data: {source: text, path: lines.txt}
            model: {order: 3}
            metrics: {include: [kl_qp, log_q, c2st_auc], samples: 40}
            filter: {detector: classifier, detector_samples: 40}
            """);
        Path out = run(spec, "text");
        List<String> lines = Files.readAllLines(out.resolve("generations.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        String[] generationTwo = lines.get(3).split(",", -1);
        double auc = Double.parseDouble(generationTwo[header.indexOf("c2st_auc")]);
        assertTrue(auc >= 0 && auc <= 1, "auc " + auc);
        int offered = 30;
        int removed = Integer.parseInt(generationTwo[header.indexOf("removed_synthetic")]
            .replace(".0", ""));
        assertTrue(removed >= 0 && removed <= offered, "removed " + removed);
        double psi = Double.parseDouble(generationTwo[header.indexOf("detector_psi")]);
        assertTrue(psi >= 0 && psi <= 1, "psi " + psi);
    }

    @Test
    void marketAndFilterMistakesStopWithOneLineAndExitCode2() throws IOException {
        assertMistake(MARKET.replace("eta: 0.5", "eta: 0.5, phi: 0.95"), "market.phi");
        assertMistake(MARKET.replace("eta: 0.5", "eta: 2.5"), "market.eta");
        assertMistake(MARKET.replace("eta: 0.5", "kappa: 0"), "market");
        assertMistake(MARKET.replace("n: 20", "n: 20\nrho: 0.5"), "rho");
        assertMistake(MARKET.replace("n: 20", "n: 20\npolicy: replace"), "policy");
        assertMistake(MARKET + "filter: {detector: sniffer}\n", "filter.detector");
        assertMistake(MARKET.replace("include: [kl_qp, ", "include: ["), "metrics.include");
        assertMistake(MARKET + "filter: {detector: classifier, psi: 0.9}\n", "filter.psi");
        assertMistake(MARKET + "filter: {psi: 1.5}\n", "filter.psi");
        assertMistake(MARKET + "filter: {detector_samples: 10}\n", "filter.detector_samples");
        assertMistake(MARKET.replace("eta: 0.5", "eta: 0.5, regulated: [true, true]"),
            "market.regulated");
        // A watermark whose false-positive rate is not below its detection rate leaves no
        // round of the market an estimate of rho.
        assertMistake(MARKET + "filter: {detector: watermark, psi: 0.05, phi: 0.9}\n",
            "filter.phi");
        assertMistake(MARKET + "filter: {detector: watermark, psi: 0.5, phi: 0.5}\n",
            "filter.phi");
    }

    private void assertMistake(String text, String field) throws IOException {
        Path spec = Cli.write(dir.resolve("bad.yaml"), text);
        Cli.Result result = Cli.run("run", spec, "--out", dir.resolve("never"));
        assertEquals(2, result.code(), result::err);
        assertEquals(1, result.errLines().size(), result::err);
        assertTrue(result.err().startsWith(spec.toString()), result::err);
        assertTrue(result.err().contains(field), () -> field + " not in " + result.err());
        assertTrue(!Files.exists(dir.resolve("never")));
    }
}
