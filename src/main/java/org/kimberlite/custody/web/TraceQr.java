package org.kimberlite.custody.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The QR code of a consumer trace's page, for a retail tag, as SVG: one square per dark module,
 * level M error correction and the four-module quiet zone, so it prints sharp at any size.
 */
final class TraceQr {
  private TraceQr() {}

  static String svg(String url) {
    Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
    hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
    hints.put(EncodeHintType.MARGIN, 4);
    BitMatrix m;
    try {
      m = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0, hints);
    } catch (WriterException e) {
      throw new IllegalArgumentException("The address does not fit in a QR code", e);
    }
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < m.getHeight(); y++) {
      for (int x = 0; x < m.getWidth(); x++) {
        if (m.get(x, y)) {
          path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
        }
      }
    }
    return String.format(
        Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
            + " shape-rendering=\"crispEdges\"><title>%s</title><rect width=\"100%%\""
            + " height=\"100%%\" fill=\"#fff\"/><path d=\"%s\" fill=\"#000\"/></svg>",
        m.getWidth(),
        m.getHeight(),
        m.getWidth() * 6,
        m.getHeight() * 6,
        TraceGraphSvg.escape(url),
        path);
  }
}
