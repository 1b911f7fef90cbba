package org.kimberlite.certification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
 * Confirming an import: the importing participant's authority quotes the shipment in hand (KP-05,
 * KP-07, KP-08; KP-09 flags a seal that differs); the confirmation is signed and logged.
 */
@Service
public class ConfirmingImports {
  private static final String SEAL_MARK = " carats, seal ";
  private static final String NO_SEAL = "(none)";

  /** The seal a confirmation's recorded details name, or null when none was reported. */
  static @org.jspecify.annotations.Nullable String sealOf(String details) {
    int at = details.lastIndexOf(SEAL_MARK);
    if (at < 0) {
      return null;
    }
    String seal = details.substring(at + SEAL_MARK.length());
    return seal.equals(NO_SEAL) ? null : seal;
  }

  /**
   * What a confirmation records of the shipment received: the date, parcels, carats and seal (the
   * same words wherever the confirmation is made, so that {@link #sealOf} reads the seal back).
   */
  public static String details(
      KpCertificate c, LocalDate receivedOn, @org.jspecify.annotations.Nullable String sealId) {
    return "received "
        + receivedOn
        + ": "
        + c.parcels()
        + " parcels, "
        + c.carats()
        + SEAL_MARK
        + (sealId == null ? NO_SEAL : sealId.strip());
  }

  private final CertificateRepository repository;
  private final RejectionLog rejections;
  private final TradeAggregates aggregates;
  private final StatusChanges changes;
  private final Clock clock;

  public ConfirmingImports(
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

  /** The same use case as of another clock (the demo confirms back-dated shipments). */
  public ConfirmingImports on(Clock other) {
    return new ConfirmingImports(repository, rejections, aggregates, changes, other);
  }

  @Transactional
  public ChangeOutcome confirm(Caller caller, String number, ConfirmRequest request) {
    Stored stored;
    switch (AuthorityAccess.lock(repository, caller, number)) {
      case AuthorityAccess.Access.Refused r -> {
        return Rollback.with(r.outcome());
      }
      case AuthorityAccess.Access.Locked l -> stored = l.stored();
    }
    KpCertificate c = stored.certificate();
    if (!c.importingParticipant().equals(caller.participant())) {
      return Rollback.with(
          new NotAllowed(
              "Only an authority of the importing participant "
                  + c.importingParticipant()
                  + " confirms."));
    }
    KpRules.Decision decision = KpRules.checkConfirmation(c, request, LocalDate.now(clock));
    if (!decision.accepted()) {
      rejections.record("CONFIRM", number, caller.organisationId(), decision.violations());
      return Rollback.with(new Refused(decision.violations()));
    }
    LocalDate receivedOn = request.receivedOn();
    if (receivedOn == null) {
      throw new IllegalStateException("an accepted confirmation has a date of receipt");
    }
    String details = details(c, receivedOn, request.sealId());
    ChangeOutcome outcome =
        changes.change(
            caller.organisationId(),
            stored,
            CertificateStatus.CONFIRMED,
            receivedOn,
            details,
            decision.flags(),
            clock.instant().truncatedTo(ChronoUnit.MILLIS));
    if (!(outcome instanceof Changed)) {
      return Rollback.with(outcome);
    }
    aggregates.confirmed(c, receivedOn);
    return outcome;
  }
}
