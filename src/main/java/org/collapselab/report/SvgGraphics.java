package org.collapselab.report;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GraphicsConfiguration;
import java.awt.Image;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.BufferedImageOp;
import java.awt.image.ImageObserver;
import java.awt.image.RenderedImage;
import java.awt.image.renderable.RenderableImage;
import java.text.AttributedCharacterIterator;

/**
 * A {@link Graphics2D} that records what is painted on it as an SVG 1.1 file (see
 * {@link SvgDocument} for the file's form). It draws what an XChart chart paints: shapes filled
 * and stroked in solid colours under an affine transform and rectangular or other clips, and
 * text, which becomes glyph outlines as in XChart's own painting. Images, gradients, XOR mode
 * and composites other than source-over throw {@link UnsupportedOperationException}.
 *
 * <p>Coordinates are transformed into the file's coordinates before they are written. A stroke
 * keeps its {@link BasicStroke} form when the transform scales both axes alike (translation,
 * rotation, uniform scale), its width and dashes multiplied by the scale factor
 * {@code sqrt(|det T|)}; under any other transform, or for another kind of {@link Stroke}, the
 * stroke's outline is filled instead.
 */
final class SvgGraphics extends Graphics2D {

    /** How text is measured, see {@link #getFontRenderContext()}; immutable. */
    private static final FontRenderContext TEXT_CONTEXT = new FontRenderContext(null, false, true);

    /** The file being written, shared with every context created from this one. */
    private final SvgDocument document;
    /** User space to the file's coordinates. */
    private AffineTransform transform;
    /** The clip in the file's coordinates; null for none. */
    private Shape clip;
    private Color color = Color.BLACK;
    private Color background = Color.WHITE;
    private Stroke stroke = new BasicStroke();
    private Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private AlphaComposite composite = AlphaComposite.SrcOver;
    private final RenderingHints hints;
    /** A raster context for font metrics, made when first asked for. */
    private Graphics2D metrics;

    /** A context for a new file of {@code width} x {@code height} pixels. */
    SvgGraphics(int width, int height) {
        this.document = new SvgDocument(width, height);
        this.transform = new AffineTransform();
        this.hints = new RenderingHints(null);
    }

    private SvgGraphics(SvgGraphics parent) {
        this.document = parent.document;
        this.transform = new AffineTransform(parent.transform);
        this.clip = parent.clip;
        this.color = parent.color;
        this.background = parent.background;
        this.stroke = parent.stroke;
        this.font = parent.font;
        this.composite = parent.composite;
        this.hints = (RenderingHints) parent.hints.clone();
    }

    /** The finished file in UTF-8; nothing drawn afterwards is kept. */
    byte[] toSvg() {
        return document.finish();
    }

    @Override
    public Graphics create() {
        return new SvgGraphics(this);
    }

    @Override
    public void dispose() {
        if (metrics != null) {
            metrics.dispose();
            metrics = null;
        }
    }

    // Drawing.

    @Override
    public void fill(Shape shape) {
        document.fill(transform.createTransformedShape(shape), paintColor(), clip);
    }

    @Override
    public void draw(Shape shape) {
        double scale = uniformScale(transform);
        if (stroke instanceof BasicStroke basic && !Double.isNaN(scale)) {
            document.stroke(transform.createTransformedShape(shape), paintColor(),
                scaled(basic, (float) scale), clip);
        } else {
            fill(stroke.createStrokedShape(shape));
        }
    }

    @Override
    public void drawString(String text, float x, float y) {
        if (!text.isEmpty()) {
            TextLayout layout = new TextLayout(text, font, getFontRenderContext());
            fill(layout.getOutline(AffineTransform.getTranslateInstance(x, y)));
        }
    }

    @Override
    public void drawString(String text, int x, int y) {
        drawString(text, (float) x, (float) y);
    }

    @Override
    public void drawString(AttributedCharacterIterator text, float x, float y) {
        if (text.getEndIndex() > text.getBeginIndex()) {
            TextLayout layout = new TextLayout(text, getFontRenderContext());
            fill(layout.getOutline(AffineTransform.getTranslateInstance(x, y)));
        }
    }

