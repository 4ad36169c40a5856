package org.collapselab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The text of one SVG 1.1 file as {@link SvgGraphics} draws it: every shape a {@code <path>} in
 * the root's coordinates (the view box is the chart's pixel grid), and every clip a
 * {@code <clipPath>} written before its first use, with ids clip1, clip2, ... in order of
 * appearance. Consecutive shapes under the same clip share one {@code <g clip-path>}.
 *
 * <p>Numbers are rounded to hundredths of a pixel and written without exponent or trailing
 * zeros, so the same drawing calls give the same bytes; a hundredth of a pixel is far below
 * what any renderer shows at the chart's size. Opacities keep three decimals (steps of 1/255).
 * Shared by a graphics context and every context created from it; not thread-safe.
 */
final class SvgDocument {

    /** The text written so far, from the XML declaration on. */
    private final StringBuilder text = new StringBuilder(1 << 16);
    /** Clip ids by the clip's path data, for reusing a clip drawn again. */
    private final Map<String, Integer> clipIds = new HashMap<>();
    /** The clip last looked up and its id, to skip the lookup while a clip stays set. */
    private Shape lastClip;
    private int lastClipId;
    /** The id of the clip group now open, 0 when none is. */
    private int openClip;
    /** Whether {@link #finish()} was called. */
    private boolean finished;

