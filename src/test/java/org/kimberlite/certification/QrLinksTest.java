package org.kimberlite.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QrLinksTest {
  private final KpCertificate certificate = SampleCertificates.botswanaToBelgium();
  private final String jws = SampleCertificates.qrJws(certificate);

  @Test
  void buildsTheVerificationLink() {
    assertThat(QrLinks.url("https://kimberlite.example.org/", "BW-2025-004711", jws))
        .isEqualTo("https://kimberlite.example.org/verify/BW-2025-004711?p=" + jws);
  }

  @Test
  void linkRoundTrips() {
    String url = QrLinks.url("https://kimberlite.example.org", certificate.number(), jws);

    assertThat(QrLinks.parse(url)).isEqualTo(new QrLinks.ParsedLink(certificate.number(), jws));
  }

  @Test
  void keepsAContextPathAndEscapesTheNumber() {
    String url = QrLinks.url("http://localhost:8080/kp//", "AE 2025/7 É", jws);

    assertThat(url).isEqualTo("http://localhost:8080/kp/verify/AE%202025%2F7%20%C3%89?p=" + jws);
    assertThat(QrLinks.parse(url)).isEqualTo(new QrLinks.ParsedLink("AE 2025/7 É", jws));
  }

  @Test
  void acceptsABareJwsAndReadsTheNumberFromItsPayload() {
    assertThat(QrLinks.parse("  " + jws + "\n"))
        .isEqualTo(new QrLinks.ParsedLink(certificate.number(), jws));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "hello",
        "ftp://kimberlite.example.org/verify/BW-1?p=a.b.c",
        "https:///verify/BW-1?p=a.b.c",
        "https://kimberlite.example.org/check/BW-1?p=a.b.c",
        "https://kimberlite.example.org/verify/?p=a.b.c",
        "https://kimberlite.example.org/verify/BW/1?p=a.b.c",
        "https://kimberlite.example.org/verify/BW-1",
        "https://kimberlite.example.org/verify/BW-1?q=a.b.c",
        "https://kimberlite.example.org/verify/BW-1?p=a.b.c&x=1",
        "https://kimberlite.example.org/verify/BW-1?p=a.b",
        "https://kimberlite.example.org/verify/BW-1?p=a.b.c#top",
        "https://kimberlite.example.org/verify/%ZZ?p=a.b.c",
        "https://kimberlite.example.org/verify/%0A?p=a.b.c",
        "https://kimberlite.example.org/verify/%FF?p=a.b.c",
        "a.b",
        "a.b.c.d",
        "a.bm90LWpzb24.c",
        "a.!!.c"
      })
  void rejectsAnythingElse(String scanned) {
    assertThatThrownBy(() -> QrLinks.parse(scanned)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesToBuildABadLink() {
    assertThatThrownBy(() -> QrLinks.url("kimberlite.example.org", "BW-1", jws))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QrLinks.url("https://kimberlite.example.org?x=1", "BW-1", jws))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QrLinks.url("https://kimberlite.example.org", " ", jws))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QrLinks.url("https://kimberlite.example.org", "BW-1", "not a jws"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
