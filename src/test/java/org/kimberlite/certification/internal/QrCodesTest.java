package org.kimberlite.certification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.kimberlite.certification.KpCertificate;
import org.kimberlite.certification.QrLinks;
import org.kimberlite.certification.QrPayload;
import org.kimberlite.certification.SampleCertificates;

class QrCodesTest {
  /** A verification link with a JWS of about 400 characters, as printed on certificates. */
  private static String longLink() {
    KpCertificate certificate = SampleCertificates.botswanaToBelgium();
    String header =
        "{\"alg\":\"EdDSA\",\"kid\":\"bw-kpa-2025-01-ministry-of-minerals-and-energy\","
            + "\"typ\":\"kp-qr+jws\"}";
    String jws = SampleCertificates.jws(header, QrPayload.of(certificate, 987654321L).toJson());
    assertThat(jws.length()).isBetween(380, 460);
    return QrLinks.url(SampleCertificates.PUBLIC_URL, certificate.number(), jws);
  }

  @Test
  void encodesAndDecodesALongLink() {
    String link = longLink();

    BufferedImage image = QrCodes.image(link, 500);

    assertThat(image.getWidth()).isGreaterThanOrEqualTo(500);
    assertThat(QrCodes.decode(image)).isEqualTo(link);
  }

  @Test
  void pngDecodesBackToTheContent() throws IOException {
    String link = longLink();

    byte[] png = QrCodes.png(link, 400);

    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    assertThat(QrCodes.decode(ImageIO.read(new ByteArrayInputStream(png)))).isEqualTo(link);
  }

  @Test
  void findsACodeInsideALargerPicture() {
    String link = longLink();
    BufferedImage page = new BufferedImage(1400, 1800, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = page.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, page.getWidth(), page.getHeight());
    g.setColor(Color.DARK_GRAY);
    g.drawString("Kimberley Process Certificate", 100, 100);
    g.drawImage(QrCodes.image(link, 330), 900, 1300, null);
    g.dispose();

    assertThat(QrCodes.decode(page)).isEqualTo(link);
  }

  @Test
  void keepsNonAsciiContent() {
    String content = "Maison Étoile Joaillerie – 钻石";

    assertThat(QrCodes.decode(QrCodes.image(content, 300))).isEqualTo(content);
  }

  @Test
  void matrixHasTheQuietZone() {
    var matrix = QrCodes.matrix(longLink());

    assertThat(matrix.getWidth()).isEqualTo(matrix.getHeight());
    for (int i = 0; i < matrix.getWidth(); i++) {
      for (int q = 0; q < QrCodes.QUIET_ZONE; q++) {
        assertThat(matrix.get(i, q)).isFalse();
        assertThat(matrix.get(q, i)).isFalse();
      }
    }
    assertThat(matrix.get(QrCodes.QUIET_ZONE, QrCodes.QUIET_ZONE)).isTrue();
  }

  @Test
  void reportsAnImageWithoutCode() {
    BufferedImage blank = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);

    assertThatThrownBy(() -> QrCodes.decode(blank))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("No readable QR code");
  }

  @Test
  void refusesEmptyContentOrSize() {
    assertThatThrownBy(() -> QrCodes.image("", 100)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QrCodes.image("x", 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QrCodes.image("x".repeat(5000), 100))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