    SvgDocument(int width, int height) {
        text.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"")
            .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ")
            .append(width).append(' ').append(height).append("\">\n");
    }

    /**
     * Fills a shape already in the root's coordinates, clipped to {@code clip} (also in the
     * root's coordinates, null for none).
     */
    void fill(Shape shape, Color color, Shape clip) {
        PathIterator path = shape.getPathIterator(null);
        String data = pathData(path);
        if (data.isEmpty()) {
            return;
        }
        enterClip(clip);
        text.append("<path d=\"").append(data).append('"');
        if (path.getWindingRule() == PathIterator.WIND_EVEN_ODD) {
            text.append(" fill-rule=\"evenodd\"");
        }
        paint("fill", color);
        text.append("/>\n");
    }

    /**
     * Strokes a shape already in the root's coordinates with a stroke whose widths and dash
     * lengths are already scaled to them.
     */
    void stroke(Shape shape, Color color, BasicStroke stroke, Shape clip) {
        String data = pathData(shape.getPathIterator(null));
        if (data.isEmpty()) {
            return;
        }
        enterClip(clip);
        text.append("<path d=\"").append(data).append("\" fill=\"none\"");
        paint("stroke", color);
        text.append(" stroke-width=\"");
        number(stroke.getLineWidth(), 2);
        text.append('"');
        // SVG's defaults are butt caps, miter joins and a miter limit of 4.
        if (stroke.getEndCap() == BasicStroke.CAP_ROUND) {
            text.append(" stroke-linecap=\"round\"");
        } else if (stroke.getEndCap() == BasicStroke.CAP_SQUARE) {
            text.append(" stroke-linecap=\"square\"");
        }
        if (stroke.getLineJoin() == BasicStroke.JOIN_ROUND) {
            text.append(" stroke-linejoin=\"round\"");
        } else if (stroke.getLineJoin() == BasicStroke.JOIN_BEVEL) {
            text.append(" stroke-linejoin=\"bevel\"");
        } else if (stroke.getMiterLimit() != 4f) {
            text.append(" stroke-miterlimit=\"");
            number(Math.max(1f, stroke.getMiterLimit()), 2);
            text.append('"');
        }
        float[] dash = stroke.getDashArray();
        if (dash != null && dash.length > 0) {
            text.append(" stroke-dasharray=\"");
            for (int i = 0; i < dash.length; i++) {
                if (i > 0) {
                    text.append(',');
                }
                number(dash[i], 2);
            }
            text.append('"');
            if (stroke.getDashPhase() != 0f) {
                text.append(" stroke-dashoffset=\"");
                number(stroke.getDashPhase(), 2);
                text.append('"');
            }
        }
        text.append("/>\n");
    }

    /** Closes the open clip group and the root; returns the file's bytes in UTF-8. */
    byte[] finish() {
        if (!finished) {
            enterClip(null);
            text.append("</svg>\n");
            finished = true;
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Opens the group of a clip (defining the clip first if new), closing any other. */
    private void enterClip(Shape clip) {
        int id = 0;
        if (clip != null && clip == lastClip) {
            id = lastClipId;
        } else if (clip != null) {
            String data = pathData(clip.getPathIterator(null));
            Integer known = clipIds.get(data);
            if (known == null) {
                known = clipIds.size() + 1;
                clipIds.put(data, known);
                defineClip(known, clip, data);
            }
            id = known;
            lastClip = clip;
            lastClipId = known;
        }
        if (id == openClip) {
            return;
        }
        if (openClip != 0) {
            text.append("</g>\n");
        }
        if (id != 0) {
            text.append("<g clip-path=\"url(#clip").append(id).append(")\">\n");
        }
        openClip = id;
    }

    /** Writes a clipPath element; rectangles stay rectangles, for readers of the file. */
    private void defineClip(int id, Shape clip, String data) {
        // A clipPath inside an open clip group would itself be clipped by it: close the group.
        if (openClip != 0) {
            text.append("</g>\n");
            openClip = 0;
        }
        text.append("<clipPath id=\"clip").append(id).append("\">");
        if (clip instanceof Rectangle2D box) {
            text.append("<rect x=\"");
            number(box.getX(), 2);
            text.append("\" y=\"");
            number(box.getY(), 2);
            text.append("\" width=\"");
            number(box.getWidth(), 2);
            text.append("\" height=\"");
            number(box.getHeight(), 2);
            text.append("\"/>");
        } else {
            text.append("<path d=\"").append(data).append("\"/>");
        }
        text.append("</clipPath>\n");
    }

    /** Writes {@code fill="#rrggbb"} (or stroke) and its opacity when not opaque. */
    private void paint(String attribute, Color color) {
        text.append(' ').append(attribute).append("=\"#");
        int rgb = color.getRGB() & 0xffffff;
        for (int shift = 20; shift >= 0; shift -= 4) {
            text.append(Character.forDigit((rgb >> shift) & 0xf, 16));
        }
        text.append('"');
        if (color.getAlpha() < 255) {
            text.append(' ').append(attribute).append("-opacity=\"");
            number(color.getAlpha() / 255.0, 3);
            text.append('"');
        }
    }

    /**
     * The path data of an iterator: absolute M, L, Q, C and Z commands, numbers separated by
     * single spaces. Empty when the path has no segment.
     */
    private String pathData(PathIterator path) {
        int start = text.length();
        double[] point = new double[6];
        while (!path.isDone()) {
            int type = path.currentSegment(point);
            switch (type) {
                case PathIterator.SEG_MOVETO -> points('M', point, 1);
                case PathIterator.SEG_LINETO -> points('L', point, 1);
                case PathIterator.SEG_QUADTO -> points('Q', point, 2);
                case PathIterator.SEG_CUBICTO -> points('C', point, 3);
                default -> text.append('Z');
            }
            path.next();
        }
        // The data is built in the document's own buffer (no second builder per path) and cut
        // out again, so that the caller decides where it goes.
        String data = text.substring(start);
        text.setLength(start);
        return data;
    }

    private void points(char command, double[] point, int count) {
        text.append(command);
        for (int i = 0; i < 2 * count; i++) {
            if (i > 0) {
                text.append(' ');
            }
            number(point[i], 2);
        }
    }

    /**
     * Appends {@code value} rounded half away from zero to {@code decimals} places, without
     * exponent, trailing zeros or a negative zero. Values that are not finite are written as 0
     * (Java2D never yields them for shapes with finite coordinates).
     */
    private void number(double value, int decimals) {
        appendNumber(text, value, decimals);
    }

    /** See {@link #number(double, int)}; {@code decimals} is 0 to 6. */
    static void appendNumber(StringBuilder out, double value, int decimals) {
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        double scaled = Math.abs(value) * scale;
        long units = Double.isFinite(scaled) ? Math.round(scaled) : 0;
        if (units == 0) {
            out.append('0');
            return;
        }
        if (value < 0) {
            out.append('-');
        }
        out.append(units / scale);
        long fraction = units % scale;
        if (fraction == 0) {
            return;
        }
        out.append('.');
        for (long digit = scale / 10; fraction != 0; digit /= 10) {
            out.append((char) ('0' + fraction / digit));
            fraction %= digit;
        }
    }
}
