package org.collapselab.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class FitsWriterTest {

    private static final double[] RHOS = {0.25, 0.5, 1.0};
    private static final LawOptions OPTIONS = new LawOptions(2024, 199, null);

    private static List<Observation> twoGroups() {
        List<Observation> all = new ArrayList<>(SyntheticPanel.generate("beta", RHOS, 3, 16,
            SyntheticPanel.collapse(0.05), 0.05, 1));
        all.addAll(SyntheticPanel.generate("alpha", RHOS, 3, 16,
            SyntheticPanel.plateau(2, 0.7), 0.05, 2));
        return all;
    }

    @Test
    void reportsComeOutOnePerGroupInKeyOrder() {
        List<LawReport> reports = LawAnalysis.analyse(twoGroups(), OPTIONS);
        assertEquals(List.of("alpha", "beta"), reports.stream().map(LawReport::group).toList());
    }

    @Test
    void aGroupsIntervalDoesNotDependOnTheOtherGroups() {
        List<Observation> betaOnly = twoGroups().stream()
            .filter(o -> o.group().equals("beta")).toList();
        LawReport alone = LawAnalysis.analyse(betaOnly, OPTIONS).get(0);
        LawReport together = LawAnalysis.analyse(twoGroups(), OPTIONS).get(1);
        assertEquals(alone, together);
        assertEquals(LawAnalysis.groupSeed(2024, "beta"), alone.collapse().bootstrap().seed());
    }

    @Test
    void csvHasTheContractedHeaderAndOneRowPerParameter() throws IOException {
        List<LawReport> reports = LawAnalysis.analyse(twoGroups(), OPTIONS);
        String csv = csv(reports);
        assertEquals(String.join(",", FitsWriter.COLUMNS), csv.substring(0, csv.indexOf('\n')));
        // Per group: collapse b, a; 3 slopes; gamma, log_c; linear and logarithmic a + 3 c;
        // power and saturating a + 3 c + shape: 2 + 3 + 2 + 4 + 4 + 5 + 5 = 25.
        assertEquals(50, records(csv).size());
    }

    @Test
    void csvCellsRoundTripToTheReportedDoubles() throws IOException {
        LawReport report = LawAnalysis.analyse(twoGroups(), OPTIONS).get(1);
        CSVRecord b = records(csv(List.of(report))).get(0);
        assertEquals("collapse", b.get("law"));
        assertEquals("b", b.get("parameter"));
        assertEquals(report.collapse().b().estimate(), Double.parseDouble(b.get("estimate")));
        assertEquals(report.collapse().bootstrap().low(), Double.parseDouble(b.get("ci_low")));
        assertEquals(report.law("collapse").aic(), Double.parseDouble(b.get("aic")));
        assertEquals(Integer.toString(report.collapse().hacLag()), b.get("hac_lag"));
    }

    @Test
    void cellsThatDoNotApplyAreEmpty() throws IOException {
        LawReport report = LawAnalysis.analyse(twoGroups(), OPTIONS).get(1);
        List<CSVRecord> rows = records(csv(List.of(report)));
        CSVRecord a = rows.get(1);
        assertEquals("", a.get("ci_low"));
        CSVRecord slope = rows.get(2);
        assertEquals("per-rho", slope.get("law"));
        assertEquals("slope@rho=0.25", slope.get("parameter"));
        assertEquals("", slope.get("aic"));
        assertEquals("", slope.get("best"));
        CSVRecord linearA = rows.stream().filter(r -> r.get("law").equals("linear")).findFirst()
            .orElseThrow();
        assertEquals("", linearA.get("se_classical"));
        assertEquals(Boolean.toString(report.best().equals("linear")), linearA.get("best"));
    }

    @Test
    void aSkippedExponentLeavesOneGammaRowWithoutEstimate() throws IOException {
        List<Observation> data = SyntheticPanel.generate("g", new double[] {0, 0.5}, 2, 11,
            SyntheticPanel.collapse(0.05), 0.01, 1);
        List<CSVRecord> rows = records(csv(LawAnalysis.analyse(data, OPTIONS)));
        List<CSVRecord> exponent = rows.stream().filter(r -> r.get("law").equals("exponent"))
            .toList();
        assertEquals(1, exponent.size());
        assertEquals("", exponent.get(0).get("estimate"));
        assertEquals("1", exponent.get(0).get("n_obs"));
    }

    @Test
    void rerunsWriteTheSameBytes() throws IOException {
        List<LawReport> first = LawAnalysis.analyse(twoGroups(), OPTIONS);
        List<LawReport> second = LawAnalysis.analyse(twoGroups(), OPTIONS);
        assertEquals(csv(first), csv(second));
        assertEquals(json(first), json(second));
    }

    @Test
    void jsonCarriesTheSameReport() throws IOException {
        LawReport report = LawAnalysis.analyse(twoGroups(), OPTIONS).get(0);
        JsonNode node = new ObjectMapper().readTree(json(List.of(report))).get(0);
        assertEquals("alpha", node.get("group").asText());
        assertEquals(report.best(), node.get("best").asText());
        assertEquals(report.collapse().b().estimate(),
            node.at("/collapse/b/estimate").doubleValue());
        assertEquals(5, node.get("laws").size());
        assertTrue(json(List.of(report)).endsWith("}\n]\n"));
    }

    @Test
    void aDegenerateGroupIsNamedInTheError() {
        List<Observation> flat = SyntheticPanel.generate("flat", new double[] {0}, 2, 5,
            SyntheticPanel.collapse(0.05), 0.05, 1);
        DegenerateDesignException e = assertThrows(DegenerateDesignException.class,
            () -> LawAnalysis.analyse(flat, OPTIONS));
        assertTrue(e.getMessage().startsWith("group flat:"), e.getMessage());
    }

    private static String csv(List<LawReport> reports) throws IOException {
        StringBuilder out = new StringBuilder();
        FitsWriter.writeCsv(reports, out);
        return out.toString();
    }

    private static String json(List<LawReport> reports) throws IOException {
        StringWriter out = new StringWriter();
        FitsWriter.writeJson(reports, out);
        return out.toString();
    }

    private static List<CSVRecord> records(String csv) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
            .parse(new StringReader(csv)).getRecords();
    }
}
