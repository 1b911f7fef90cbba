package org.kimberlite.certification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.kimberlite.certification.internal.CertificateAudience;
import org.kimberlite.certification.internal.CertificateDrafts;
import org.kimberlite.certification.internal.CertificateMetrics;
import org.kimberlite.certification.internal.CertificateRepository;
import org.kimberlite.certification.internal.IssueContexts;
import org.kimberlite.certification.internal.NumberLocks;
import org.kimberlite.certification.internal.RejectionLog;
import org.kimberlite.certification.internal.Rollback;
import org.kimberlite.certification.internal.TradeAggregates;
import org.kimberlite.ledger.Commitment;
import org.kimberlite.ledger.Receipt;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.Organisation;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Organisations;
import org.kimberlite.registry.Signatures;
import org.kimberlite.shared.json.CanonicalJson;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issuing a KP certificate: the exporting authority's request is checked against KP-01 to KP-11; a
 * refusal names every rule broken, changes nothing and is kept on record; an accepted certificate
 * is signed by the authority and committed to the transparency log in the same transaction.
 */
@Service
public class IssuingCertificates {
  public static final String CERTIFICATE_JWS_TYPE = "kp-certificate+jws";

  private final CertificateRepository repository;
  private final RejectionLog rejections;
  private final Organisations organisations;
  private final Signatures signatures;
  private final TransparencyLog log;
  private final TradeAggregates aggregates;
  private final IssueContexts contexts;
  private final CertificateAudience audiences;
  private final CertificationProperties properties;
  private final CertificateMetrics metrics;
  private final ApplicationEventPublisher events;
  private final NumberLocks numberLocks;
  private final Clock clock;

  public IssuingCertificates(
      CertificateRepository repository,
      RejectionLog rejections,
      Organisations organisations,
      Signatures signatures,
      TransparencyLog log,
      TradeAggregates aggregates,
      IssueContexts contexts,
      CertificateAudience audiences,
      CertificationProperties properties,
      CertificateMetrics metrics,
      ApplicationEventPublisher events,
      NumberLocks numberLocks,
      Clock clock) {
    this.repository = repository;
    this.rejections = rejections;
    this.organisations = organisations;
    this.signatures = signatures;
    this.log = log;
    this.aggregates = aggregates;
    this.contexts = contexts;
    this.audiences = audiences;
    this.properties = properties;
    this.metrics = metrics;
    this.events = events;
    this.numberLocks = numberLocks;
    this.clock = clock;
  }

  /** The same use case as of another clock (the demo issues back-dated shipments). */
  public IssuingCertificates on(Clock other) {
    return new IssuingCertificates(
        repository,
        rejections,
        organisations,
        signatures,
        log,
        aggregates,
        contexts,
        audiences,
        properties,
        metrics,
        events,
        numberLocks,
        other);
  }

  /** Checks a draft against the rules without issuing it (the console validates as you type). */
  @Transactional(readOnly = true)
  public CheckOutcome check(Caller caller, IssueRequest request) {
    Optional<NotAllowed> refused = authority(caller);
    if (refused.isPresent()) {
      return Rollback.with(refused.get());
    }
    return Rollback.with(
        new CheckOutcome.Checked(
            KpRules.checkIssue(
                request, contexts.of(caller.organisationId(), LocalDate.now(clock)))));
  }

  @Transactional
  public IssueOutcome issue(Caller caller, IssueRequest request) {
    Optional<NotAllowed> notAllowed = authority(caller);
    if (notAllowed.isPresent()) {
      return Rollback.with(notAllowed.get());
    }
    KpRules.IssueContext context = contexts.of(caller.organisationId(), LocalDate.now(clock));
    KpRules.Decision decision = KpRules.checkIssue(request, context);
    if (!decision.accepted()) {
      rejections.record("ISSUE", request.number(), caller.organisationId(), decision.violations());
      metrics.refused(decision.violations());
      return Rollback.with(new Refused(decision.violations()));
    }
    KpRules.OrganisationFacts issuer = context.issuer();
    // Everything that does not need the number first: while this transaction holds the
    // authority's next number, every other issue of the same authority waits for it.
    // The KP rules refused the request above unless both are registered.
    Organisation exporter = registered(request.exporter());
    Organisation importer = registered(request.importer());
    String zone = CertificateDrafts.zone(request);
    Set<UUID> audience =
        audiences.of(
            issuer.id(),
            exporter.id(),
            importer.id(),
            CertificateDrafts.importingParticipant(request));
    String number;
    if (request.number() == null || request.number().isBlank()) {
      awaitNumberTurn(issuer.country().code());
      Optional<String> next =
          repository.nextNumber(
              issuer.country().code(), properties.firstNumber(), properties.lastNumber());
      if (next.isEmpty()) {
        List<Violation> exhausted =
            List.of(new Violation("KP-06", "number", "the authority's number range is exhausted"));
        metrics.refused(exhausted);
        return Rollback.with(new Refused(exhausted));
      }
      number = next.get();
    } else {
      number = request.number().strip();
    }
    KpCertificate unsigned =
        CertificateDrafts.unsigned(
            request,
            number,
            issuer.participant(),
            new Party(issuer.id(), issuer.name(), issuer.country()),
            exporter,
            importer);
    String jws =
        signatures.sign(
            caller.organisationId(),
            CERTIFICATE_JWS_TYPE,
            CanonicalJson.bytes(CertificateRecords.document(unsigned, zone)));
    KpCertificate certificate = unsigned.withSignature(jws);
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    repository.insert(certificate, zone, audience, at);
    aggregates.issued(certificate);
    for (Violation flag : decision.flags()) {
      repository.insertFinding(number, flag.rule(), flag.field() + ": " + flag.message(), at);
    }
    repository.insertEvent(
        number,
        CertificateStatus.ISSUED,
        certificate.issuedOn(),
        caller.organisationId(),
        "issued",
        jws,
        at);
    Receipt receipt =
        log.record(
            Commitment.privateRecord(
                CertificateRecords.CERTIFICATE,
                number,
                caller.organisationId().toString(),
                at,
                CertificateRecords.issued(certificate, zone),
                audience));
    metrics.issued();
    events.publishEvent(new CertificateChanged(number, CertificateStatus.ISSUED, at));
    return new Issued(certificate, receipt, decision.flags());
  }

  private void awaitNumberTurn(String prefix) {
    try {
      numberLocks.awaitTurn(prefix);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the next number", e);
    }
  }

  /** Why the caller may not issue at all (not a KP authority of a participant), if so. */
  public Optional<NotAllowed> mayIssue(Caller caller) {
    return authority(caller);
  }

  private static Optional<NotAllowed> authority(Caller caller) {
    if (!caller.has(OrganisationRole.KP_AUTHORITY)) {
      return Optional.of(NotAllowed.notAnAuthority());
    }
    if (caller.participant() == null) {
      return Optional.of(new NotAllowed("The authority belongs to no KP participant."));
    }
    return Optional.empty();
  }

  private Organisation registered(UUID id) {
    return organisations
        .directoryEntry(id)
        .orElseThrow(() -> new IllegalStateException("No organisation " + id + " after the check"));
  }
}
