package org.kimberlite.certification.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.imageio.ImageIO;

/**
 * QR codes of certificates, with ZXing: error correction level M (15 % of the code may be lost, a
 * fold or a stamp over it) and the standard quiet zone of four modules.
 */
public final class QrCodes {
  /** The quiet zone around the code, in modules (ISO/IEC 18004 asks for four). */
  static final int QUIET_ZONE = 4;

  private QrCodes() {}

  /**
   * The QR code of the content as a black-on-white image of {@code size} × {@code size} pixels, or
   * larger when the code has more modules (plus quiet zone) than {@code size} pixels.
   */
  public static BufferedImage image(String content, int size) {
    if (size <= 0) {
      throw new IllegalArgumentException("QR image size must be positive: " + size);
    }
    return MatrixToImageWriter.toBufferedImage(encode(content, size));
  }

  /** {@link #image(String, int)} as PNG bytes. */
  public static byte[] png(String content, int size) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image(content, size), "png", out)) {
        throw new IllegalStateException("No PNG writer available");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * The code's modules with the quiet zone, one matrix cell per module, for drawing it as vector
   * graphics.
   */
  static BitMatrix matrix(String content) {
    return encode(content, 0);
  }

  /**
   * The content of the QR code in the image (a photo, a scan or a rendered page).
   *
   * @throws IllegalArgumentException when no readable QR code is found
   */
  public static String decode(BufferedImage image) {
    LuminanceSource source = new BufferedImageLuminanceSource(image);
    Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
    hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
    hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
    hints.put(DecodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
    List<Function<LuminanceSource, Binarizer>> binarizers =
        List.of(HybridBinarizer::new, GlobalHistogramBinarizer::new);
    ReaderException last = null;
    for (Function<LuminanceSource, Binarizer> binarizer : binarizers) {
      try {
        return new QRCodeReader()
            .decode(new BinaryBitmap(binarizer.apply(source)), hints)
            .getText();
      } catch (ReaderException e) {
        last = e;
      }
    }
    throw new IllegalArgumentException("No readable QR code found in the image", last);
  }

  private static BitMatrix encode(String content, int size) {
    if (content.isEmpty()) {
      throw new IllegalArgumentException("QR content is empty");
    }
    Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
    hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
    hints.put(EncodeHintType.MARGIN, QUIET_ZONE);
    if (!StandardCharsets.US_ASCII.newEncoder().canEncode(content)) {
      // Marked with an ECI so that readers do not guess ISO-8859-1.
      hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
    }
    try {
      return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, size, size, hints);
    } catch (WriterException e) {
      throw new IllegalArgumentException("Content does not fit in a QR code: " + e.getMessage(), e);
    }
  }
}
