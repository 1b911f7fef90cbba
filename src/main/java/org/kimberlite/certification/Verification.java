package org.kimberlite.certification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.internal.CertificateRepository.Stored;
import org.kimberlite.ledger.LogEntry;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.KeyStatus;
import org.kimberlite.registry.SignatureException;
import org.kimberlite.registry.Signatures;
import org.kimberlite.registry.SigningTime;
import org.kimberlite.registry.Verified;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.json.CanonicalJson;
import org.springframework.stereotype.Service;

/**
 * Verification for anyone: is this certificate genuine, who issued it, what is its status? A
 * certificate is genuine when the issuing authority's signature verifies with a key that is not
 * revoked, the signed document is exactly what the platform holds, and, when a QR payload is
 * presented, that payload is signed by the same participant's authority and describes this very
 * certificate.
 */
@Service
public class Verification {
  public static final String QR_JWS_TYPE = "kp-qr+jws";

  private final ReadingCertificates certificates;
  private final Signatures signatures;
  private final TransparencyLog log;

  public Verification(
      ReadingCertificates certificates, Signatures signatures, TransparencyLog log) {
    this.certificates = certificates;
    this.signatures = signatures;
    this.log = log;
  }

  /** The answer; {@code certificate} is present only for its parties and authorities. */
  public record Result(
      String number,
      boolean known,
      boolean genuine,
      List<String> problems,
      @Nullable ParticipantCode issuingParticipant,
      @Nullable String issuingAuthority,
      @Nullable CertificateStatus status,
      @Nullable String statusOn,
      @Nullable String validFrom,
      @Nullable String validUntil,
      @Nullable String keyId,
      @Nullable KeyStatus keyStatus,
      @Nullable Long logIndex,
      @Nullable Boolean qrMatches,
      @Nullable KpCertificate certificate,
      List<Warning> warnings) {

    public Result {
      problems = List.copyOf(problems);
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Something to know about a genuine certificate: {@code signed-with-key-later-revoked} when its
   * authority's key was revoked after the certificate was signed (the transparency log recorded it
   * before the key's compromise time).
   */
  public record Warning(String code, String detail, Instant keyRevokedAt, Instant compromisedAt) {}

  // Not one transaction: a refused signature must not mark a surrounding transaction for rollback.
  public Result verify(String number, @Nullable String qrJws, @Nullable Caller caller) {
    Optional<Stored> stored = certificates.forVerification(number);
    if (stored.isEmpty()) {
      return new Result(
          number,
          false,
          false,
          List.of("no certificate " + number + " was issued on this platform"),
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          List.of());
    }
    KpCertificate c = stored.get().certificate();
    List<String> problems = new ArrayList<>();
    List<Warning> warnings = new ArrayList<>();
    String kid = null;
    KeyStatus keyStatus = null;
    Optional<LogEntry> logged =
        log.entriesOfRecord(CertificateRecords.CERTIFICATE, number, null).stream().findFirst();
    // The log's own time of the certificate's entry: the signature existed by then.
    SigningTime signedBy =
        logged.<SigningTime>map(e -> SigningTime.atLatest(e.time())).orElse(SigningTime.UNKNOWN);
    try {
      var verified = signatures.verify(c.signature(), signedBy);
      warn(verified, "the certificate", warnings);
      kid = verified.kid();
      keyStatus = verified.keyStatus();
      byte[] expected =
          CanonicalJson.bytes(CertificateRecords.document(c, stored.get().originZone()));
      if (!Arrays.equals(verified.payload(), expected)) {
        problems.add("the certificate held here differs from the one its authority signed");
      }
      if (!verified.organisationId().equals(c.issuingAuthority().organisationId())) {
        problems.add("the signature is not the issuing authority's");
      }
    } catch (SignatureException e) {
      problems.add("the issuing authority's signature does not verify: " + e.getMessage());
    }
    Boolean qrMatches = null;
    if (qrJws != null && !qrJws.isBlank()) {
      List<String> qr = checkQr(qrJws.strip(), c, signedBy, warnings);
      qrMatches = qr.isEmpty();
      problems.addAll(qr);
    }
    Long index = logged.map(LogEntry::index).orElse(null);
    return new Result(
        number,
        true,
        problems.isEmpty(),
        List.copyOf(problems),
        c.issuingParticipant(),
        c.issuingAuthority().name(),
        c.status(),
        c.statusOn().toString(),
        c.issuedOn().toString(),
        c.expiresOn().toString(),
        kid,
        keyStatus,
        index,
        qrMatches,
        certificates.mayReadDetails(caller, c) ? c : null,
        warnings.stream().distinct().toList());
  }

  private static void warn(Verified verified, String what, List<Warning> warnings) {
    Verified.LaterRevoked r = verified.laterRevoked();
    if (r != null) {
      warnings.add(
          new Warning(
              Verified.SIGNED_WITH_KEY_LATER_REVOKED,
              "The issuing authority revoked the key that signed "
                  + what
                  + " on "
                  + r.revokedAt()
                  + ", compromised from "
                  + r.compromisedAt()
                  + "; the transparency log shows the certificate before then.",
              r.revokedAt(),
              r.compromisedAt()));
    }
  }

  /**
   * Problems with a scanned QR payload for certificate {@code c}; empty when it matches. A QR code
   * that describes this very certificate is held to the certificate's own signing time.
   */
  private List<String> checkQr(
      String jws, KpCertificate c, SigningTime signedBy, List<Warning> warnings) {
    List<String> problems = new ArrayList<>();
    try {
      var verified = signatures.verify(jws, signedBy);
      warn(verified, "the certificate", warnings);
      if (!QR_JWS_TYPE.equals(verified.type())) {
        problems.add("the QR code does not carry a KP certificate payload");
        return problems;
      }
      if (!verified.participant().equals(c.issuingParticipant())) {
        problems.add("the QR code was signed by an authority of " + verified.participant());
      }
      QrPayload payload = QrPayload.fromJson(verified.payload());
      for (String field : payload.differencesFrom(c)) {
        problems.add("the QR code's " + field + " does not match certificate " + c.number());
      }
    } catch (SignatureException e) {
      problems.add("the QR code's signature does not verify: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      problems.add("the QR code's payload is malformed: " + e.getMessage());
    }
    return problems;
  }

  /** The signed QR payload for a certificate, made by its issuing authority's current key. */
  public String qrJws(KpCertificate c) {
    Long index =
        log.entriesOfRecord(CertificateRecords.CERTIFICATE, c.number(), null).stream()
            .findFirst()
            .map(LogEntry::index)
            .orElse(null);
    return signatures.sign(
        c.issuingAuthority().organisationId(), QR_JWS_TYPE, QrPayload.of(c, index).toJson());
  }
}
