package org.kimberlite.certification.internal;

import com.google.zxing.common.BitMatrix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.CertificateLine;
import org.kimberlite.certification.CertificateStatus;
import org.kimberlite.certification.KpCertificate;
import org.kimberlite.certification.Party;
import org.kimberlite.certification.documents.CertificatePdfReader;
import org.kimberlite.certification.internal.PdfSheet.Rgb;

/**
 * The printable KP certificate: one A4 page with every KPCS Annex I item (docs/rules.md, KP-01),
 * laid out as an official document, and the QR code that carries the signed payload; lines that do
 * not fit go to continuation sheets. The QR content is also stored in the document information
 * under {@link CertificatePdfReader#PAYLOAD_KEY}, where {@link CertificatePdfReader} reads it back.
 * The words come from {@link CertificateWording}; this class only places them.
 *
 * <p>Neither the stored entry nor the QR code is trusted: a verifier checks the signature of the
 * payload and compares it with the certificate.
 */
public final class CertificateLayout {
  private static final float PAGE_W = PDRectangle.A4.getWidth();
  private static final float PAGE_H = PDRectangle.A4.getHeight();
  private static final float LEFT = 58;
  private static final float RIGHT = PAGE_W - 58;
  private static final float CONTENT_W = RIGHT - LEFT;
  private static final float CENTRE = PAGE_W / 2;

  /** The QR symbol with its quiet zone: 4.2 cm, the dark part about 3.5 cm. */
  private static final float QR_SIZE = 4.2f / 2.54f * 72;

  /** The lowest point of the validation block, measured from the top of the page. */
  private static final float VALIDATION_LIMIT = 762;

  /** The height of the validation box: the QR code and its margins. */
  private static final float VALIDATION_H = QR_SIZE + 22;

  private static final Rgb NAVY = new Rgb(0.07f, 0.16f, 0.33f);
  private static final Rgb INK = new Rgb(0.11f, 0.11f, 0.13f);
  private static final Rgb GREY = new Rgb(0.36f, 0.40f, 0.48f);
  private static final Rgb RULE = new Rgb(0.66f, 0.72f, 0.81f);
  private static final Rgb TINT = new Rgb(0.93f, 0.95f, 0.98f);
  private static final Rgb WHITE = new Rgb(1, 1, 1);
  private static final Rgb BLACK = new Rgb(0, 0, 0);
  private static final Rgb GUILLOCHE = new Rgb(0.50f, 0.63f, 0.78f);
  private static final Rgb ROSETTE = new Rgb(0.87f, 0.91f, 0.96f);
  private static final Rgb VALID = new Rgb(0.09f, 0.42f, 0.23f);
  private static final Rgb VOID = new Rgb(0.68f, 0.11f, 0.11f);

  private static final Pattern ITEM_PREFIX = Pattern.compile("(\\([a-l]\\) )+");
  private static final Pattern ITEM_LETTER = Pattern.compile("\\([A-L]\\)");

  private CertificateLayout() {}

  /**
   * Renders the certificate.
   *
   * @param qrContent what the QR code carries (the verification link with the signed payload)
   * @param verifyUrl the address printed under "Scan to verify"
   * @param logIndex the certificate's transparency-log index, printed when known
   * @return the PDF bytes
   */
  public static byte[] render(
      KpCertificate certificate, String qrContent, String verifyUrl, @Nullable Long logIndex) {
    return render(certificate, qrContent, verifyUrl, logIndex, false);
  }

  /**
   * Renders the certificate, in English and, when {@code french}, in French too: every label,
   * heading and the notice carry both languages ("Exporter / Exportateur").
   */
  public static byte[] render(
      KpCertificate certificate,
      String qrContent,
      String verifyUrl,
      @Nullable Long logIndex,
      boolean french) {
    try (PDDocument document = new PDDocument()) {
      describe(document, certificate, qrContent);
      new Layout(document, certificate, qrContent, verifyUrl, logIndex, french).draw();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not render certificate " + certificate.number(), e);
    }
  }

  private static void describe(PDDocument document, KpCertificate c, String qrContent) {
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle(CertificateWording.documentTitle(c));
    info.setSubject(CertificateWording.documentSubject(c));
    info.setAuthor(c.issuingAuthority().name());
    info.setKeywords(CertificateWording.documentKeywords(c));
    info.setCreator(CertificateWording.PRODUCER);
    info.setProducer(CertificateWording.PRODUCER);
    info.setCustomMetadataValue(CertificatePdfReader.PAYLOAD_KEY, qrContent);
    document.getDocumentCatalog().setLanguage("en");
  }

