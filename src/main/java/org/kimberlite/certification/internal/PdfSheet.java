package org.kimberlite.certification.internal;

import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.GeneralPath;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.pdf.TextPages;

/**
 * Drawing on one PDF page with the standard 14 fonts, whose WinAnsi encoding covers Western
 * European text: every string goes through {@link #printable(PDFont, String)}, so that a character
 * outside the encoding is replaced (by its base letter when it has one, else by "?") instead of
 * failing the whole document. Coordinates are PDF points from the bottom left corner.
 */
final class PdfSheet {
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile(" +");

  /** An RGB colour with components from 0 to 1. */
  record Rgb(float r, float g, float b) {}

  /** The fonts of one document: font objects are not shared between documents (nor threads). */
  record Fonts(PDFont regular, PDFont bold, PDFont serifBold, PDFont serifItalic, PDFont monoBold) {
    static Fonts standard() {
      return new Fonts(
          new PDType1Font(FontName.HELVETICA),
          new PDType1Font(FontName.HELVETICA_BOLD),
          new PDType1Font(FontName.TIMES_BOLD),
          new PDType1Font(FontName.TIMES_ITALIC),
          new PDType1Font(FontName.COURIER_BOLD));
    }
  }

  final PDFont regular;
  final PDFont bold;
  final PDFont serifBold;
  final PDFont serifItalic;
  final PDFont monoBold;

  private final PDPageContentStream out;

  PdfSheet(PDPageContentStream out, Fonts fonts) {
    this.out = out;
    this.regular = fonts.regular();
    this.bold = fonts.bold();
    this.serifBold = fonts.serifBold();
    this.serifItalic = fonts.serifItalic();
    this.monoBold = fonts.monoBold();
  }

  /** The text as the font can show it: NFC, controls as spaces, unencodable characters replaced. */
  static String printable(PDFont font, String text) {
    return TextPages.printable(font, text);
  }

