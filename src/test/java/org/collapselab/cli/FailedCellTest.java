package org.collapselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cell that fails is recorded and the others go on. With model.ridge 0, a Gaussian fitted to
 * n = 2 samples in 5 dimensions has a covariance of rank at most 1, so the n = 2 cells fail at
 * generation 0 whatever the seed; the n = 30 cells have a full-rank covariance and finish.
 */
class FailedCellTest {

    private static final String SPEC = """
        name: singular
        seed: 5
        generations: 3
        replicates: 2
        family: gaussian
        policy: mix
        rho: 0.5
        n: [2, 30]
        data:
          source: analytic
          distribution: gaussian
          dim: 5
          probe_size: 50
        model:
          ridge: 0
        metrics:
          samples: 50
        """;

    @TempDir
    static Path dir;

    private static Path out;
    private static Cli.Result result;

    /** One run shared by the tests, which only read its files. */
    @BeforeAll
    static void runTheMixedGrid() throws IOException {
        Path spec = Cli.write(dir.resolve("singular.yaml"), SPEC);
        out = dir.resolve("run");
        result = Cli.run("run", spec, "--out", out, "--threads", 2);
    }

    @Test
    void exitCodeSaysCellsFailed() {
        assertEquals(Main.EXIT_FAILED_CELLS, result.code(), result::err);
        assertTrue(result.err().startsWith("2 of 4 cells failed"), result::err);
    }

    @Test
    void eachFailedCellEndsWithOneFailedRowAndAOneLineError() throws IOException {
        Map<String, List<CSVRecord>> cells = cells(out.resolve("generations.csv"));
        int failed = 0;
        for (List<CSVRecord> rows : cells.values()) {
            if (!rows.get(0).get("n").equals("2")) {
                continue;
            }
            failed++;
            CSVRecord last = rows.get(rows.size() - 1);
            assertEquals("failed", last.get("status"));
            String error = last.get("error");
            assertTrue(error.contains("singular"), error);
            assertFalse(error.contains("\n") || error.contains("Exception"), error);
            rows.subList(0, rows.size() - 1)
                .forEach(row -> assertEquals("ok", row.get("status")));
        }
        assertEquals(2, failed);
    }

    @Test
    void theOtherCellsHaveEveryGeneration() throws IOException {
        Map<String, List<CSVRecord>> cells = cells(out.resolve("generations.csv"));
        int finished = 0;
        for (List<CSVRecord> rows : cells.values()) {
            if (!rows.get(0).get("n").equals("30")) {
                continue;
            }
            finished++;
            assertEquals(List.of("0", "1", "2", "3"),
                rows.stream().map(r -> r.get("generation")).toList());
            rows.forEach(row -> assertEquals("ok", row.get("status")));
            rows.forEach(row -> assertFalse(row.get("log_q").isEmpty()));
        }
        assertEquals(2, finished);
    }

    @Test
    void fitsAndReportAreStillWritten() throws IOException {
        List<String> fits = Files.readAllLines(out.resolve("fits.csv"));
        assertTrue(fits.size() > 1, "fits.csv has no fit");
        assertTrue(fits.stream().skip(1).allMatch(line -> line.contains("n=30")),
            "only the finished group can be fitted");
        assertTrue(Files.readString(out.resolve("report.md")).contains("failed"));
    }

    /** The rows of generations.csv by cell id, in file order. */
    private static Map<String, List<CSVRecord>> cells(Path csv) throws IOException {
        Map<String, List<CSVRecord>> cells = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(csv)) {
            for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).build().parse(reader)) {
                cells.computeIfAbsent(record.get("cell"), id -> new ArrayList<>()).add(record);
            }
        }
        return cells;
    }
}
