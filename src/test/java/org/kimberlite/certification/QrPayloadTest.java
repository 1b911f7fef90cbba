package org.kimberlite.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdAmount;

class QrPayloadTest {
  private static final String SAMPLE_JSON =
      "{\"c\":\"5305.55\",\"d\":\"2025-03-03\",\"e\":\"2025-06-01\",\"i\":\"BW\",\"l\":1234,"
          + "\"n\":\"BW-2025-004711\",\"o\":\"BW\",\"p\":3,\"s\":\"BW-SEAL-88213\","
          + "\"v\":\"648010.00\"}";

  private final KpCertificate certificate = SampleCertificates.botswanaToBelgium();

  @Test
  void canonicalJsonHasShortSortedKeysAndStringDecimals() {
    byte[] json = QrPayload.of(certificate, 1234L).toJson();

    assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo(SAMPLE_JSON);
  }

  @Test
  void logIndexIsLeftOutWhenNull() {
    String json = new String(QrPayload.of(certificate, null).toJson(), StandardCharsets.UTF_8);

    assertThat(json).doesNotContain("\"l\"").startsWith("{\"c\":\"5305.55\",\"d\":");
  }

  @Test
  void roundTrips() {
    QrPayload logged = QrPayload.of(certificate, 1234L);
    QrPayload unlogged = QrPayload.of(certificate, null);

    assertThat(QrPayload.fromJson(logged.toJson())).isEqualTo(logged);
    assertThat(QrPayload.fromJson(unlogged.toJson())).isEqualTo(unlogged);
    assertThat(QrPayload.fromJson(SAMPLE_JSON).logIndex()).isEqualTo(1234L);
  }