  /** The drawing of one certificate, top to bottom. */
  private static final class Layout {
    private final PDDocument document;
    private final KpCertificate c;
    private final String qrContent;
    private final String verifyUrl;
    private final @Nullable Long logIndex;
    private final List<PDPage> pages = new ArrayList<>();
    private final PdfSheet.Fonts fonts = PdfSheet.Fonts.standard();
    private final boolean french;

    Layout(
        PDDocument document,
        KpCertificate c,
        String qrContent,
        String verifyUrl,
        @Nullable Long logIndex,
        boolean french) {
      this.french = french;
      this.document = document;
      this.c = c;
      this.qrContent = qrContent;
      this.verifyUrl = verifyUrl;
      this.logIndex = logIndex;
    }

    void draw() throws IOException {
      // Encoded before anything is drawn: content too long for a QR code fails here, cleanly.
      BitMatrix qr = QrCodes.matrix(qrContent);
      PDPage first = newPage();
      List<CertificateLine> overflow;
      try (PDPageContentStream stream = new PDPageContentStream(document, first)) {
        PdfSheet sheet = new PdfSheet(stream, fonts);
        background(sheet);
        float t = header(sheet, 52);
        List<Cell[]> rows = particularRows();
        // The French notice takes two more lines at the foot: the validation ends higher.
        float validationT = VALIDATION_LIMIT - (french ? 12 : 0) - VALIDATION_H - 6;
        // Spare height, if any, opens up the four gaps between blocks, up to a point.
        float needed = 12 + 46 + 16 + 6 + 16 + goodsHeight(sheet) + 22;
        for (Cell[] row : rows) {
          needed += rowHeight(sheet, row);
        }
        float extra = Math.clamp((validationT - t - needed) / 4, 0, 18);
        t = numberAndStatus(sheet, t + 12 + extra);
        t = section(sheet, t + 16 + extra, CertificateWording.PARTICULARS);
        for (Cell[] row : rows) {
          t = row(sheet, t, row);
        }
        GoodsEnd goods = goods(sheet, t + 16 + extra, validationT - 22);
        overflow = goods.rest();
        validation(sheet, qr, Math.min(goods.t() + 22 + extra, validationT));
        if (c.status() == CertificateStatus.CANCELLED || c.status() == CertificateStatus.EXPIRED) {
          // Over the particulars and goods, clear of the QR code so that it still scans.
          double angle = Math.toRadians(24);
          sheet.stamp(64, VOID, CENTRE, y(425), angle, c.status().name());
          if (french) {
            // The French word under the English one, along the same slant.
            float below = 62;
            sheet.stamp(
                44,
                VOID,
                CENTRE + below * (float) Math.sin(angle),
                y(425) - below * (float) Math.cos(angle),
                angle,
                CertificateWording.french(c.status().name()));
          }
        }
      }
      int index = c.lines().size() - overflow.size();
      while (!overflow.isEmpty()) {
        try (PDPageContentStream stream = new PDPageContentStream(document, newPage())) {
          PdfSheet sheet = new PdfSheet(stream, fonts);
          background(sheet);
          int shown = continuation(sheet, overflow, index);
          overflow = overflow.subList(shown, overflow.size());
          index += shown;
        }
      }
      for (int i = 0; i < pages.size(); i++) {
        try (PDPageContentStream stream =
            new PDPageContentStream(
                document, pages.get(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
          footer(new PdfSheet(stream, fonts), i + 1, pages.size());
        }
      }
    }

    private PDPage newPage() {
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      pages.add(page);
      return page;
    }

    /** Guilloché frame and a faint rosette: the look of a security document. */
    private void background(PdfSheet sheet) throws IOException {
      float cx = CENTRE;
      float cy = y(470);
      int petals = 36;
      for (int k = 0; k < petals; k++) {
        double turn = Math.PI * k / petals;
        float[] points = new float[2 * 96];
        for (int i = 0; i < 96; i++) {
          double a = 2 * Math.PI * i / 96;
          double ex = 190 * Math.cos(a);
          double ey = 62 * Math.sin(a);
          points[2 * i] = (float) (cx + ex * Math.cos(turn) - ey * Math.sin(turn));
          points[2 * i + 1] = (float) (cy + ex * Math.sin(turn) + ey * Math.cos(turn));
        }
        sheet.polyline(ROSETTE, 0.35f, points, true);
      }
      float outer = 24;
      float inner = 36;
      sheet.frame(NAVY, 1.6f, outer, outer, PAGE_W - 2 * outer, PAGE_H - 2 * outer);
      sheet.frame(NAVY, 0.6f, inner, inner, PAGE_W - 2 * inner, PAGE_H - 2 * inner);
      float mid = (outer + inner) / 2;
      float amplitude = (inner - outer) / 2 - 1.2f;
      band(sheet, mid, mid, PAGE_W - mid, mid, amplitude);
      band(sheet, PAGE_W - mid, mid, PAGE_W - mid, PAGE_H - mid, amplitude);
      band(sheet, PAGE_W - mid, PAGE_H - mid, mid, PAGE_H - mid, amplitude);
      band(sheet, mid, PAGE_H - mid, mid, mid, amplitude);
      for (float[] corner :
          new float[][] {
            {outer, outer},
            {PAGE_W - inner, outer},
            {outer, PAGE_H - inner},
            {PAGE_W - inner, PAGE_H - inner}
          }) {
        float size = inner - outer;
        sheet.fill(WHITE, corner[0], corner[1], size, size);
        sheet.frame(NAVY, 0.6f, corner[0], corner[1], size, size);
        float ccx = corner[0] + size / 2;
        float ccy = corner[1] + size / 2;
        float r = size / 2 - 2.5f;
        sheet.polyline(
            NAVY, 0.6f, new float[] {ccx, ccy + r, ccx + r, ccy, ccx, ccy - r, ccx - r, ccy}, true);
      }
    }

    /** Interlaced waves along one side of the frame, meeting the next side at the corners. */
    private static void band(
        PdfSheet sheet, float x1, float y1, float x2, float y2, float amplitude)
        throws IOException {
      double length = Math.hypot(x2 - x1, y2 - y1);
      int waves = (int) Math.round(length / 9);
      double nx = -(y2 - y1) / length;
      double ny = (x2 - x1) / length;
      int steps = waves * 12;
      for (int strand = 0; strand < 3; strand++) {
        double phase = strand * Math.PI / 3;
        float[] points = new float[2 * (steps + 1)];
        for (int i = 0; i <= steps; i++) {
          double s = (double) i / steps;
          // Full amplitude except over the first and last wave, where it tapers to the corner.
          double taper = Math.min(1, Math.min(s, 1 - s) * waves);
          double offset = amplitude * taper * Math.sin(waves * Math.PI * s + phase);
          points[2 * i] = (float) (x1 + (x2 - x1) * s + nx * offset);
          points[2 * i + 1] = (float) (y1 + (y2 - y1) * s + ny * offset);
        }
        sheet.polyline(GUILLOCHE, 0.4f, points, false);
      }
    }

    private float header(PdfSheet sheet, float t) throws IOException {
      sheet.centredSpaced(sheet.bold, 7.5f, GREY, CENTRE, y(t), 1f, CertificateWording.SCHEME);
      emblem(sheet, CENTRE, y(t + 24));
      sheet.centred(sheet.serifBold, 24, NAVY, CENTRE, y(t + 64), CertificateWording.TITLE);
      float line = t + 82;
      if (french) {
        sheet.centred(
            sheet.serifBold,
            12,
            NAVY,
            CENTRE,
            y(t + 80),
            CertificateWording.french(CertificateWording.TITLE));
        line += 14;
      }
      for (String text :
          PdfSheet.wrap(sheet.serifItalic, 10.5f, 400, CertificateWording.STATEMENT)) {
        sheet.centred(sheet.serifItalic, 10.5f, INK, CENTRE, y(line), text);
        line += 13;
      }
      return line - 6;
    }

    /** A brilliant-cut diamond in profile between two rules. */
    private static void emblem(PdfSheet sheet, float cx, float girdle) throws IOException {
      float table = 7;
      float half = 13;
      float crown = 6;
      float pavilion = 14;
      float top = girdle + crown;
      float culet = girdle - pavilion;
      sheet.polyline(
          NAVY,
          0.8f,
          new float[] {
            cx - table, top, cx + table, top, cx + half, girdle, cx, culet, cx - half, girdle
          },
          true);
      sheet.line(NAVY, 0.5f, cx - half, girdle, cx + half, girdle);
      sheet.polyline(
          NAVY,
          0.4f,
          new float[] {cx - table, top, cx - half / 2, girdle, cx, top, cx + half / 2, girdle},
          false);
      sheet.line(NAVY, 0.4f, cx + half / 2, girdle, cx + table, top);
      sheet.polyline(
          NAVY, 0.4f, new float[] {cx - half / 2, girdle, cx, culet, cx + half / 2, girdle}, false);
      sheet.line(NAVY, 0.6f, LEFT + 90, girdle, cx - half - 8, girdle);
      sheet.line(NAVY, 0.6f, cx + half + 8, girdle, RIGHT - 90, girdle);
      sheet.line(RULE, 0.4f, LEFT + 110, girdle - 3, cx - half - 12, girdle - 3);
      sheet.line(RULE, 0.4f, cx + half + 12, girdle - 3, RIGHT - 110, girdle - 3);
    }

    private float numberAndStatus(PdfSheet sheet, float t) throws IOException {
      float h = 46;
      float numberW = CONTENT_W * 0.66f;
      sheet.fill(TINT, LEFT, y(t + h), numberW, h);
      sheet.frame(NAVY, 0.9f, LEFT, y(t + h), numberW, h);
      label(sheet, LEFT + 8, t + 11, words(CertificateWording.NUMBER));
      sheet.text(
          sheet.monoBold,
          19,
          NAVY,
          LEFT + 8,
          y(t + 35),
          PdfSheet.fit(sheet.monoBold, 19, numberW - 16, c.number()));
      float statusX = LEFT + numberW + 8;
      float statusW = RIGHT - statusX;
      sheet.frame(NAVY, 0.9f, statusX, y(t + h), statusW, h);
      label(sheet, statusX + 8, t + 11, words(CertificateWording.STATUS));
      Rgb colour =
          switch (c.status()) {
            case ISSUED, CONFIRMED -> VALID;
            case CANCELLED, EXPIRED -> VOID;
          };
      String status = CertificateWording.status(c, french);
      // Both languages may not fit the box at the full size: the word shrinks, never overflows.
      float size = 13;
      while (size > 8 && PdfSheet.width(sheet.bold, size, status) > statusW - 16) {
        size -= 0.5f;
      }
      sheet.text(sheet.bold, size, colour, statusX + 8, y(t + 28), status);
      sheet.text(
          sheet.regular,
          7.5f,
          GREY,
          statusX + 8,
          y(t + 39),
          PdfSheet.fit(sheet.regular, 7.5f, statusW - 16, CertificateWording.since(c, french)));
      return t + h;
    }

    /** The parties, dates, origin, parcels and seal, as rows of a ruled grid of labelled cells. */
    private List<Cell[]> particularRows() {
      Party authority = c.issuingAuthority();
      return List.of(
          new Cell[] {
            new Cell(
                0.5f,
                CertificateWording.ISSUING_PARTICIPANT,
                CertificateWording.country(c.issuingParticipant())),
            new Cell(0.25f, CertificateWording.ISSUED_ON, c.issuedOn().toString()),
            new Cell(0.25f, CertificateWording.EXPIRES_ON, c.expiresOn().toString())
          },
          new Cell[] {
            new Cell(
                0.5f,
                CertificateWording.ISSUING_AUTHORITY,
                authority.name(),
                CertificateWording.country(authority.country())),
            new Cell(
                0.5f,
                CertificateWording.IMPORTING_PARTICIPANT,
                CertificateWording.country(c.importingParticipant()))
          },
          new Cell[] {
            new Cell(
                0.5f,
                CertificateWording.EXPORTER,
                c.exporter().name(),
                CertificateWording.country(c.exporter().country())),
            new Cell(
                0.5f,
                CertificateWording.IMPORTER,
                c.importer().name(),
                CertificateWording.country(c.importer().country()))
          },
          new Cell[] {
            new Cell(0.5f, CertificateWording.ORIGIN, CertificateWording.origin(c.origin())),
            new Cell(0.2f, CertificateWording.PARCELS, Integer.toString(c.parcels())),
            new Cell(0.3f, CertificateWording.SEAL_ID, c.sealId())
          });
    }

    /** A labelled cell: a share of the content width, a label, a bold first line, then others. */
    private record Cell(float share, String label, String first, String... more) {}

    private static List<String> cellText(PdfSheet sheet, Cell cell) {
      float inner = cell.share() * CONTENT_W - 14;
      List<String> text = new ArrayList<>(PdfSheet.wrap(sheet.bold, 10, inner, cell.first()));
      for (String more : cell.more()) {
        text.addAll(PdfSheet.wrap(sheet.regular, 9, inner, more));
      }
      return text;
    }

    /** Room for the labels of a cell: one line, or two with the French under the English. */
    private float labelRoom() {
      return french ? 28 : 20;
    }

    private float rowHeight(PdfSheet sheet, Cell[] cells) {
      int lines = 1;
      for (Cell cell : cells) {
        lines = Math.max(lines, cellText(sheet, cell).size());
      }
      return labelRoom() + 12 * lines;
    }

    private float row(PdfSheet sheet, float t, Cell[] cells) throws IOException {
      List<List<String>> texts = new ArrayList<>();
      for (Cell cell : cells) {
        texts.add(cellText(sheet, cell));
      }
      float h = rowHeight(sheet, cells);
      float x = LEFT;
      for (int i = 0; i < cells.length; i++) {
        Cell cell = cells[i];
        float w = cell.share() * CONTENT_W;
        sheet.frame(RULE, 0.5f, x, y(t + h), w, h);
        label(sheet, x + 7, t + 10, cell.label());
        if (french) {
          sheet.text(
              sheet.serifItalic,
              7,
              GREY,
              x + 7,
              y(t + 18.5f),
              CertificateWording.french(cell.label()));
        }
        float line = t + labelRoom() + 3;
        int firstLines = PdfSheet.wrap(sheet.bold, 10, w - 14, cell.first()).size();
        for (int j = 0; j < texts.get(i).size(); j++) {
          boolean isFirst = j < firstLines;
          sheet.text(
              isFirst ? sheet.bold : sheet.regular,
              isFirst ? 10 : 9,
              isFirst ? INK : GREY,
              x + 7,
              y(line),
              texts.get(i).get(j));
          line += 12;
        }
        x += w;
      }
      return t + h;
    }

    /**
     * The HS lines with their totals between {@code t} and {@code limit}; returns the lines that
     * did not fit, for the continuation sheet.
     */
    private record GoodsEnd(float t, List<CertificateLine> rest) {}

    private GoodsEnd goods(PdfSheet sheet, float t, float limit) throws IOException {
      t = section(sheet, t, CertificateWording.GOODS);
      t = goodsHeader(sheet, t);
      List<CertificateLine> lines = c.lines();
      float totalH = 20;
      float noteH = french ? 27 : 16;
      int shown = 0;
      float cursor = t;
      for (CertificateLine line : lines) {
        float h = lineHeight(sheet, line);
        boolean last = shown == lines.size() - 1;
        float reserve = totalH + (last ? 0 : noteH);
        if (cursor + h + reserve > limit) {
          break;
        }
        cursor = goodsLine(sheet, cursor, line, shown);
        shown++;
      }
      List<CertificateLine> rest = lines.subList(shown, lines.size());
      if (!rest.isEmpty()) {
        sheet.text(
            sheet.serifItalic,
            9,
            INK,
            LEFT + 8,
            y(cursor + 11),
            CertificateWording.continued(rest.size(), lines.size()));
        if (french) {
          sheet.text(
              sheet.serifItalic,
              9,
              INK,
              LEFT + 8,
              y(cursor + 22),
              CertificateWording.continuedInFrench(rest.size(), lines.size()));
        }
        cursor += noteH;
      }
      return new GoodsEnd(goodsTotal(sheet, cursor), List.copyOf(rest));
    }

    private static final float[] COLUMNS = {66, CONTENT_W - 66 - 96 - 110, 96, 110};

    private float headerHeight() {
      return french ? 26 : 17;
    }

    private float goodsHeader(PdfSheet sheet, float t) throws IOException {
      float h = headerHeight();
      sheet.fill(NAVY, LEFT, y(t + h), CONTENT_W, h);
      float x = LEFT;
      String[] titles = {
        CertificateWording.HS_CODE,
        CertificateWording.DESCRIPTION,
        CertificateWording.CARATS,
        CertificateWording.VALUE
      };
      for (int i = 0; i < titles.length; i++) {
        titles[i] = caps(titles[i]);
      }
      String[] english = {
        CertificateWording.HS_CODE,
        CertificateWording.DESCRIPTION,
        CertificateWording.CARATS,
        CertificateWording.VALUE
      };
      for (int i = 0; i < titles.length; i++) {
        if (i < 2) {
          sheet.text(sheet.bold, 7.5f, WHITE, x + 7, y(t + 11.5f), titles[i]);
        } else {
          sheet.right(sheet.bold, 7.5f, WHITE, x + COLUMNS[i] - 7, y(t + 11.5f), titles[i]);
        }
        if (french) {
          String fr = CertificateWording.french(english[i]);
          if (i < 2) {
            sheet.text(sheet.serifItalic, 7, WHITE, x + 7, y(t + 21.5f), fr);
          } else {
            sheet.right(sheet.serifItalic, 7, WHITE, x + COLUMNS[i] - 7, y(t + 21.5f), fr);
          }
        }
        x += COLUMNS[i];
      }
      return t + h;
    }

    /** The height of the goods block with every line: heading, table header, lines, total. */
    private float goodsHeight(PdfSheet sheet) {
      float h = 6 + headerHeight() + 20;
      for (CertificateLine line : c.lines()) {
        h += lineHeight(sheet, line);
      }
      return h;
    }

    private static List<String> description(PdfSheet sheet, CertificateLine line) {
      return PdfSheet.wrap(
          sheet.regular, 8.5f, COLUMNS[1] - 14, CertificateWording.hsDescription(line.hsCode()));
    }

    private static float lineHeight(PdfSheet sheet, CertificateLine line) {
      return 8 + 11 * description(sheet, line).size();
    }

    private float goodsLine(PdfSheet sheet, float t, CertificateLine line, int index)
        throws IOException {
      float h = lineHeight(sheet, line);
      if (index % 2 == 1) {
        sheet.fill(TINT, LEFT, y(t + h), CONTENT_W, h);
      }
      float base = t + 13;
      float x = LEFT;
      sheet.text(sheet.bold, 10, INK, x + 7, y(base), line.hsCode().code());
      x += COLUMNS[0];
      float d = base;
      for (String text : description(sheet, line)) {
        sheet.text(sheet.regular, 8.5f, INK, x + 7, y(d), text);
        d += 11;
      }
      x += COLUMNS[1];
      sheet.right(
          sheet.regular,
          10,
          INK,
          x + COLUMNS[2] - 7,
          y(base),
          CertificateWording.amount(line.carats()));
      x += COLUMNS[2];
      sheet.right(
          sheet.regular,
          10,
          INK,
          x + COLUMNS[3] - 7,
          y(base),
          CertificateWording.amount(line.valueUsd()));
      sheet.line(RULE, 0.4f, LEFT, y(t + h), RIGHT, y(t + h));
      return t + h;
    }

    private float goodsTotal(PdfSheet sheet, float t) throws IOException {
      float h = 20;
      sheet.line(NAVY, 1.1f, LEFT, y(t), RIGHT, y(t));
      sheet.fill(TINT, LEFT, y(t + h), CONTENT_W, h);
      sheet.text(sheet.bold, 9, NAVY, LEFT + 7, y(t + 13.5f), words(CertificateWording.TOTAL));
      int count = c.lines().size();
      sheet.text(
          sheet.regular,
          8.5f,
          GREY,
          LEFT + COLUMNS[0] + 7,
          y(t + 13.5f),
          CertificateWording.lineCount(count, c.parcels(), french));
      float x = LEFT + COLUMNS[0] + COLUMNS[1];
      sheet.right(
          sheet.bold,
          10.5f,
          NAVY,
          x + COLUMNS[2] - 7,
          y(t + 14),
          CertificateWording.amount(c.carats()));
      x += COLUMNS[2];
      sheet.right(
          sheet.bold,
          10.5f,
          NAVY,
          x + COLUMNS[3] - 7,
          y(t + 14),
          CertificateWording.totalValue(c.valueUsd()));
      sheet.line(NAVY, 1.1f, LEFT, y(t + h), RIGHT, y(t + h));
      return t + h;
    }

    /** Item (l): the electronic validation, the seal and the QR code. */
    private void validation(PdfSheet sheet, BitMatrix qr, float top) throws IOException {
      float t = section(sheet, top, CertificateWording.VALIDATION);
      float bottom = t + VALIDATION_H;
      sheet.frame(NAVY, 0.9f, LEFT, y(bottom), CONTENT_W, VALIDATION_H);
      float qrX = RIGHT - 11 - QR_SIZE;
      drawQr(sheet, qr, qrX, y(t + 11 + QR_SIZE), QR_SIZE);
      sheet.line(RULE, 0.5f, qrX - 11, y(t + 10), qrX - 11, y(bottom - 10));

      float textX = LEFT + 12;
      float textW = qrX - 24 - textX;
      float sealR = 33;
      float sealX = textX + textW - sealR - 2;
      float line = t + 19;
      for (String text : PdfSheet.wrap(sheet.regular, 9, textW, words(CertificateWording.SIGNED))) {
        sheet.text(sheet.regular, 9, INK, textX, y(line), text);
        line += 12;
      }
      for (String text : PdfSheet.wrap(sheet.bold, 10.5f, textW, c.issuingAuthority().name())) {
        sheet.text(sheet.bold, 10.5f, NAVY, textX, y(line + 1), text);
        line += 13;
      }
      float sealY = line + 4 + sealR;
      seal(sheet, sealX, y(sealY), sealR);
      // With both languages the texts above take a line more: the facts close up.
      line += french ? 7 : 12;
      float factsW = sealX - sealR - 10 - textX;
      JwsHeader header = JwsHeader.of(c.signature());
      line =
          fact(
              sheet,
              textX,
              factsW,
              line,
              CertificateWording.SIGNATURE,
              CertificateWording.signature(header.alg()));
      line =
          fact(
              sheet,
              textX,
              factsW,
              line,
              CertificateWording.KEY_ID,
              CertificateWording.keyId(header.kid(), french));
      fact(
          sheet,
          textX,
          factsW,
          line,
          CertificateWording.PUBLIC_RECORD,
          CertificateWording.publicRecord(logIndex, french));

      List<String> scan =
          PdfSheet.wrap(
              sheet.regular, 8, textW, CertificateWording.scanToVerify(verifyUrl, french));
      float scanT = bottom - 11 - 10.5f * (scan.size() - 1);
      for (int i = 0; i < scan.size(); i++) {
        String text = scan.get(i);
        String lead = CertificateWording.scanLead(french);
        if (i == 0 && text.startsWith(lead)) {
          sheet.text(sheet.bold, 8, NAVY, textX, y(scanT), lead);
          sheet.text(
              sheet.regular,
              8,
              INK,
              textX + PdfSheet.width(sheet.bold, 8, lead + " "),
              y(scanT),
              text.substring(lead.length()).strip());
        } else {
          sheet.text(sheet.regular, 8, INK, textX, y(scanT), text);
        }
        scanT += 10.5f;
      }
    }

    private float fact(PdfSheet sheet, float x, float w, float t, String name, String value)
        throws IOException {
      label(sheet, x, t, name);
      float end = t;
      String french = CertificateWording.french(name);
      if (this.french && !french.equals(name)) {
        // The French label under the English one, in the same narrow column.
        label(sheet, x, t + 7, french);
        end = t + 7 + 6;
      }
      // The French labels are longer: their column is wider.
      float labelW = this.french ? 74 : 62;
      List<String> lines = PdfSheet.wrap(sheet.regular, 8.5f, w - labelW, value);
      for (String text : lines) {
        sheet.text(sheet.regular, 8.5f, INK, x + labelW, y(t), text);
        t += 11;
      }
      return Math.max(t, end) + 3;
    }

    /** A round electronic seal with the issuing participant's code. */
    private void seal(PdfSheet sheet, float cx, float cy, float r) throws IOException {
      sheet.circle(NAVY, 1.3f, cx, cy, r);
      sheet.circle(NAVY, 0.5f, cx, cy, r - 2.5f);
      sheet.circle(NAVY, 0.6f, cx, cy, r - 11.5f);
      sheet.ring(5.6f, NAVY, cx, cy, r - 9.5f, Math.PI / 2, true, CertificateWording.SEAL_TOP);
      sheet.ring(5.6f, NAVY, cx, cy, r - 5, 3 * Math.PI / 2, false, CertificateWording.SEAL_BOTTOM);
      sheet.ring(6, NAVY, cx, cy, r - 9.2f, Math.PI, true, CertificateWording.SEAL_DOT);
      sheet.ring(6, NAVY, cx, cy, r - 9.2f, 0, true, CertificateWording.SEAL_DOT);
      sheet.centred(sheet.serifBold, 15, NAVY, cx, cy - 5, c.issuingParticipant().code());
    }

    private static void drawQr(PdfSheet sheet, BitMatrix qr, float x, float y, float size)
        throws IOException {
      sheet.fill(WHITE, x, y, size, size);
      int n = qr.getWidth();
      float module = size / n;
      PDPageContentStream out = sheet.stream();
      out.setNonStrokingColor(BLACK.r(), BLACK.g(), BLACK.b());
      for (int row = 0; row < n; row++) {
        int col = 0;
        while (col < n) {
          if (!qr.get(col, row)) {
            col++;
            continue;
          }
          int start = col;
          while (col < n && qr.get(col, row)) {
            col++;
          }
          out.addRect(
              x + start * module, y + size - (row + 1) * module, (col - start) * module, module);
        }
      }
      out.fill();
    }

    /** A continuation sheet with as many of the lines as fit; returns how many it shows. */
    private int continuation(PdfSheet sheet, List<CertificateLine> lines, int index)
        throws IOException {
      float t = 70;
      sheet.centred(sheet.serifBold, 16, NAVY, CENTRE, y(t), CertificateWording.TITLE);
      sheet.centred(
          sheet.bold, 10, INK, CENTRE, y(t + 18), CertificateWording.continuationOf(c, french));
      t = section(sheet, t + 44, CertificateWording.GOODS_CONTINUED);
      t = goodsHeader(sheet, t);
      int shown = 0;
      for (CertificateLine line : lines) {
        boolean last = shown == lines.size() - 1;
        if (t + lineHeight(sheet, line) + (last ? 20 : 0) > PAGE_H - (french ? 102 : 90)) {
          break;
        }
        t = goodsLine(sheet, t, line, index + shown);
        shown++;
      }
      if (shown == lines.size()) {
        goodsTotal(sheet, t);
      }
      return shown;
    }

    private void footer(PdfSheet sheet, int page, int of) throws IOException {
      // With the French notice too, the lines are set closer and start a little higher, so that
      // the footer stays inside the frame.
      float t = PAGE_H - (french ? 74 : 62);
      float leading = french ? 7.5f : 8.5f;
      List<String> lines =
          new ArrayList<>(
              PdfSheet.wrap(sheet.regular, 6.5f, CONTENT_W - 40, CertificateWording.NOTICE));
      if (french) {
        lines.addAll(
            PdfSheet.wrap(
                sheet.regular,
                6.5f,
                CONTENT_W - 40,
                CertificateWording.french(CertificateWording.NOTICE)));
      }
      for (String text : lines) {
        sheet.centred(sheet.regular, 6.5f, GREY, CENTRE, y(t), text);
        t += leading;
      }
      sheet.centred(
          sheet.regular,
          6.5f,
          GREY,
          CENTRE,
          y(t + 2),
          CertificateWording.footer(c, page, of, french));
    }

    /** A fixed text in the certificate's languages. */
    private String words(String english) {
      return french ? CertificateWording.both(english) : english;
    }

    private float section(PdfSheet sheet, float t, String title) throws IOException {
      float end = lettered(sheet, 8, NAVY, LEFT, t, 0.6f, words(title));
      sheet.line(NAVY, 0.6f, end + 8, y(t) + 2.5f, RIGHT, y(t) + 2.5f);
      return t + 6;
    }

    private static void label(PdfSheet sheet, float x, float t, String text) throws IOException {
      lettered(sheet, 6.3f, GREY, x, t, 0.35f, text);
    }

    /**
     * Small capitals in bold sans-serif, led by the Annex I item letters in serif italic, where an
     * "l" cannot be taken for an "I"; returns where the text ends.
     */
    private static float lettered(
        PdfSheet sheet, float size, Rgb colour, float x, float t, float spacing, String text)
        throws IOException {
      Matcher items = ITEM_PREFIX.matcher(text);
      String rest = text;
      if (items.lookingAt()) {
        float itemSize = size * 1.2f;
        sheet.text(sheet.serifItalic, itemSize, colour, x, y(t), items.group());
        x += PdfSheet.width(sheet.serifItalic, itemSize, items.group());
        rest = text.substring(items.end());
      }
      String upper = caps(rest);
      sheet.spaced(sheet.bold, size, colour, x, y(t), spacing, upper);
      return x + PdfSheet.width(sheet.bold, size, upper) + spacing * upper.length();
    }

    /** Upper case, but for the Annex I item letters: "(j) Parcels" becomes "(j) PARCELS". */
    private static String caps(String text) {
      return ITEM_LETTER
          .matcher(text.toUpperCase(Locale.ROOT))
          .replaceAll(m -> m.group().toLowerCase(Locale.ROOT));
    }
  }

  /** PDF y of a distance from the top of the page. */
  private static float y(float fromTop) {
    return PAGE_H - fromTop;
  }
}
