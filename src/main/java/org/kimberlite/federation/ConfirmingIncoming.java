package org.kimberlite.federation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.CertificateRecords;
import org.kimberlite.certification.CertificateStatus;
import org.kimberlite.certification.ConfirmRequest;
import org.kimberlite.certification.ConfirmingImports;
import org.kimberlite.certification.ImportsFromOtherNodes;
import org.kimberlite.certification.KpCertificate;
import org.kimberlite.certification.KpRules;
import org.kimberlite.federation.internal.ExchangeRepository;
import org.kimberlite.ledger.Commitment;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Signatures;
import org.kimberlite.shared.json.CanonicalJson;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The importing authority confirms a certificate another node delivered here, as it would confirm
 * one issued on its own node ({@link ConfirmingImports}): only a KP authority of the importing
 * participant, with the shipment in hand (KP-05, KP-07, KP-08; KP-09 flags another seal). The
 * confirmation is signed with the authority's key (in this node's trust list), committed to this
 * node's log, counted among the participant's imports, and queued in the outbox to travel back to
 * the exporting node, all in one transaction.
 */
@Service
public class ConfirmingIncoming {
  private final ExchangeRepository repository;
  private final Signatures signatures;
  private final TransparencyLog log;
  private final ExchangeProperties properties;
  private final ImportsFromOtherNodes imports;
  private final Clock clock;

  ConfirmingIncoming(
      ExchangeRepository repository,
      Signatures signatures,
      TransparencyLog log,
      ExchangeProperties properties,
      ImportsFromOtherNodes imports,
      Clock clock) {
    this.imports = imports;
    this.repository = repository;
    this.signatures = signatures;
    this.log = log;
    this.properties = properties;
    this.clock = clock;
  }

  /** The record id of the log entry of the confirmation of {@code number} on the importing node. */
  public static String recordId(String number) {
    return "confirmation:" + number;
  }

  @Transactional
  public IncomingConfirmation confirm(Caller caller, String number, ConfirmRequest request) {
    if (!properties.enabled()) {
      return new IncomingConfirmation.NotFederated();
    }
    if (!caller.has(OrganisationRole.KP_AUTHORITY)) {
      return new IncomingConfirmation.NotAllowed(
          "This needs an account of an organisation with role [KP_AUTHORITY].");
    }
    Optional<IncomingCertificate> found = repository.lockIncoming(number);
    if (found.isEmpty() || !found.get().importingParticipant().equals(caller.participant())) {
      return new IncomingConfirmation.NotFound(number);
    }
    IncomingCertificate incoming = found.get();
    LocalDate today = LocalDate.now(clock);
    KpCertificate c =
        IncomingRecords.certificate(
            incoming.record(),
            incoming.status(),
            LocalDate.ofInstant(incoming.changedAt(), clock.getZone()));
    KpRules.Decision decision = KpRules.checkConfirmation(c, request, today);
    if (!decision.accepted()) {
      return new IncomingConfirmation.Refused(decision.violations());
    }
    LocalDate receivedOn = request.receivedOn();
    if (receivedOn == null) {
      throw new IllegalStateException("an accepted confirmation has a date of receipt");
    }
    UUID organisation = caller.organisationId();
    String details = ConfirmingImports.details(c, receivedOn, request.sealId());
    String jws =
        signatures.sign(
            organisation,
            CertificateRecords.STATUS_JWS_TYPE,
            CanonicalJson.bytes(status(number, receivedOn, organisation, details, null)));
    Map<String, @Nullable Object> committed =
        status(number, receivedOn, organisation, details, jws);
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    log.record(
        Commitment.privateRecord(
            CertificateRecords.STATUS,
            recordId(number),
            organisation.toString(),
            at,
            committed,
            Set.of(organisation)));
    if (!repository.confirmIncoming(number, receivedOn, CanonicalJson.string(committed), at)) {
      throw new IllegalStateException(number + " changed under its lock");
    }
    imports.confirmed(c, receivedOn);
    repository.enqueue(
        number,
        DeliveryKind.CONFIRMED,
        incoming.issuingParticipant(),
        incoming.importingParticipant(),
        at);
    return new IncomingConfirmation.Confirmed(
        repository.incoming(number).orElseThrow().on(today), decision.flags());
  }

  private static Map<String, @Nullable Object> status(
      String number,
      LocalDate receivedOn,
      UUID organisation,
      String details,
      @Nullable String signature) {
    return CertificateRecords.status(
        number,
        CertificateStatus.CONFIRMED,
        receivedOn.toString(),
        organisation.toString(),
        details,
        signature);
  }
}