  static float width(PDFont font, float size, String text) {
    try {
      return font.getStringWidth(printable(font, text)) / 1000f * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The text broken into lines no wider than {@code maxWidth}, at spaces where it can, inside a
   * word when the word alone is too wide.
   */
  static List<String> wrap(PDFont font, float size, float maxWidth, String text) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : SPACES.split(printable(font, text).strip())) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (width(font, size, candidate) <= maxWidth) {
        line.setLength(0);
        line.append(candidate);
        continue;
      }
      if (!line.isEmpty()) {
        lines.add(line.toString());
        line.setLength(0);
      }
      String rest = word;
      while (width(font, size, rest) > maxWidth && rest.length() > 1) {
        int cut = rest.length() - 1;
        while (cut > 1 && width(font, size, rest.substring(0, cut)) > maxWidth) {
          cut--;
        }
        lines.add(rest.substring(0, cut));
        rest = rest.substring(cut);
      }
      line.append(rest);
    }
    if (!line.isEmpty() || lines.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  /** The text cut with an ellipsis to fit {@code maxWidth}. */
  static String fit(PDFont font, float size, float maxWidth, String text) {
    String printable = printable(font, text);
    if (width(font, size, printable) <= maxWidth) {
      return printable;
    }
    String cut = printable;
    while (!cut.isEmpty() && width(font, size, cut + "...") > maxWidth) {
      cut = cut.substring(0, cut.length() - 1);
    }
    return cut.stripTrailing() + "...";
  }

  void text(PDFont font, float size, Rgb colour, float x, float y, String text) throws IOException {
    spaced(font, size, colour, x, y, 0, text);
  }

  void spaced(PDFont font, float size, Rgb colour, float x, float y, float spacing, String text)
      throws IOException {
    out.beginText();
    out.setFont(font, size);
    out.setNonStrokingColor(colour.r(), colour.g(), colour.b());
    out.setCharacterSpacing(spacing);
    out.newLineAtOffset(x, y);
    out.showText(printable(font, text));
    out.endText();
    if (spacing != 0) {
      out.setCharacterSpacing(0);
    }
  }

  void centred(PDFont font, float size, Rgb colour, float centreX, float y, String text)
      throws IOException {
    text(font, size, colour, centreX - width(font, size, text) / 2, y, text);
  }

  void centredSpaced(
      PDFont font, float size, Rgb colour, float centreX, float y, float spacing, String text)
      throws IOException {
    String printable = printable(font, text);
    float width = width(font, size, printable) + spacing * Math.max(0, printable.length() - 1);
    spaced(font, size, colour, centreX - width / 2, y, spacing, printable);
  }

  void right(PDFont font, float size, Rgb colour, float rightX, float y, String text)
      throws IOException {
    text(font, size, colour, rightX - width(font, size, text), y, text);
  }

  void fill(Rgb colour, float x, float y, float w, float h) throws IOException {
    out.setNonStrokingColor(colour.r(), colour.g(), colour.b());
    out.addRect(x, y, w, h);
    out.fill();
  }

  void frame(Rgb colour, float lineWidth, float x, float y, float w, float h) throws IOException {
    out.setStrokingColor(colour.r(), colour.g(), colour.b());
    out.setLineWidth(lineWidth);
    out.addRect(x, y, w, h);
    out.stroke();
  }

  void line(Rgb colour, float lineWidth, float x1, float y1, float x2, float y2)
      throws IOException {
    out.setStrokingColor(colour.r(), colour.g(), colour.b());
    out.setLineWidth(lineWidth);
    out.moveTo(x1, y1);
    out.lineTo(x2, y2);
    out.stroke();
  }

  /** A polyline through the points {x0, y0, x1, y1, ...}, closed when asked. */
  void polyline(Rgb colour, float lineWidth, float[] points, boolean closed) throws IOException {
    out.setStrokingColor(colour.r(), colour.g(), colour.b());
    out.setLineWidth(lineWidth);
    out.moveTo(points[0], points[1]);
    for (int i = 2; i + 1 < points.length; i += 2) {
      out.lineTo(points[i], points[i + 1]);
    }
    if (closed) {
      out.closePath();
    }
    out.stroke();
  }

  /** A circle approximated by four Bézier curves. */
  void circle(Rgb colour, float lineWidth, float cx, float cy, float r) throws IOException {
    float k = 0.5523f * r;
    out.setStrokingColor(colour.r(), colour.g(), colour.b());
    out.setLineWidth(lineWidth);
    out.moveTo(cx + r, cy);
    out.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
    out.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
    out.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
    out.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
    out.closePath();
    out.stroke();
  }

  /**
   * Lettering along a circle of radius {@code r}, centred at the angle {@code centre} (radians,
   * anticlockwise from three o'clock) with its baseline on the circle: read clockwise with letters
   * standing outwards, as on the top of a seal, or anticlockwise with letters standing inwards, as
   * at the bottom. The letters are drawn as outlines, not text: they are part of a seal, and
   * rotated glyphs would scramble the page's text layer.
   */
  void ring(
      float size,
      Rgb colour,
      float cx,
      float cy,
      float r,
      double centre,
      boolean clockwise,
      String text)
      throws IOException {
    List<Outlines.Glyph> glyphs = new ArrayList<>();
    double total = 0;
    for (int cp : text.codePoints().toArray()) {
      Outlines.Glyph glyph = Outlines.glyph(cp, size);
      glyphs.add(glyph);
      total += glyph.advance() + RING_SPACING;
    }
    total = (total - RING_SPACING) / r;
    double theta = clockwise ? centre + total / 2 : centre - total / 2;
    out.setNonStrokingColor(colour.r(), colour.g(), colour.b());
    out.setStrokingColor(colour.r(), colour.g(), colour.b());
    out.setLineWidth(size * 0.045f);
    for (Outlines.Glyph glyph : glyphs) {
      double advance = (glyph.advance() + RING_SPACING) / r;
      AffineTransform at = new AffineTransform();
      at.translate(cx + r * Math.cos(theta), cy + r * Math.sin(theta));
      at.rotate(clockwise ? theta - Math.PI / 2 : theta + Math.PI / 2);
      if (path(glyph.outline().getPathIterator(at))) {
        out.fillAndStroke();
      }
      theta += clockwise ? -advance : advance;
    }
  }

  private static final float RING_SPACING = 0.6f;

  /**
   * A hollow rubber stamp: the word in outlined capitals inside a double frame, centred on (cx, cy)
   * and turned by {@code angle} radians. Drawn as outlines, so the text layer is not disturbed.
   */
  void stamp(float size, Rgb colour, float cx, float cy, double angle, String word)
      throws IOException {
    List<Outlines.Glyph> glyphs = new ArrayList<>();
    float width = 0;
    for (int cp : word.codePoints().toArray()) {
      Outlines.Glyph glyph = Outlines.glyph(cp, size);
      glyphs.add(glyph);
      width += glyph.advance() + size * 0.04f;
    }
    width -= size * 0.04f;
    float cap = size * 0.69f;
    AffineTransform place = AffineTransform.getTranslateInstance(cx, cy);
    place.rotate(angle);
    out.setStrokingColor(colour.r(), colour.g(), colour.b());
    out.setLineWidth(size / 40);
    float x = -width / 2;
    for (Outlines.Glyph glyph : glyphs) {
      AffineTransform at = new AffineTransform(place);
      at.translate(x, -cap / 2);
      if (path(glyph.outline().getPathIterator(at))) {
        out.stroke();
      }
      x += glyph.advance() + size * 0.04f;
    }
    for (float[] frame : new float[][] {{size * 0.28f, size / 16}, {size * 0.36f, size / 40}}) {
      float pad = frame[0];
      Shape box =
          new Rectangle2D.Float(-width / 2 - pad, -cap / 2 - pad, width + 2 * pad, cap + 2 * pad);
      out.setLineWidth(frame[1]);
      if (path(box.getPathIterator(place))) {
        out.stroke();
      }
    }
  }

  /** Adds the path to the page; false when it is empty. */
  private boolean path(PathIterator it) throws IOException {
    float[] p = new float[6];
    float x = 0;
    float y = 0;
    boolean any = false;
    for (; !it.isDone(); it.next()) {
      switch (it.currentSegment(p)) {
        case PathIterator.SEG_MOVETO -> {
          out.moveTo(p[0], p[1]);
          x = p[0];
          y = p[1];
        }
        case PathIterator.SEG_LINETO -> {
          out.lineTo(p[0], p[1]);
          x = p[0];
          y = p[1];
        }
        case PathIterator.SEG_QUADTO -> {
          // A quadratic Bézier as the cubic with control points 2/3 of the way to its own.
          out.curveTo(
              x + 2f / 3 * (p[0] - x),
              y + 2f / 3 * (p[1] - y),
              p[2] + 2f / 3 * (p[0] - p[2]),
              p[3] + 2f / 3 * (p[1] - p[3]),
              p[2],
              p[3]);
          x = p[2];
          y = p[3];
        }
        case PathIterator.SEG_CUBICTO -> {
          out.curveTo(p[0], p[1], p[2], p[3], p[4], p[5]);
          x = p[4];
          y = p[5];
        }
        default -> out.closePath();
      }
      any = true;
    }
    return any;
  }

  /**
   * Glyph outlines of Liberation Sans, which PDFBox ships as its last-resort font; when it is not
   * there, the outlines of a plain sans-serif from Java's own fonts.
   */
  private static final class Outlines {
    record Glyph(Shape outline, float advance) {}

    private static final @Nullable TrueTypeFont FONT = load();

    private Outlines() {}

    private static @Nullable TrueTypeFont load() {
      try (InputStream in =
          PDFont.class.getResourceAsStream(
              "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
        return in == null ? null : new TTFParser().parse(new RandomAccessReadBuffer(in));
      } catch (IOException e) {
        return null;
      }
    }

    /** The glyph's outline and advance at the given size, in points; a blank for no glyph. */
    static synchronized Glyph glyph(int codePoint, float size) throws IOException {
      if (FONT == null) {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 1000);
        GlyphVector vector =
            font.createGlyphVector(
                new FontRenderContext(null, false, false), Character.toString(codePoint));
        AffineTransform scale = AffineTransform.getScaleInstance(size / 1000, -size / 1000);
        return new Glyph(
            scale.createTransformedShape(vector.getOutline()),
            vector.getGlyphMetrics(0).getAdvance() * size / 1000);
      }
      float scale = size / FONT.getUnitsPerEm();
      int gid = FONT.getUnicodeCmapLookup().getGlyphId(codePoint);
      GlyphData data = FONT.getGlyph().getGlyph(gid);
      Shape outline = data == null ? new GeneralPath() : data.getPath();
      return new Glyph(
          AffineTransform.getScaleInstance(scale, scale).createTransformedShape(outline),
          FONT.getAdvanceWidth(gid) * scale);
    }
  }

  PDPageContentStream stream() {
    return out;
  }
}