  @Test
  void roundTripsNonAsciiText() {
    QrPayload payload =
        new QrPayload(
            "AE-2025/7",
            ParticipantCode.of("AE"),
            LocalDate.of(2025, 1, 1),
            LocalDate.of(2025, 2, 1),
            Carats.of(new BigDecimal("0.5")),
            UsdAmount.of(BigDecimal.TEN),
            1,
            "Mixed: CD, ZA",
            "Sceau «Étoile» ✓",
            0L);

    assertThat(payload.carats()).isEqualTo(Carats.of("0.50"));
    assertThat(payload.valueUsd()).isEqualTo(UsdAmount.of("10.00"));
    assertThat(QrPayload.fromJson(payload.toJson())).isEqualTo(payload);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          unknown key        | {"c":"1.00","d":"2025-03-03","e":"2025-06-01","i":"BW","n":"X","o":"BW","p":1,"s":"S","v":"1.00","x":1} | unknown keys: [x]
          missing key        | {"c":"1.00","d":"2025-03-03","e":"2025-06-01","i":"BW","n":"X","o":"BW","p":1,"v":"1.00"} | misses keys: [s]
          duplicate key      | {"c":"1.00","c":"2.00","d":"2025-03-03","e":"2025-06-01","i":"BW","n":"X","o":"BW","p":1,"s":"S","v":"1.00"} | not valid JSON
          impossible date    | {"c":"1.00","d":"2025-02-30","e":"2025-06-01","i":"BW","n":"X","o":"BW","p":1,"s":"S","v":"1.00"} | "d" is not a valid date
          short date         | {"c":"1.00","d":"2025-3-03","e":"2025-06-01","i":"BW","n":"X","o":"BW","p":1,"s":"S","v":"1.00"} | "d" is not a date
          date with time     | {"c":"1.00","d":"2025-03-03","e":"2025-06-01T00:00","i":"BW","n":"X","o":"BW","p":1,"s":"S","v":"1.00"} | "e" is not a date
          one decimal        | {"c":"1.0","d":"2025-03-03","e":"2025-06-01","i":"BW","n":"X","o":"BW","p":1,"s":"S","v":"1.00"} | "c" is not a decimal
          exponent           | {"c":"1.00","d":"2025-03-03","e":"2025-06-01","i":"BW","n":"X","o":"BW","p":1,"s":"S","v":"1e3"} | "v" is not a decimal
          negative decimal   | {"c":"-1.00","d":"2025-03-03","e":"2025-06-01","i":"BW","n":"X","o":"BW","p":1,"s":"S","v":"1.00"} | "c" is not a decimal
          leading zero       | {"c":"01.00","d":"2025-03-03","e":"2025-06-01","i":"BW","n":"X","o":"BW","p":1,"s":"S","v":"1.00"} | "c" is not a decimal
          number as decimal  | {"c":1.00,"d":"2025-03-03","e":"2025-06-01","i":"BW","n":"X","o":"BW","p":1,"s":"S","v":"1.00"} | "c" must be a string
          string as parcels  | {"c":"1.00","d":"2025-03-03","e":"2025-06-01","i":"BW","n":"X","o":"BW","p":"1","s":"S","v":"1.00"} | "p" (parcels) must be an integer
          float as parcels   | {"c":"1.00","d":"2025-03-03","e":"2025-06-01","i":"BW","n":"X","o":"BW","p":1.5,"s":"S","v":"1.00"} | "p" (parcels) must be an integer
          huge parcels       | {"c":"1.00","d":"2025-03-03","e":"2025-06-01","i":"BW","n":"X","o":"BW","p":3000000000,"s":"S","v":"1.00"} | "p" (parcels) is too large
          negative log index | {"c":"1.00","d":"2025-03-03","e":"2025-06-01","i":"BW","l":-1,"n":"X","o":"BW","p":1,"s":"S","v":"1.00"} | "l" (log index) is out of range
          null log index     | {"c":"1.00","d":"2025-03-03","e":"2025-06-01","i":"BW","l":null,"n":"X","o":"BW","p":1,"s":"S","v":"1.00"} | "l" (log index) must be an integer
          null string        | {"c":"1.00","d":"2025-03-03","e":"2025-06-01","i":null,"n":"X","o":"BW","p":1,"s":"S","v":"1.00"} | "i" must be a string
          blank number       | {"c":"1.00","d":"2025-03-03","e":"2025-06-01","i":"BW","n":" ","o":"BW","p":1,"s":"S","v":"1.00"} | number is blank
          trailing content   | {"c":"1.00","d":"2025-03-03","e":"2025-06-01","i":"BW","n":"X","o":"BW","p":1,"s":"S","v":"1.00"} {} | not valid JSON
          array              | `[1,2]` | must be a JSON object
          not JSON           | certificate | not valid JSON
          empty              | `` | must be a JSON object
          """)
  void rejectsMalformedPayloads(String name, String json, String message) {
    assertThatThrownBy(() -> QrPayload.fromJson(json))
        .as(name)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void matchesItsOwnCertificate() {
    assertThat(QrPayload.of(certificate, 1234L).differencesFrom(certificate)).isEmpty();
    assertThat(QrPayload.fromJson(SAMPLE_JSON).differencesFrom(certificate)).isEmpty();
  }

  @Test
  void namesWhatDiffersFromAnotherCertificate() {
    QrPayload payload = QrPayload.of(certificate, 1234L);
    KpCertificate renumbered = withNumber(certificate, "BW-2025-004712");
    KpCertificate heavier =
        certificate.withLines(
            List.of(
                SampleCertificates.line("7102.10", "1250.41", "187560.00"),
                SampleCertificates.line("7102.31", "845.15", "412300.00"),
                SampleCertificates.line("7102.21", "3210.00", "48150.00")));

    assertThat(payload.differencesFrom(renumbered)).containsExactly("number");
    assertThat(payload.differencesFrom(heavier)).containsExactly("carats");
  }

  @Test
  void namesEveryItemOfACompletelyDifferentCertificate() {
    QrPayload other =
        new QrPayload(
            "ZA-1",
            ParticipantCode.of("ZA"),
            LocalDate.of(2024, 1, 1),
            LocalDate.of(2024, 2, 1),
            Carats.of(1),
            UsdAmount.of(1),
            9,
            "Mixed",
            "Z",
            null);

    assertThat(other.differencesFrom(certificate))
        .containsExactly(
            "number",
            "issuer",
            "issuedOn",
            "expiresOn",
            "carats",
            "valueUsd",
            "parcels",
            "origin",
            "sealId");
  }

  @Test
  void refusesNegativeQuantities() {
    assertThatThrownBy(
            () ->
                new QrPayload(
                    "X",
                    ParticipantCode.of("BW"),
                    LocalDate.of(2025, 1, 1),
                    LocalDate.of(2025, 1, 2),
                    Carats.of(new BigDecimal("-1")),
                    UsdAmount.of(1),
                    1,
                    "BW",
                    "S",
                    null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static KpCertificate withNumber(KpCertificate c, String number) {
    return new KpCertificate(
        number,
        c.issuingParticipant(),
        c.issuingAuthority(),
        c.exporter(),
        c.importer(),
        c.importingParticipant(),
        c.origin(),
        c.lines(),
        c.parcels(),
        c.sealId(),
        c.issuedOn(),
        c.expiresOn(),
        c.status(),
        c.statusOn(),
        c.signature());
  }
}
