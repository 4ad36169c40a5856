package org.collapselab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgGraphicsTest {

    @TempDir
    Path dir;

    private static String number(double value, int decimals) {
        StringBuilder out = new StringBuilder();
        SvgDocument.appendNumber(out, value, decimals);
        return out.toString();
    }

    @Test
    void numbersAreRoundedToHundredthsWithoutExponentOrTrailingZeros() {
        assertEquals("3", number(3.0, 2));
        assertEquals("-2.25", number(-2.25, 2));
        // 0.125 is exact in binary: 12.5 hundredths round away from zero to 13.
        assertEquals("0.13", number(0.125, 2));
        assertEquals("-0.13", number(-0.125, 2));
        assertEquals("0.05", number(0.05, 2));
        assertEquals("1234.5", number(1234.5, 2));
        // Below half a hundredth, in either direction, is zero and never "-0".
        assertEquals("0", number(-0.004, 2));
        assertEquals("0", number(1e-7, 2));
        assertEquals("1000000000000", number(1e12, 2));
        // Opacity 128/255 = 0.50196... keeps three decimals.
        assertEquals("0.502", number(128 / 255.0, 3));
        assertEquals("0", number(Double.NaN, 2));
    }

    @Test
    void aFilledRectangleIsMovedByTheTransformAndKeepsItsOpacity() {
        SvgGraphics graphics = new SvgGraphics(100, 50);
        graphics.translate(10, 20);
        graphics.setColor(new Color(255, 0, 16, 128));
        graphics.fill(new Rectangle2D.Double(0.5, 0, 4, 2));
        String svg = text(graphics);
        assertTrue(svg.contains("<path d=\"M10.5 20L14.5 20L14.5 22L10.5 22L10.5 20Z\""
            + " fill=\"#ff0010\" fill-opacity=\"0.502\"/>"), svg);
    }

    @Test
    void aStrokeUnderAUniformScaleKeepsItsFormWithScaledWidthAndDashes() {
        SvgGraphics graphics = new SvgGraphics(100, 50);
        graphics.scale(2, 2);
        graphics.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_BEVEL,
            10f, new float[] {3f, 1f}, 0.5f));
        graphics.draw(new Line2D.Double(1, 1, 5, 1));
        String svg = text(graphics);
        assertTrue(svg.contains("<path d=\"M2 2L10 2\" fill=\"none\" stroke=\"#000000\""
            + " stroke-width=\"3\" stroke-linecap=\"round\" stroke-linejoin=\"bevel\""
            + " stroke-dasharray=\"6,2\" stroke-dashoffset=\"1\"/>"), svg);
    }

    @Test
    void aStrokeUnderAnUnevenScaleIsFilledAsItsOutline() {
        SvgGraphics graphics = new SvgGraphics(100, 50);
        graphics.scale(3, 1);
        graphics.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        graphics.draw(new Line2D.Double(0, 10, 10, 10));
        String svg = text(graphics);
        assertFalse(svg.contains("stroke"), svg);
        // The outline of a 2 wide butt-capped line from x = 0 to 10 is the box y in [9, 11],
        // stretched threefold along x.
        assertTrue(svg.contains("fill=\"#000000\""), svg);
        assertTrue(svg.contains("30 9") && svg.contains("30 11") && svg.contains("0 11"), svg);
    }

    @Test
    void theScaleFactorOfARotationWithUniformScaleIsThatScale() {
        AffineTransform turned = AffineTransform.getRotateInstance(Math.PI / 6);
        turned.scale(3, 3);
        assertEquals(3.0, SvgGraphics.uniformScale(turned), 1e-12);
        assertTrue(Double.isNaN(SvgGraphics.uniformScale(AffineTransform.getScaleInstance(2, 1))));
        assertTrue(Double.isNaN(SvgGraphics.uniformScale(AffineTransform.getShearInstance(1, 0))));
    }

    @Test
    void aClipSetAgainReusesItsIdAndShapesUnderOneClipShareAGroup() {
        SvgGraphics graphics = new SvgGraphics(100, 50);
        Rectangle2D first = new Rectangle2D.Double(0, 0, 50, 50);
        graphics.setClip(first);
        graphics.fillRect(1, 1, 2, 2);
        graphics.fillRect(3, 3, 2, 2);
        graphics.setClip(new Rectangle2D.Double(50, 0, 50, 50));
        graphics.fillRect(60, 1, 2, 2);
        graphics.setClip(first);
        graphics.fillRect(5, 5, 2, 2);
        graphics.setClip(null);
        graphics.fillRect(0, 0, 1, 1);
        String svg = text(graphics);
        assertEquals(List.of("clip1", "clip2"), matches(svg, "<clipPath id=\"([^\"]+)\""));
        assertEquals(List.of("clip1", "clip2", "clip1"),
            matches(svg, "<g clip-path=\"url\\(#([^)]+)\\)\""));
        // Two paths in the first group, then one in each later group, then one unclipped.
        assertEquals(2, svg.split("<g ")[1].split("</g>")[0].split("<path").length - 1);
        assertTrue(svg.endsWith("</g>\n<path d=\"M0 0L1 0L1 1L0 1L0 0Z\" fill=\"#000000\"/>\n"
            + "</svg>\n"), svg);
    }

    @Test
    void theClipIsReturnedInUserSpaceAndIntersectedByClip() {
        SvgGraphics graphics = new SvgGraphics(100, 50);
        graphics.translate(10, 5);
        graphics.setClip(new Rectangle2D.Double(0, 0, 20, 20));
        assertEquals(new Rectangle2D.Double(0, 0, 20, 20), graphics.getClip());
        graphics.clip(new Rectangle2D.Double(5, -5, 30, 10));
        assertEquals(new Rectangle2D.Double(5, 0, 15, 5), graphics.getClip());
        graphics.fillRect(0, 0, 1, 1);
        // In the file the clip is the user rectangle moved by (10, 5).
        assertTrue(text(graphics).contains(
            "<clipPath id=\"clip1\"><rect x=\"15\" y=\"5\" width=\"15\" height=\"5\"/>"));
    }

    @Test
    void gradientsAreRefusedRatherThanDrawnWrong() {
        SvgGraphics graphics = new SvgGraphics(10, 10);
        assertThrows(UnsupportedOperationException.class, () -> graphics.setPaint(
            new GradientPaint(0, 0, Color.RED, 1, 1, Color.BLUE)));
    }

    @Test
    void everyPlotIsAnSvgRootWithSizePathsAndDefinedClips() throws Exception {
        GenerationsTable table = GenerationsTable.read(
            RunFixtures.write(dir, "generations.csv", RunFixtures.synthetic(7, 20)));
        FitsTable fits = FitsTable.read(RunFixtures.write(dir, "fits.csv", PlotsTest.FITS));
        List<Plots.PlotFile> plots = new Plots(table, fits).writeAll(dir.resolve("plots"));
        assertEquals(PlotKind.values().length, plots.size());
        for (Plots.PlotFile plot : plots) {
            Document svg = PlotsTest.parseXml(plot.svg());
            Element root = svg.getDocumentElement();
            String name = plot.svg().getFileName().toString();
            assertEquals("svg", root.getTagName(), name);
            assertEquals("http://www.w3.org/2000/svg", root.getAttribute("xmlns"), name);
            assertEquals("1000", root.getAttribute("width"), name);
            assertEquals("700", root.getAttribute("height"), name);
            assertEquals("0 0 1000 700", root.getAttribute("viewBox"), name);
            // The chart paints its background over the whole view box first, then the rest.
            NodeList paths = svg.getElementsByTagName("path");
            assertTrue(paths.getLength() > 1, name);
            assertEquals("M0 0L1000 0L1000 700L0 700L0 0Z",
                ((Element) paths.item(0)).getAttribute("d"), name);

            Set<String> defined = new HashSet<>();
            NodeList clips = svg.getElementsByTagName("clipPath");
            for (int i = 0; i < clips.getLength(); i++) {
                String id = ((Element) clips.item(i)).getAttribute("id");
                assertEquals("clip" + (i + 1), id, name);
                defined.add(id);
            }
            NodeList all = svg.getElementsByTagName("*");
            Set<String> referenced = new HashSet<>();
            for (int i = 0; i < all.getLength(); i++) {
                String reference = ((Element) all.item(i)).getAttribute("clip-path");
                if (!reference.isEmpty()) {
                    Matcher id = Pattern.compile("url\\(#(.+)\\)").matcher(reference);
                    assertTrue(id.matches() && defined.contains(id.group(1)), reference);
                    referenced.add(id.group(1));
                }
            }
            // Every clip defined is also used: a clip is written only when a shape needs it.
            assertEquals(defined, referenced, name);
        }
    }

    private static String text(SvgGraphics graphics) {
        byte[] bytes = graphics.toSvg();
        // Well-formed XML, parsed by the JDK's parser.
        try {
            DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(bytes));
        } catch (Exception notXml) {
            throw new AssertionError(notXml);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static List<String> matches(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
