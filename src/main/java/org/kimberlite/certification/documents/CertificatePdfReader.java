package org.kimberlite.certification.documents;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.kimberlite.certification.internal.QrCodes;

/**
 * Reads a printed KP certificate back for offline verification: the QR content its PDF carries. The
 * PDF stores it in the document information under {@value #PAYLOAD_KEY}, so that a verifier can
 * read it from the file without decoding the image; the printed QR code alone is enough on paper,
 * and is read when the entry is missing.
 *
 * <p>Nothing read here is trusted: a verifier checks the signature of the payload and compares it
 * with the certificate.
 */
public final class CertificatePdfReader {
  /** The document-information key under which the QR content is stored. */
  public static final String PAYLOAD_KEY = "KimberlitePayload";

  /** Resolution at which page 1 is rendered to find the QR code when the entry is missing. */
  static final int SCAN_DPI = 200;

  private CertificatePdfReader() {}

  /**
   * The QR content of a certificate PDF: the {@value #PAYLOAD_KEY} entry of its document
   * information when present, else the QR code found on page 1 rendered at {@value #SCAN_DPI} dpi.
   * The result is untrusted until its signature is verified.
   *
   * @throws IllegalArgumentException when the bytes are not a PDF, or carry neither
   */
  public static String extractPayload(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String stored = document.getDocumentInformation().getCustomMetadataValue(PAYLOAD_KEY);
      if (stored != null && !stored.isBlank()) {
        return stored;
      }
      if (document.getNumberOfPages() == 0) {
        throw new IllegalArgumentException("PDF has no page and no " + PAYLOAD_KEY + " entry");
      }
      BufferedImage page =
          new PDFRenderer(document).renderImageWithDPI(0, SCAN_DPI, ImageType.GRAY);
      try {
        return QrCodes.decode(page);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "PDF has no " + PAYLOAD_KEY + " entry and no readable QR code on page 1", e);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("Not a readable PDF: " + e.getMessage(), e);
    }
  }
}
