package org.kimberlite.certification.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.kimberlite.certification.CertificateChanged;
import org.kimberlite.certification.CertificateRecords;
import org.kimberlite.certification.CertificateStatus;
import org.kimberlite.certification.ChangeOutcome;
import org.kimberlite.certification.Changed;
import org.kimberlite.certification.KpCertificate;
import org.kimberlite.certification.Violation;
import org.kimberlite.certification.internal.CertificateRepository.Stored;
import org.kimberlite.ledger.Commitment;
import org.kimberlite.ledger.Receipt;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.registry.Signatures;
import org.kimberlite.shared.json.CanonicalJson;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * A status change by an authority (confirmation, cancellation): the row, the signed event, the
 * flags, and the event committed to the log, in the caller's transaction.
 */
@Component
public class StatusChanges {
  public static final String STATUS_JWS_TYPE = CertificateRecords.STATUS_JWS_TYPE;

  private final CertificateRepository repository;
  private final Signatures signatures;
  private final TransparencyLog log;
  private final ApplicationEventPublisher events;

  public StatusChanges(
      CertificateRepository repository,
      Signatures signatures,
      TransparencyLog log,
      ApplicationEventPublisher events) {
    this.repository = repository;
    this.signatures = signatures;
    this.log = log;
    this.events = events;
  }

  /** Changed, or Conflict when the row changed since it was locked and read. */
  public ChangeOutcome change(
      UUID organisation,
      Stored stored,
      CertificateStatus to,
      LocalDate on,
      String details,
      List<Violation> flags,
      Instant at) {
    KpCertificate c = stored.certificate();
    if (repository.changeStatus(c.number(), to, on, stored.version()) != 1) {
      return new ChangeOutcome.Conflict(c.number());
    }
    String jws =
        signatures.sign(
            organisation,
            STATUS_JWS_TYPE,
            CanonicalJson.bytes(
                CertificateRecords.status(
                    c.number(), to, on.toString(), organisation.toString(), details, null)));
    long id = repository.insertEvent(c.number(), to, on, organisation, details, jws, at);
    for (Violation flag : flags) {
      repository.insertFinding(c.number(), flag.rule(), flag.field() + ": " + flag.message(), at);
    }
    Receipt receipt =
        log.record(
            Commitment.privateRecord(
                CertificateRecords.STATUS,
                Long.toString(id),
                organisation.toString(),
                at,
                CertificateRecords.status(
                    c.number(), to, on.toString(), organisation.toString(), details, jws),
                stored.audience()));
    KpCertificate changed = repository.find(c.number()).orElseThrow().certificate();
    events.publishEvent(new CertificateChanged(c.number(), to, at));
    return new Changed(changed, receipt, flags);
  }
}
