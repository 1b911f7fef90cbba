package org.kimberlite.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.QrLinks;
import org.kimberlite.certification.QrPayload;
import org.kimberlite.certification.Verification;
import org.kimberlite.certification.documents.CertificatePdfReader;
import org.kimberlite.registry.Jwk;
import org.kimberlite.registry.OfflineVerifier;
import org.kimberlite.registry.SignatureException;
import org.kimberlite.registry.TrustList;
import org.kimberlite.registry.Verified;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Verifies a KP certificate offline, from its PDF (the QR code, or the payload the PDF carries) or
 * from the scanned QR content, against a trust list file downloaded beforehand from {@code
 * /api/v1/trust-list}: the payload must be signed by a key of the issuing participant's authority
 * that the trust list holds and has not revoked, or revoked with a compromise time after the date
 * the payload states it was issued (then it is genuine with a warning).
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = "Verify a KP certificate offline from its PDF or QR payload.")
final class VerifyCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "CERT.pdf|PAYLOAD",
      description = "The certificate PDF, a file with the scanned QR text, or that text itself.")
  String input = "";

  @Option(
      names = "--trust-list",
      required = true,
      description = "The trust list (JWS from /api/v1/trust-list), as a file.")
  Path trustList = Path.of("");

  @Option(
      names = "--trust-list-key",
      description = "The platform's trust-list key (JWK from /api/v1/trust-list/key), as a file.")
  @Nullable Path trustListKey;

  @Override
  public Integer call() {
    try {
      String scanned = scanned(input);
      QrLinks.ParsedLink link = QrLinks.parse(scanned);
      TrustList list =
          TrustList.parse(
              Files.readString(trustList, StandardCharsets.UTF_8).strip(),
              trustListKey == null
                  ? null
                  : Jwk.toPublicKey(
                      Jwk.parsePublic(Files.readString(trustListKey, StandardCharsets.UTF_8))));
      if (trustListKey == null) {
        System.out.println(
            "note: the trust list's own signature was not checked (no --trust-list-key)");
      }
      Verified verified = OfflineVerifier.verify(link.jws(), list, VerifyCommand::statedTime);
      if (!Verification.QR_JWS_TYPE.equals(verified.type())) {
        return fail("the payload is not a KP certificate payload (" + verified.type() + ")");
      }
      QrPayload payload = QrPayload.fromJson(verified.payload());
      if (link.number() != null && !link.number().equals(payload.number())) {
        return fail(
            "the QR code's link names "
                + link.number()
                + " but its payload is for "
                + payload.number());
      }
      if (!payload.issuer().equals(verified.participant())) {
        return fail(
            "the payload says issuer "
                + payload.issuer()
                + " but it is signed by an authority of "
                + verified.participant());
      }
      System.out.println("GENUINE: KP certificate " + payload.number());
      System.out.println(
          "  issued by "
              + verified.participant()
              + " (key "
              + verified.kid()
              + ", "
              + verified.keyStatus()
              + ")");
      System.out.println(
          "  issued "
              + payload.issuedOn()
              + ", expires "
              + payload.expiresOn()
              + (LocalDate.now(java.time.Clock.systemUTC()).isAfter(payload.expiresOn())
                  ? "  (EXPIRED)"
                  : ""));
      System.out.println(
          "  "
              + payload.carats()
              + " carats, USD "
              + payload.valueUsd()
              + ", "
              + payload.parcels()
              + " parcel(s), origin "
              + payload.origin()
              + ", seal "
              + payload.sealId());
      if (payload.logIndex() != null) {
        System.out.println("  transparency log entry " + payload.logIndex());
      }
      Verified.LaterRevoked revoked = verified.laterRevoked();
      if (revoked != null) {
        System.out.println(
            "  WARNING "
                + Verified.SIGNED_WITH_KEY_LATER_REVOKED
                + ": the key was revoked on "
                + revoked.revokedAt()
                + ", compromised from "
                + revoked.compromisedAt()
                + "; this certificate states it was issued before then. Offline that is its own"
                + " word: confirm online, where the transparency log's time decides.");
      }
      System.out.println(
          "  Status changes after printing (confirmation, cancellation) are online: /verify/"
              + payload.number());
      return 0;
    } catch (SignatureException | IllegalArgumentException e) {
      return fail(e.getMessage());
    } catch (IOException e) {
      System.err.println("Cannot read: " + e.getMessage());
      return 2;
    }
  }

  /**
   * The latest time a KP certificate's QR payload can have been signed, as it states: the end of
   * its date of issue plus the one day of time-zone tolerance (KP-05), i.e. the start of the day
   * two days later, UTC, less a millisecond. Nothing for another payload.
   */
  static Optional<Instant> statedTime(String type, byte[] payload) {
    if (!Verification.QR_JWS_TYPE.equals(type)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          QrPayload.fromJson(payload)
              .issuedOn()
              .plusDays(2)
              .atStartOfDay(ZoneOffset.UTC)
              .toInstant()
              .minusMillis(1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static int fail(@Nullable String why) {
    System.out.println("NOT GENUINE: " + why);
    return 1;
  }

  /** The QR content: from a PDF, from a text file, or the argument itself. */
  static String scanned(String input) throws IOException {
    Path path = Path.of(input);
    if (input.length() < 4096 && Files.isRegularFile(path)) {
      byte[] bytes = Files.readAllBytes(path);
      if (bytes.length > 4
          && new String(bytes, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
        return CertificatePdfReader.extractPayload(bytes);
      }
      return new String(bytes, StandardCharsets.UTF_8).strip();
    }
    return input.strip();
  }
}
