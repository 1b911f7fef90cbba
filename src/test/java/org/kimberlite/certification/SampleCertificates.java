package org.kimberlite.certification;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.CountryCode;
import org.kimberlite.shared.HsCode;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdAmount;

/** A sample certificate and a (fake-signed) QR link for the certification tests. */
public final class SampleCertificates {
  public static final String PUBLIC_URL = "https://kimberlite.example.org";
  public static final long LOG_INDEX = 1234L;

  private SampleCertificates() {}

  public static KpCertificate botswanaToBelgium() {
    return new KpCertificate(
        "BW-2025-004711",
        ParticipantCode.of("BW"),
        party("Diamond Hub, Ministry of Minerals and Energy", "BW"),
        party("Okavango Rough Trading (Pty) Ltd", "BW"),
        party("Maison Étoile Joaillerie", "BE"),
        ParticipantCode.EU,
        new Origin(OriginKind.SINGLE, List.of(CountryCode.of("BW"))),
        List.of(
            line("7102.10", "1250.40", "187560.00"),
            line("7102.31", "845.15", "412300.00"),
            line("7102.21", "3210.00", "48150.00")),
        3,
        "BW-SEAL-88213",
        LocalDate.of(2025, 3, 3),
        LocalDate.of(2025, 6, 1),
        CertificateStatus.ISSUED,
        LocalDate.of(2025, 3, 3),
        jws("{\"alg\":\"EdDSA\",\"kid\":\"bw-kpa-2025-01\",\"typ\":\"kp-cert+jws\"}", "{}"));
  }

  public static CertificateLine line(String hs, String carats, String usd) {
    return new CertificateLine(HsCode.of(hs), Carats.of(carats), UsdAmount.of(usd));
  }

  public static Party party(String name, String country) {
    return new Party(
        UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)),
        name,
        CountryCode.of(country));
  }

  /** A JWS-shaped string with the given header and payload and a 64-byte dummy signature. */
  public static String jws(String header, String payload) {
    return jws(header, payload.getBytes(StandardCharsets.UTF_8));
  }

  public static String jws(String header, byte[] payload) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    byte[] signature = new byte[64];
    for (int i = 0; i < signature.length; i++) {
      signature[i] = (byte) (i * 37 + 11);
    }
    return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(payload)
        + "."
        + b64.encodeToString(signature);
  }

  /** The signed QR payload of the certificate, as the issuing authority would produce it. */
  public static String qrJws(KpCertificate c) {
    return jws(
        "{\"alg\":\"EdDSA\",\"kid\":\"bw-kpa-2025-01\",\"typ\":\"kp-qr+jws\"}",
        QrPayload.of(c, LOG_INDEX).toJson());
  }

  public static String qrLink(KpCertificate c) {
    return QrLinks.url(PUBLIC_URL, c.number(), qrJws(c));
  }

  public static String verifyUrl(KpCertificate c) {
    return PUBLIC_URL + "/verify/" + c.number();
  }
}
