package org.collapselab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    /** Hand-made fits for the hand-made run's group n=100 (prefix g2). */
    private static final String FITS = """
            group,law,parameter,estimate,se_classical,se_hac,se_cluster,ci_low,ci_high,r2,aic,\
            n_obs,n_clusters,hac_lag,best
            family=gaussian;policy=mix;n=100,collapse,a,0.0123456,0.01,0.02,0.03,,,0.987654,\
            -123.456,6,3,2,false
            family=gaussian;policy=mix;n=100,collapse,b,0.123456,0.0011111,0.00055555,0.002,0.1,\
            0.15,0.987654,-123.456,6,3,2,false
            family=gaussian;policy=mix;n=100,power,gamma,0.75,0.1,,,,,0.99,-130.0,6,3,,true
            """;

    @TempDir
    Path dir;

    private String report(String fits) throws IOException {
        GenerationsTable table = GenerationsTable.read(
                RunFixtures.write(dir, "generations.csv", RunFixtures.SMALL));
        FitsTable fitsTable = fits == null ? FitsTable.empty()
                : FitsTable.read(RunFixtures.write(dir, "fits.csv", fits));
        return new ReportWriter(dir, table, fitsTable, List.of()).render();
    }

    @Test
    void lawTableCarriesTheFitsToFourSignificantDigits() throws IOException {
        String report = report(FITS);
        assertTrue(report.contains("| collapse | b | 0.1235 | 0.001111 | 0.0005556 | 0.002000 "
                + "| [0.1000, 0.1500] | 0.9877 | 6 | 3 | 2 |"), report);
        // AIC -123.456 is 6.544 above the lowest, the power law's -130.
        assertTrue(report.contains("| collapse | a = 0.01235, b = 0.1235 | 0.9877 | -123.5 "
                + "| 6.544 |  |"), report);
        assertTrue(report.contains("| power | gamma = 0.7500 | 0.9900 | -130.0 | 0 | yes |"),
                report);
        assertTrue(report.contains("the best of the laws compared: **power**"), report);
        assertTrue(report.contains("lag L = 2"), report);
        assertTrue(report.contains("With few generations per replicate they run small"),
                report);
    }

    @Test
    void textRunsSetTheirCollapseLawBesideThePublishedFigure() throws IOException {
        // The hand-made run with a distinct_1 column, as text runs write: the section appears.
        String text = RunFixtures.SMALL.lines()
                .map(line -> line.startsWith("cell,") ? line + ",distinct_1" : line + ",0.5")
                .reduce("", (all, line) -> all + line + "\n");
        GenerationsTable table = GenerationsTable.read(
                RunFixtures.write(dir, "generations.csv", text));
        FitsTable fits = FitsTable.read(RunFixtures.write(dir, "fits.csv", FITS));
        String report = new ReportWriter(dir, table, fits, List.of()).render();
        assertTrue(report.contains("| published (a text benchmark) | 0.181 | 0.024 | 0.962 |  "
                + "| 10 |  |"), report);
        assertTrue(report.contains("| this run: family=gaussian;policy=mix;n=100 | 0.1235 "
                + "| 0.0005556 | 0.9877 | 6 | 1 | power |"), report);
        assertTrue(report.contains("the AIC prefers the power law to the collapse law"), report);

        // The same run without the text column is numeric: no such section.
        assertFalse(report(FITS).contains("published text figure"));
    }

    @Test
    void groupWithoutFitsSaysSo() throws IOException {
        String report = report(FITS);
        String firstGroup = report.substring(report.indexOf("## g1:"), report.indexOf("## g2:"));
        assertTrue(firstGroup.contains("fits.csv has no rows for this group."), firstGroup);
    }

    @Test
    void runWithoutFitsCsvSaysNoLawWasFitted() throws IOException {
        assertTrue(report(null).contains("No fits.csv in this run: no law was fitted."));
    }

    @Test
    void failedRowsAreListedAndLeftOutOfTheMeans() throws IOException {
        String report = report(null);
        assertTrue(report.contains("| rows | 10 ok, 1 failed"), report);
        assertTrue(report.contains("| a | 0.5 | 3 | 1 | 14 | fit failed: singular covariance "
                + "\\| k=2 |"), report);
        // Group n=100 at t = 1 from the three ok replicates (see GenerationsTableTest):
        // quality change -1.3/3, kl_qp 1.3/3, log_q -1.9/3, variance ratio 7, geometric 4.
        assertTrue(report.contains("| rho | t | replicates | log_q_change | kl_qp | log_q"
                + " | variance_ratio | variance_ratio (geometric mean) |"), report);
        assertTrue(report.contains("| 0.5 | 1 | 3 | -0.4333 | 0.4333 | -0.6333 | 7.000 | 4.000 |"),
                report);
    }

    @Test
    void runFactsComeFromProvenanceAndSpecWhenPresent() throws IOException {
        RunFixtures.write(dir, ReportWriter.PROVENANCE,
                "{\"git\": {\"commit\": \"0a1b2c\"}, \"backend\": \"CPU\", \"seeds\": [1, 2]}");
        RunFixtures.write(dir, ReportWriter.SPEC, "name: demo\nrho: [0.0, 0.5]\n");
        String report = report(null);
        assertTrue(report.contains("| git.commit | 0a1b2c |"), report);
        assertTrue(report.contains("| backend | CPU |"), report);
        assertTrue(report.contains("| seeds | [1,2] |"), report);
        assertTrue(report.contains("```yaml\nname: demo\nrho: [0.0, 0.5]\n```\n"), report);
    }

    @Test
    void invalidProvenanceIsNotedNotFatal() throws IOException {
        RunFixtures.write(dir, ReportWriter.PROVENANCE, "{\"backend\": ");
        assertTrue(report(null).contains("provenance.json is not valid JSON"));
    }

    @Test
    void everyGenerationIsShownUpToTwelveAndASelectionAfter() {
        TreeSet<Integer> twelve = new TreeSet<>();
        for (int t = 0; t <= 12; t++) {
            twelve.add(t);
        }
        assertEquals(List.copyOf(twelve), GroupSection.shownGenerations(twelve));
        TreeSet<Integer> thirty = new TreeSet<>();
        for (int t = 0; t <= 30; t++) {
            thirty.add(t);
        }
        // Positions 0, 1, 30/4 = 7, 30/2 = 15, 90/4 = 22 and 30.
        assertEquals(List.of(0, 1, 7, 15, 22, 30), GroupSection.shownGenerations(thirty));
    }

    @Test
    void numbersCarryFourSignificantDigits() {
        assertEquals("0.01235", Formats.number(0.0123456));
        assertEquals("1.235e+05", Formats.number(123456));
        assertEquals("-2.000", Formats.number(-2));
        assertEquals("", Formats.number(Double.NaN));
        assertEquals("12", Formats.count(12.0));
    }

    @Test
    void plotsAreLinkedWhenWritten() throws IOException {
        GenerationsTable table = GenerationsTable.read(
                RunFixtures.write(dir, "generations.csv", RunFixtures.SMALL));
        List<Plots.PlotFile> plots = new Plots(table, FitsTable.empty())
                .writeAll(dir.resolve("plots"));
        String report = new ReportWriter(dir, table, FitsTable.empty(), plots).render();
        assertTrue(report.contains("![g1 " + PlotKind.QUALITY.title()
                + "](plots/g1-quality.png)"), report);
        assertTrue(report.contains("([SVG](plots/g2-kl.svg))"), report);
        assertFalse(report.contains("g1-w2"), report);
    }
}
