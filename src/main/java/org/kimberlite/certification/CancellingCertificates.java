package org.kimberlite.certification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.kimberlite.certification.internal.AuthorityAccess;
import org.kimberlite.certification.internal.CertificateRepository;
import org.kimberlite.certification.internal.CertificateRepository.Stored;
import org.kimberlite.certification.internal.RejectionLog;
import org.kimberlite.certification.internal.Rollback;
import org.kimberlite.certification.internal.StatusChanges;
import org.kimberlite.certification.internal.TradeAggregates;
import org.kimberlite.registry.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cancelling a certificate: only its issuing authority, only while issued (KP-08), with a reason.
 */
@Service
public class CancellingCertificates {
  private final CertificateRepository repository;
  private final RejectionLog rejections;
  private final TradeAggregates aggregates;
  private final StatusChanges changes;
  private final Clock clock;

  public CancellingCertificates(
      CertificateRepository repository,
      RejectionLog rejections,
      TradeAggregates aggregates,
      StatusChanges changes,
      Clock clock) {
    this.repository = repository;
    this.rejections = rejections;
    this.aggregates = aggregates;
    this.changes = changes;
    this.clock = clock;
  }

  /** The same use case as of another clock (the demo cancels back-dated shipments). */
  public CancellingCertificates on(Clock other) {
    return new CancellingCertificates(repository, rejections, aggregates, changes, other);
  }

  @Transactional
  public ChangeOutcome cancel(Caller caller, String number, String reason) {
    Stored stored;
    switch (AuthorityAccess.lock(repository, caller, number)) {
      case AuthorityAccess.Access.Refused r -> {
        return Rollback.with(r.outcome());
      }
      case AuthorityAccess.Access.Locked l -> stored = l.stored();
    }
    KpCertificate c = stored.certificate();
    if (!c.issuingAuthority().organisationId().equals(caller.organisationId())) {
      return Rollback.with(new NotAllowed("Only the issuing authority cancels its certificate."));
    }
    if (reason.isBlank()) {
      return Rollback.with(
          new ChangeOutcome.Invalid("reason", "say why the certificate is cancelled"));
    }
    if (c.status() != CertificateStatus.ISSUED) {
      List<Violation> v =
          List.of(
              new Violation(
                  "KP-08",
                  "number",
                  number
                      + " is "
                      + c.status().name().toLowerCase(Locale.ROOT)
                      + " and cannot be cancelled"));
      rejections.record("CANCEL", number, caller.organisationId(), v);
      return Rollback.with(new Refused(v));
    }
    ChangeOutcome outcome =
        changes.change(
            caller.organisationId(),
            stored,
            CertificateStatus.CANCELLED,
            LocalDate.now(clock),
            "cancelled: " + reason.strip(),
            List.of(),
            clock.instant().truncatedTo(ChronoUnit.MILLIS));
    if (!(outcome instanceof Changed)) {
      return Rollback.with(outcome);
    }
    aggregates.cancelled(c);
    return outcome;
  }
}
