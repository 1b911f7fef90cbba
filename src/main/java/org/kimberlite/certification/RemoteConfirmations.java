package org.kimberlite.certification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.internal.CertificateRepository;
import org.kimberlite.certification.internal.CertificateRepository.Stored;
import org.kimberlite.certification.internal.TradeAggregates;
import org.kimberlite.ledger.Commitment;
import org.kimberlite.ledger.TransparencyLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Import confirmations made on another node: the importing participant's authority confirmed on its
 * own node, which signed the confirmation and delivered it back here (docs/federation.md). Whoever
 * calls this has verified the signature, the sender and the proof; this records the confirmation in
 * the certificate's lifecycle as a confirmation made here would be recorded: the status, the signed
 * event (the importing authority's record, as signed), the KP-09 flag, the figures, the log entry
 * and the domain event.
 */
@Service
public class RemoteConfirmations {
  private final CertificateRepository repository;
  private final TradeAggregates aggregates;
  private final TransparencyLog log;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  public RemoteConfirmations(
      CertificateRepository repository,
      TradeAggregates aggregates,
      TransparencyLog log,
      ApplicationEventPublisher events,
      Clock clock) {
    this.repository = repository;
    this.aggregates = aggregates;
    this.log = log;
    this.events = events;
    this.clock = clock;
  }

  /**
   * A confirmation as the importing authority signed it.
   *
   * @param organisation the importing authority's organisation id on its own node
   * @param details what it recorded of the shipment ({@link ConfirmingImports#details})
   * @param signature its JWS over the status record without signature
   */
  public record RemoteConfirmation(
      String number, LocalDate receivedOn, String organisation, String details, String signature) {}

  /** What recording a remote confirmation came to. */
  public sealed interface Outcome {
    /** Recorded now. */
    record Recorded(KpCertificate certificate, List<Violation> flags) implements Outcome {
      public Recorded {
        flags = List.copyOf(flags);
      }
    }

    /** This very confirmation was recorded before: nothing changed. */
    record AlreadyRecorded(KpCertificate certificate) implements Outcome {}

    /** Refused under a KP rule: nothing changed. */
    record Refused(List<Violation> violations) implements Outcome {
      public Refused {
        violations = List.copyOf(violations);
      }
    }

    /** No such certificate here. */
    record NotFound(String number) implements Outcome {}
  }

  @Transactional
  public Outcome record(RemoteConfirmation confirmation) {
    String number = confirmation.number();
    Optional<Stored> found = repository.lock(number);
    if (found.isEmpty()) {
      return new Outcome.NotFound(number);
    }
    Stored stored = found.get();
    KpCertificate c = stored.certificate();
    if (c.status() == CertificateStatus.CONFIRMED) {
      boolean same =
          repository.events(number).stream()
              .anyMatch(
                  e ->
                      e.status() == CertificateStatus.CONFIRMED
                          && confirmation.signature().equals(e.signature()));
      if (same) {
        return new Outcome.AlreadyRecorded(c);
      }
    }
    @Nullable String seal = ConfirmingImports.sealOf(confirmation.details());
    KpRules.Decision decision = KpRules.checkRemoteConfirmation(c, confirmation.receivedOn(), seal);
    if (!decision.accepted()) {
      return new Outcome.Refused(decision.violations());
    }
    if (repository.changeStatus(
            number,
            c.status(),
            CertificateStatus.CONFIRMED,
            confirmation.receivedOn(),
            stored.version())
        != 1) {
      throw new IllegalStateException(number + " changed under its lock");
    }
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    java.util.UUID organisation = java.util.UUID.fromString(confirmation.organisation());
    long id =
        repository.insertEvent(
            number,
            CertificateStatus.CONFIRMED,
            confirmation.receivedOn(),
            organisation,
            confirmation.details(),
            confirmation.signature(),
            at);
    for (Violation flag : decision.flags()) {
      repository.insertFinding(number, flag.rule(), flag.field() + ": " + flag.message(), at);
    }
    Map<String, @Nullable Object> record =
        CertificateRecords.status(
            number,
            CertificateStatus.CONFIRMED,
            confirmation.receivedOn().toString(),
            confirmation.organisation(),
            confirmation.details(),
            confirmation.signature());
    log.record(
        Commitment.privateRecord(
            CertificateRecords.STATUS,
            Long.toString(id),
            c.importingParticipant().code(),
            at,
            record,
            stored.audience()));
    aggregates.confirmed(c, confirmation.receivedOn());
    events.publishEvent(new CertificateChanged(number, CertificateStatus.CONFIRMED, at));
    return new Outcome.Recorded(
        repository.find(number).orElseThrow().certificate(), decision.flags());
  }
}
