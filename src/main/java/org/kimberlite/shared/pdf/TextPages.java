package org.kimberlite.shared.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;

/**
 * A plain A4 report of text lines (headings in bold), wrapped to the page width and paged, in
 * Helvetica (one of the standard 14 fonts, whose WinAnsi encoding covers Western European text: a
 * character outside it becomes its base letter, or "?"). Reproducible: no dates, and the file ID is
 * derived from the content, so the same lines give the same bytes.
 */
public final class TextPages {
  private static final float SIZE = 9;
  private static final float HEADING = 11;
  private static final float MARGIN = 50;
  private static final float LEADING = 1.4f;

  private record Line(boolean bold, float size, String text) {}

  private final String title;
  private final String language;
  private final List<Line> lines = new ArrayList<>();

  /**
   * @param title the document's title (its metadata)
   * @param language the document's language tag, such as {@code en}
   */
  public TextPages(String title, String language) {
    this.title = title;
    this.language = language;
  }

  /** A heading in bold, with a blank line before it unless it opens the document. */
  public TextPages heading(String text) {
    if (!lines.isEmpty()) {
      blank();
    }
    lines.add(new Line(true, HEADING, text));
    return this;
  }

  /** A line of text in bold, at the size of the text. */
  public TextPages bold(String text) {
    lines.add(new Line(true, SIZE, text));
    return this;
  }

  /** A line of text, wrapped at spaces to the page width. */
  public TextPages line(String text) {
    lines.add(new Line(false, SIZE, text));
    return this;
  }

  public TextPages blank() {
    lines.add(new Line(false, SIZE, ""));
    return this;
  }

  /** The PDF. */
  public byte[] render() {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      PDFont regular = new PDType1Font(FontName.HELVETICA);
      PDFont bold = new PDType1Font(FontName.HELVETICA_BOLD);
      float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
      List<Line> wrapped = new ArrayList<>();
      StringBuilder content = new StringBuilder(title).append('\n');
      for (Line l : lines) {
        PDFont font = l.bold() ? bold : regular;
        for (String part : wrap(font, l.size(), width, printable(font, l.text()))) {
          wrapped.add(new Line(l.bold(), l.size(), part));
          content.append(l.bold() ? "# " : "").append(part).append('\n');
        }
      }
      float top = PDRectangle.A4.getHeight() - MARGIN;
      PDPageContentStream out = null;
      float y = 0;
      try {
        for (Line l : wrapped) {
          float step = l.size() * LEADING;
          if (out == null || y - step < MARGIN) {
            if (out != null) {
              out.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            out = new PDPageContentStream(doc, page);
            y = top;
          }
          y -= step;
          if (!l.text().isEmpty()) {
            out.beginText();
            out.setFont(l.bold() ? bold : regular, l.size());
            out.newLineAtOffset(MARGIN, y);
            out.showText(l.text());
            out.endText();
          }
        }
      } finally {
        if (out != null) {
          out.close();
        }
      }
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(printable(regular, title));
      info.setProducer("Kimberlite");
      doc.getDocumentCatalog().setLanguage(language);
      byte[] id = Arrays.copyOf(sha256(content.toString()), 16);
      COSArray ids = new COSArray();
      ids.add(new COSString(id));
      ids.add(new COSString(id));
      doc.getDocument().getTrailer().setItem(COSName.ID, ids);
      doc.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Letters that have no decomposition to a base letter but an obvious Latin stand-in. */
  private static final Map<Integer, String> STAND_INS =
      Map.ofEntries(
          Map.entry((int) 'Ł', "L"),
          Map.entry((int) 'ł', "l"),
          Map.entry((int) 'Đ', "D"),
          Map.entry((int) 'đ', "d"),
          Map.entry((int) 'Ħ', "H"),
          Map.entry((int) 'ħ', "h"),
          Map.entry((int) 'ı', "i"),
          Map.entry((int) '‐', "-"),
          Map.entry((int) '‑', "-"),
          Map.entry((int) '−', "-"));

  /**
   * The text as the font can show it: NFC, controls and other spaces as a space, a character the
   * font cannot encode as its base letter when it has one (or an obvious stand-in), else "?"; so
   * that one odd character does not fail a whole document.
   */
  public static String printable(PDFont font, String text) {
    String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
    StringBuilder result = new StringBuilder(nfc.length());
    nfc.codePoints()
        .forEach(
            cp -> {
              if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                result.append(' ');
              } else if (encodable(font, Character.toString(cp))) {
                result.appendCodePoint(cp);
              } else {
                result.append(standIn(font, cp));
              }
            });
    return result.toString();
  }

  private static String standIn(PDFont font, int cp) {
    String mapped = STAND_INS.get(cp);
    if (mapped != null) {
      return mapped;
    }
    StringBuilder base = new StringBuilder();
    Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFKD)
        .codePoints()
        .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
        .filter(c -> encodable(font, Character.toString(c)))
        .forEach(base::appendCodePoint);
    return base.isEmpty() ? "?" : base.toString();
  }

  private static boolean encodable(PDFont font, String s) {
    try {
      font.encode(s);
      return true;
    } catch (IllegalArgumentException | IOException e) {
      return false;
    }
  }

  private static float width(PDFont font, float size, String text) throws IOException {
    return font.getStringWidth(text) / 1000f * size;
  }

  /** Breaks a printable line at the last space before it grows wider than {@code max}. */
  static List<String> wrap(PDFont font, float size, float max, String text) throws IOException {
    List<String> out = new ArrayList<>();
    String rest = text;
    while (width(font, size, rest) > max) {
      int cut = rest.length();
      while (cut > 1 && width(font, size, rest.substring(0, cut)) > max) {
        cut--;
      }
      int space = rest.lastIndexOf(' ', cut);
      int at = space > 0 ? space : cut;
      out.add(rest.substring(0, at));
      rest = rest.substring(space > 0 ? at + 1 : at);
    }
    out.add(rest);
    return out;
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
