package org.collapselab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationsTableTest {

    /** Summaries of exact decimal inputs agree with the hand values to rounding. */
    private static final double TOLERANCE = 1e-12;

    @TempDir
    Path dir;

    private GenerationsTable small() throws IOException {
        return GenerationsTable.read(RunFixtures.write(dir, "generations.csv",
                RunFixtures.SMALL));
    }

    private Series seriesOfCellA() throws IOException {
        Group group = small().group("family=gaussian;policy=mix;n=100").orElseThrow();
        assertEquals(1, group.series().size());
        return group.series().get(0);
    }

    @Test
    void varianceRatioSummaryMatchesHandComputation() throws IOException {
        // Generation 1 of cell a, failed replicate 3 (value 1000) excluded: {1, 4, 16}.
        // mean = 21/3 = 7; median = 4; geometric mean = (1*4*16)^(1/3) = 64^(1/3) = 4;
        // s^2 = (36 + 9 + 81)/2 = 63, s.e. = sqrt(63/3) = sqrt(21);
        // percentiles (definition 7): h = 2p; p = 0.025: 1 + 0.05 (4 - 1) = 1.15;
        // p = 0.975: 4 + 0.95 (16 - 4) = 15.4.
        Summary summary = seriesOfCellA().summarize("variance_ratio").get(1);
        assertEquals(3, summary.count());
        assertEquals(7.0, summary.mean(), TOLERANCE);
        assertEquals(4.0, summary.median(), TOLERANCE);
        assertEquals(4.0, summary.geometricMean(), TOLERANCE);
        assertEquals(Math.sqrt(21), summary.standardError(), TOLERANCE);
        assertEquals(7 - 1.96 * Math.sqrt(21), summary.normalLow(), TOLERANCE);
        assertEquals(7 + 1.96 * Math.sqrt(21), summary.normalHigh(), TOLERANCE);
        assertEquals(1.15, summary.percentileLow(), TOLERANCE);
        assertEquals(15.4, summary.percentileHigh(), TOLERANCE);
    }

    @Test
    void qualityChangeIsLogQMinusTheReplicatesGenerationZeroValue() throws IOException {
        // log_q at t = 1 minus t = 0, per replicate: -0.5 + 0.1, -0.4 + 0.2, -1.0 + 0.3
        // = {-0.4, -0.2, -0.7}; mean = -1.3/3; median = -0.4; no geometric mean (negative).
        NavigableMap<Integer, Summary> change =
                seriesOfCellA().summarize(GenerationsTable.QUALITY_CHANGE);
        assertEquals(0.0, change.get(0).mean(), TOLERANCE);
        assertEquals(-1.3 / 3, change.get(1).mean(), TOLERANCE);
        assertEquals(-0.4, change.get(1).median(), TOLERANCE);
        assertTrue(Double.isNaN(change.get(1).geometricMean()));
    }

    @Test
    void qualityChangeFallsBackToMinusFidelityLoss() throws IOException {
        // Cell b has no log_q; fidelity_loss is 0.25 at t = 1.
        Group group = small().group("family=gaussian;policy=mix;n=20").orElseThrow();
        Series rhoZero = group.series().get(0);
        assertEquals("0.0", rhoZero.rho());
        assertEquals(-0.25, rhoZero.summarize(GenerationsTable.QUALITY_CHANGE).get(1).mean(),
                TOLERANCE);
    }

    @Test
    void singleReplicateHasNoStandardErrorAndNoErrorBar() throws IOException {
        Group group = small().group("family=gaussian;policy=mix;n=20").orElseThrow();
        Summary summary = group.series().get(1).summarize("kl_qp").get(1);
        assertEquals(1, summary.count());
        assertEquals(0.1, summary.mean(), TOLERANCE);
        assertTrue(Double.isNaN(summary.standardError()));
        assertEquals(0.0, summary.halfWidth95());
    }

    @Test
    void failedRowsAreListedApartAndNeverAggregated() throws IOException {
        GenerationsTable table = small();
        assertEquals(10, table.rows().size());
        assertEquals(1, table.failedRows().size());
        GenerationRow failed = table.failedRows().get(0);
        assertEquals("fit failed: singular covariance | k=2", failed.error());
        assertEquals(3, failed.replicate());
        Group group = table.group("family=gaussian;policy=mix;n=100").orElseThrow();
        assertEquals(List.of(failed), group.failedRows());
        // kl_qp at t = 1 from ok rows only: {0.4, 0.2, 0.7}, mean 1.3/3 (with the failed 9.0
        // it would be 10.3/4).
        assertEquals(1.3 / 3, group.series().get(0).summarize("kl_qp").get(1).mean(), TOLERANCE);
    }

    @Test
    void groupsAreOrderedByParameterValuesNumerically() throws IOException {
        // n=20 before n=100, although "100" < "20" as text.
        List<String> keys = small().groups().stream().map(Group::key).toList();
        assertEquals(List.of("family=gaussian;policy=mix;n=20",
                "family=gaussian;policy=mix;n=100"), keys);
    }

    @Test
    void seriesAreOrderedByRhoAndGroupParametersExcludeRho() throws IOException {
        Group group = small().groups().get(0);
        assertEquals(List.of("0.0", "0.5"), group.series().stream().map(Series::rho).toList());
        assertEquals(Map.of("family", "gaussian", "policy", "mix", "n", "20"),
                group.parameters());
    }

    @Test
    void columnsAreKnownByPosition() throws IOException {
        GenerationsTable table = small();
        assertEquals(List.of("family", "policy", "rho", "n"), table.parameterNames());
        assertEquals(List.of("kl_qp", "log_q", "variance_ratio", "fidelity_loss",
                GenerationsTable.QUALITY_CHANGE), table.metricNames());
        assertEquals(List.of("kl_qp_estimator"), table.estimatorNames());
        assertEquals(1, table.lastGeneration());
    }

    @Test
    void estimatorsAreCollectedPerGroup() throws IOException {
        Group group = small().groups().get(0);
        assertEquals("{kl_qp=[monte-carlo]}",
                group.estimators(List.of("kl_qp", "w2")).toString());
    }

    @Test
    void groupKeyJoinsParametersInOrderWithoutRho() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("family", "gmm");
        params.put("policy", "accumulate");
        params.put("rho", "0.25");
        params.put("n", "100");
        params.put("components", "3");
        assertEquals("family=gmm;policy=accumulate;n=100;components=3",
                GenerationsTable.groupKey(params));
        params.remove("rho");
        assertEquals("family=gmm;policy=accumulate;n=100;components=3",
                GenerationsTable.groupKey(params));
    }

    @Test
    void groupKeyRejectsSeparatorsItCouldNotSplitBack() {
        Map<String, String> value = new LinkedHashMap<>(Map.of("family", "a;b"));
        assertThrows(IllegalArgumentException.class, () -> GenerationsTable.groupKey(value));
        Map<String, String> name = new LinkedHashMap<>(Map.of("a=b", "x"));
        assertThrows(IllegalArgumentException.class, () -> GenerationsTable.groupKey(name));
    }

    @Test
    void malformedNumberIsReportedWithFileRecordAndColumn() throws IOException {
        String csv = RunFixtures.SMALL.replace("a,1,0,gaussian,mix,0.5,100,ok,,12,0.0,",
                "a,1,0,gaussian,mix,0.5,100,ok,,12,zero,");
        Path file = RunFixtures.write(dir, "generations.csv", csv);
        RunFileFormatException error = assertThrows(RunFileFormatException.class,
                () -> GenerationsTable.read(file));
        assertEquals("generations.csv record 3: column kl_qp: found 'zero', expected a number "
                + "or an empty cell", error.getMessage());
    }

    @Test
    void missingStatusColumnIsReported() throws IOException {
        Path file = RunFixtures.write(dir, "generations.csv",
                "cell,replicate,generation,rho,error,seed\nx,0,0,0.5,,1\n");
        RunFileFormatException error = assertThrows(RunFileFormatException.class,
                () -> GenerationsTable.read(file));
        assertEquals("generations.csv header: no column 'status'", error.getMessage());
    }

    @Test
    void repeatedRowIsReported() throws IOException {
        String csv = RunFixtures.SMALL + "b,0,1,gaussian,mix,0.0,20,ok,,21,,,,2.0,0.25\n";
        Path file = RunFixtures.write(dir, "generations.csv", csv);
        RunFileFormatException error = assertThrows(RunFileFormatException.class,
                () -> GenerationsTable.read(file));
        assertEquals("generations.csv record 13: cell b, replicate 0, generation 1 appears "
                + "twice (first at record 10)", error.getMessage());
    }

    @Test
    void unknownStatusIsReported() throws IOException {
        String csv = RunFixtures.SMALL.replace("c,0,1,gaussian,mix,0.5,20,ok,",
                "c,0,1,gaussian,mix,0.5,20,done,");
        Path file = RunFixtures.write(dir, "generations.csv", csv);
        RunFileFormatException error = assertThrows(RunFileFormatException.class,
                () -> GenerationsTable.read(file));
        assertEquals("generations.csv record 12: column status: found 'done', expected 'ok' "
                + "or 'failed'", error.getMessage());
    }

    @Test
    void unclosedQuoteIsReportedAsInvalidCsv() throws IOException {
        Path file = RunFixtures.write(dir, "generations.csv",
                RunFixtures.SMALL + "d,0,0,gaussian,mix,0.5,20,failed,\"no end,1,,,,,\n");
        RunFileFormatException error = assertThrows(RunFileFormatException.class,
                () -> GenerationsTable.read(file));
        assertTrue(error.getMessage().startsWith("generations.csv is not valid CSV: "),
                error.getMessage());
    }

    @Test
    void metricAbsentFromAGroupIsReportedAsAbsent() throws IOException {
        Group group = small().groups().get(0);
        assertFalse(group.has("w2"));
        assertTrue(group.series().get(0).summarize("w2").isEmpty());
    }
}
