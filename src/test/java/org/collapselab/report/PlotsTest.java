package org.collapselab.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class PlotsTest {

    /** The eight bytes every PNG file starts with (PNG specification, section 5.2). */
    private static final byte[] PNG_SIGNATURE = {
        (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'
    };

    /** Fits for the synthetic run's only group, as the law fits write them. */
    static final String FITS = """
            group,law,parameter,estimate,se_classical,se_hac,se_cluster,ci_low,ci_high,r2,aic,\
            n_obs,n_clusters,hac_lag,best
            family=gaussian;policy=mix;n=50,collapse,a,0.001,0.0004,0.0003,0.0006,,,0.95,\
            -900.5,504,24,3,false
            family=gaussian;policy=mix;n=50,collapse,b,0.0199,0.0002,0.00015,0.0004,0.0191,\
            0.0207,0.95,-900.5,504,24,3,true
            family=gaussian;policy=mix;n=50,per-rho,slope@rho=0.5,-0.0051,0.0003,0.0002,0.0004,\
            ,,0.6,,168,8,3,false
            family=gaussian;policy=mix;n=50,per-rho,slope@rho=1.0,-0.0198,0.0003,0.0002,0.0004,\
            ,,0.9,,168,8,3,false
            family=gaussian;policy=mix;n=50,exponent,gamma,1.96,0.05,,,,,1.0,,2,,,false
            """;

    @TempDir
    Path dir;

    private List<Plots.PlotFile> render(Path runDir, String generations, String fits)
            throws IOException {
        GenerationsTable table = GenerationsTable.read(
                RunFixtures.write(runDir, "generations.csv", generations));
        FitsTable fitsTable = fits == null ? FitsTable.empty()
                : FitsTable.read(RunFixtures.write(runDir, "fits.csv", fits));
        return new Plots(table, fitsTable).writeAll(runDir.resolve("plots"));
    }

    @Test
    void everyKindIsDrawnAsPngAndWellFormedSvg() throws Exception {
        List<Plots.PlotFile> plots = render(dir, RunFixtures.synthetic(7, 20), FITS);
        assertEquals(List.of(PlotKind.values()), plots.stream().map(Plots.PlotFile::kind)
                .toList());
        for (Plots.PlotFile plot : plots) {
            assertEquals("g1", plot.prefix());
            assertEquals("g1-" + plot.kind().suffix() + ".png",
                    plot.png().getFileName().toString());
            byte[] png = Files.readAllBytes(plot.png());
            assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, 8));
            // IHDR: width and height as big-endian integers at bytes 16 and 20.
            assertEquals(1000, ByteBuffer.wrap(png, 16, 4).getInt());
            assertEquals(700, ByteBuffer.wrap(png, 20, 4).getInt());
            assertEquals("svg", parseXml(plot.svg()).getDocumentElement().getTagName());
        }
    }

    @Test
    void twoRendersGiveByteIdenticalFiles() throws IOException {
        List<Plots.PlotFile> first = render(dir.resolve("one"), RunFixtures.synthetic(7, 20),
                FITS);
        List<Plots.PlotFile> second = render(dir.resolve("two"), RunFixtures.synthetic(7, 20),
                FITS);
        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(Files.readAllBytes(first.get(i).svg()),
                    Files.readAllBytes(second.get(i).svg()), first.get(i).svg().toString());
            assertArrayEquals(Files.readAllBytes(first.get(i).png()),
                    Files.readAllBytes(second.get(i).png()), first.get(i).png().toString());
        }
    }

    @Test
    void clipPathIdsAreNumberedInOrderOfAppearance() throws IOException {
        Plots.PlotFile quality = render(dir, RunFixtures.synthetic(7, 5), null).get(0);
        String svg = Files.readString(quality.svg(), StandardCharsets.UTF_8);
        Matcher ids = Pattern.compile("id=\"clip([^\"]*)\"").matcher(svg);
        Set<String> found = new TreeSet<>();
        while (ids.find()) {
            found.add(ids.group(1));
        }
        assertFalse(found.isEmpty());
        Set<String> expected = new TreeSet<>();
        for (int i = 1; i <= found.size(); i++) {
            expected.add(Integer.toString(i));
        }
        assertEquals(expected, found);
    }

    @Test
    void plotsWithoutDataAreSkipped() throws IOException {
        // The hand-made run has kl_qp but no kl_pq or w2, and no fits: no w2 plot, no slopes.
        List<Plots.PlotFile> plots = render(dir, RunFixtures.SMALL, null);
        Set<String> names = new TreeSet<>();
        plots.forEach(plot -> names.add(plot.prefix() + "-" + plot.kind().suffix()));
        assertTrue(names.contains("g1-kl"));
        assertFalse(names.contains("g1-w2"));
        assertFalse(names.contains("g1-slopes"));
        assertFalse(Files.exists(dir.resolve("plots/g1-w2.png")));
    }

    @Test
    void aSingleContaminatedShareDrawsNeitherTheScaledQualityNorTheSlopes() throws IOException {
        // Keep rho = 0 and rho = 1 only: t rho^2 is then t itself, and one slope has no exponent.
        String oneRho = RunFixtures.synthetic(7, 5).lines()
                .filter(line -> !line.contains(",mix,0.5,"))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        String oneSlope = FITS.lines().filter(line -> !line.contains("slope@rho=0.5"))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        Set<String> names = new TreeSet<>();
        render(dir, oneRho, oneSlope).forEach(plot -> names.add(plot.kind().suffix()));
        assertTrue(names.contains("quality"), names.toString());
        assertFalse(names.contains("quality-t-rho2"), names.toString());
        assertFalse(names.contains("slopes"), names.toString());

        Set<String> withBoth = new TreeSet<>();
        render(dir.resolve("both"), RunFixtures.synthetic(7, 5), FITS)
                .forEach(plot -> withBoth.add(plot.kind().suffix()));
        assertTrue(withBoth.containsAll(Set.of("quality-t-rho2", "slopes")), withBoth.toString());
    }

    @Test
    void indexMapsPrefixesToGroupKeys() throws IOException {
        GenerationsTable table = GenerationsTable.read(
                RunFixtures.write(dir, "generations.csv", RunFixtures.SMALL));
        Path index = new Plots(table, FitsTable.empty()).writeIndex(dir.resolve("plots"));
        assertEquals("prefix,group\ng1,family=gaussian;policy=mix;n=20\n"
                + "g2,family=gaussian;policy=mix;n=100\n", Files.readString(index));
    }

    @Test
    void plotFilesOfAnEarlierBuildAreRemovedAndOtherFilesKept() throws IOException {
        Path plotsDir = dir.resolve("plots");
        RunFixtures.write(plotsDir, "g9-quality.png", "left by an earlier build");
        RunFixtures.write(plotsDir, "notes.txt", "the user's own file");
        render(dir, RunFixtures.SMALL, null);
        assertFalse(Files.exists(plotsDir.resolve("g9-quality.png")));
        assertTrue(Files.exists(plotsDir.resolve("notes.txt")));
        assertTrue(Files.exists(plotsDir.resolve("g1-quality.png")));
    }

    /** Parses without fetching the DTD the SVG names: the test stays on this machine. */
    static Document parseXml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd",
                false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }
}