    @Override
    public void drawString(AttributedCharacterIterator text, int x, int y) {
        drawString(text, (float) x, (float) y);
    }

    @Override
    public void drawGlyphVector(GlyphVector glyphs, float x, float y) {
        fill(glyphs.getOutline(x, y));
    }

    @Override
    public void drawLine(int x1, int y1, int x2, int y2) {
        draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void fillRect(int x, int y, int width, int height) {
        fill(new Rectangle(x, y, width, height));
    }

    @Override
    public void clearRect(int x, int y, int width, int height) {
        Color saved = color;
        AlphaComposite savedComposite = composite;
        color = background;
        composite = AlphaComposite.SrcOver;
        fillRect(x, y, width, height);
        color = saved;
        composite = savedComposite;
    }

    @Override
    public void drawRoundRect(int x, int y, int width, int height, int arcWidth, int arcHeight) {
        draw(new RoundRectangle2D.Double(x, y, width, height, arcWidth, arcHeight));
    }

    @Override
    public void fillRoundRect(int x, int y, int width, int height, int arcWidth, int arcHeight) {
        fill(new RoundRectangle2D.Double(x, y, width, height, arcWidth, arcHeight));
    }

    @Override
    public void drawOval(int x, int y, int width, int height) {
        draw(new Ellipse2D.Double(x, y, width, height));
    }

    @Override
    public void fillOval(int x, int y, int width, int height) {
        fill(new Ellipse2D.Double(x, y, width, height));
    }

    @Override
    public void drawArc(int x, int y, int width, int height, int startAngle, int arcAngle) {
        draw(new Arc2D.Double(x, y, width, height, startAngle, arcAngle, Arc2D.OPEN));
    }

    @Override
    public void fillArc(int x, int y, int width, int height, int startAngle, int arcAngle) {
        fill(new Arc2D.Double(x, y, width, height, startAngle, arcAngle, Arc2D.PIE));
    }

    @Override
    public void drawPolyline(int[] xs, int[] ys, int count) {
        draw(polyline(xs, ys, count, false));
    }

    @Override
    public void drawPolygon(int[] xs, int[] ys, int count) {
        draw(polyline(xs, ys, count, true));
    }

    @Override
    public void fillPolygon(int[] xs, int[] ys, int count) {
        fill(polyline(xs, ys, count, true));
    }

    @Override
    public boolean hit(Rectangle rectangle, Shape shape, boolean onStroke) {
        Shape drawn = onStroke ? stroke.createStrokedShape(shape) : shape;
        return transform.createTransformedShape(drawn).intersects(rectangle);
    }

    // State: colour, stroke, font, hints.

    @Override
    public Color getColor() {
        return color;
    }

    @Override
    public void setColor(Color color) {
        if (color != null) {
            this.color = color;
        }
    }

    @Override
    public Paint getPaint() {
        return color;
    }

    @Override
    public void setPaint(Paint paint) {
        if (paint instanceof Color solid) {
            color = solid;
        } else if (paint != null) {
            throw new UnsupportedOperationException("SVG output draws solid colours only, not "
                + paint.getClass().getName());
        }
    }

    @Override
    public Color getBackground() {
        return background;
    }

    @Override
    public void setBackground(Color background) {
        this.background = background;
    }

    @Override
    public Composite getComposite() {
        return composite;
    }

    @Override
    public void setComposite(Composite composite) {
        if (!(composite instanceof AlphaComposite alpha)
                || alpha.getRule() != AlphaComposite.SRC_OVER) {
            throw new UnsupportedOperationException("SVG output draws source-over only");
        }
        this.composite = alpha;
    }

    @Override
    public Stroke getStroke() {
        return stroke;
    }

    @Override
    public void setStroke(Stroke stroke) {
        this.stroke = stroke;
    }

    @Override
    public Font getFont() {
        return font;
    }

    @Override
    public void setFont(Font font) {
        if (font != null) {
            this.font = font;
        }
    }

    @Override
    public FontMetrics getFontMetrics(Font of) {
        if (metrics == null) {
            metrics = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
        }
        metrics.setRenderingHints(hints);
        return metrics.getFontMetrics(of);
    }

    /**
     * Text measured without a device transform and with fractional metrics: a vector file has
     * no pixel grid to round glyph advances to, so text keeps its true widths at any zoom.
     */
    @Override
    public FontRenderContext getFontRenderContext() {
        return TEXT_CONTEXT;
    }

    @Override
    public void setRenderingHint(RenderingHints.Key key, Object value) {
        hints.put(key, value);
    }

    @Override
    public Object getRenderingHint(RenderingHints.Key key) {
        return hints.get(key);
    }

    @Override
    public void setRenderingHints(java.util.Map<?, ?> newHints) {
        hints.clear();
        hints.putAll(newHints);
    }

    @Override
    public void addRenderingHints(java.util.Map<?, ?> moreHints) {
        hints.putAll(moreHints);
    }

    @Override
    public RenderingHints getRenderingHints() {
        return (RenderingHints) hints.clone();
    }

    // Transform.

    @Override
    public void translate(int x, int y) {
        transform.translate(x, y);
    }

    @Override
    public void translate(double x, double y) {
        transform.translate(x, y);
    }

    @Override
    public void rotate(double theta) {
        transform.rotate(theta);
    }

    @Override
    public void rotate(double theta, double x, double y) {
        transform.rotate(theta, x, y);
    }

    @Override
    public void scale(double sx, double sy) {
        transform.scale(sx, sy);
    }

    @Override
    public void shear(double shx, double shy) {
        transform.shear(shx, shy);
    }

    @Override
    public void transform(AffineTransform more) {
        transform.concatenate(more);
    }

    @Override
    public void setTransform(AffineTransform transform) {
        this.transform = new AffineTransform(transform);
    }

    @Override
    public AffineTransform getTransform() {
        return new AffineTransform(transform);
    }

    // Clip, kept in the file's coordinates.

    @Override
    public Shape getClip() {
        if (clip == null) {
            return null;
        }
        if (isTranslation(transform) && clip instanceof Rectangle2D box) {
            return new Rectangle2D.Double(box.getX() - transform.getTranslateX(),
                box.getY() - transform.getTranslateY(), box.getWidth(), box.getHeight());
        }
        try {
            return transform.createInverse().createTransformedShape(clip);
        } catch (NoninvertibleTransformException singular) {
            return new Rectangle();
        }
    }

    @Override
    public Rectangle getClipBounds() {
        Shape user = getClip();
        return user == null ? null : user.getBounds();
    }

    @Override
    public void setClip(Shape shape) {
        clip = shape == null ? null : toFile(shape);
    }

    @Override
    public void setClip(int x, int y, int width, int height) {
        setClip(new Rectangle(x, y, width, height));
    }

    @Override
    public void clipRect(int x, int y, int width, int height) {
        clip(new Rectangle(x, y, width, height));
    }

    @Override
    public void clip(Shape shape) {
        if (shape == null) {
            clip = null;
            return;
        }
        Shape added = toFile(shape);
        if (clip == null) {
            clip = added;
        } else if (clip instanceof Rectangle2D box && added instanceof Rectangle2D other) {
            clip = box.createIntersection(other);
        } else {
            Area both = new Area(clip);
            both.intersect(new Area(added));
            clip = both;
        }
    }

    // What a chart never paints.

    @Override
    public GraphicsConfiguration getDeviceConfiguration() {
        throw unsupported("device configuration");
    }

    @Override
    public void setPaintMode() {
        composite = AlphaComposite.SrcOver;
    }

    @Override
    public void setXORMode(Color other) {
        throw unsupported("XOR mode");
    }

    @Override
    public void copyArea(int x, int y, int width, int height, int dx, int dy) {
        throw unsupported("copying an area");
    }

    @Override
    public boolean drawImage(Image image, AffineTransform at, ImageObserver observer) {
        throw unsupported("images");
    }

    @Override
    public void drawImage(BufferedImage image, BufferedImageOp op, int x, int y) {
        throw unsupported("images");
    }

    @Override
    public void drawRenderedImage(RenderedImage image, AffineTransform at) {
        throw unsupported("images");
    }

    @Override
    public void drawRenderableImage(RenderableImage image, AffineTransform at) {
        throw unsupported("images");
    }

    @Override
    public boolean drawImage(Image image, int x, int y, ImageObserver observer) {
        throw unsupported("images");
    }

    @Override
    public boolean drawImage(Image image, int x, int y, int width, int height,
                             ImageObserver observer) {
        throw unsupported("images");
    }

    @Override
    public boolean drawImage(Image image, int x, int y, Color fill, ImageObserver observer) {
        throw unsupported("images");
    }

    @Override
    public boolean drawImage(Image image, int x, int y, int width, int height, Color fill,
                             ImageObserver observer) {
        throw unsupported("images");
    }

    @Override
    public boolean drawImage(Image image, int dx1, int dy1, int dx2, int dy2, int sx1, int sy1,
                             int sx2, int sy2, ImageObserver observer) {
        throw unsupported("images");
    }

    @Override
    public boolean drawImage(Image image, int dx1, int dy1, int dx2, int dy2, int sx1, int sy1,
                             int sx2, int sy2, Color fill, ImageObserver observer) {
        throw unsupported("images");
    }

    // Helpers.

    /** The colour to paint with: the current colour, its alpha times the composite's. */
    private Color paintColor() {
        float alpha = composite.getAlpha();
        if (alpha >= 1f) {
            return color;
        }
        return new Color(color.getRed(), color.getGreen(), color.getBlue(),
            Math.round(color.getAlpha() * alpha));
    }

    /** A shape in the file's coordinates; a rectangle under a translation stays a rectangle. */
    private Shape toFile(Shape shape) {
        if (isTranslation(transform) && shape instanceof Rectangle2D box) {
            return new Rectangle2D.Double(box.getX() + transform.getTranslateX(),
                box.getY() + transform.getTranslateY(), box.getWidth(), box.getHeight());
        }
        return transform.createTransformedShape(shape);
    }

    private static boolean isTranslation(AffineTransform t) {
        return (t.getType() & ~AffineTransform.TYPE_TRANSLATION) == 0;
    }

    /**
     * The factor by which a transform scales every length, {@code sqrt(|det|)}, or NaN when it
     * scales directions differently (its linear part is not a multiple of a rotation or
     * reflection: the columns differ in length or are not orthogonal).
     */
    static double uniformScale(AffineTransform t) {
        double a = t.getScaleX();
        double b = t.getShearY();
        double c = t.getShearX();
        double d = t.getScaleY();
        double first = a * a + b * b;
        double second = c * c + d * d;
        double dot = a * c + b * d;
        double tolerance = 1e-9 * Math.max(first, second);
        if (Math.abs(first - second) > tolerance || Math.abs(dot) > tolerance) {
            return Double.NaN;
        }
        return Math.sqrt(Math.abs(a * d - b * c));
    }

    private static BasicStroke scaled(BasicStroke basic, float scale) {
        if (scale == 1f) {
            return basic;
        }
        float[] dash = basic.getDashArray();
        if (dash != null) {
            dash = dash.clone();
            for (int i = 0; i < dash.length; i++) {
                dash[i] *= scale;
            }
        }
        return new BasicStroke(basic.getLineWidth() * scale, basic.getEndCap(),
            basic.getLineJoin(), basic.getMiterLimit(), dash, basic.getDashPhase() * scale);
    }

    private static Path2D polyline(int[] xs, int[] ys, int count, boolean closed) {
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < count; i++) {
            if (i == 0) {
                path.moveTo(xs[i], ys[i]);
            } else {
                path.lineTo(xs[i], ys[i]);
            }
        }
        if (closed && count > 0) {
            path.closePath();
        }
        return path;
    }

    private static UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException("SVG output does not draw " + what);
    }
}
