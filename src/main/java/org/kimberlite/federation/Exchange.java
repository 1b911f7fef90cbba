package org.kimberlite.federation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.CertificateChanged;
import org.kimberlite.certification.CertificateFacts;
import org.kimberlite.certification.CertificateRecords;
import org.kimberlite.certification.CertificateStatus;
import org.kimberlite.certification.KpCertificate;
import org.kimberlite.federation.internal.ExchangeMetrics;
import org.kimberlite.federation.internal.ExchangeRepository;
import org.kimberlite.federation.internal.NodeKeys;
import org.kimberlite.ledger.LogEntry;
import org.kimberlite.ledger.TlogProof;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.TrustLists;
import org.kimberlite.shared.ParticipantCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sending side of the certificate exchange: an outbox entry for each certificate issued to (or
 * cancelled for) a participant another node serves, and for each confirmation of a certificate
 * another node issued ({@link ConfirmingIncoming}), and the sender that delivers each, signed with
 * this node's transport key, until the node it goes to accepts it.
 */
@Service
public class Exchange {
  /** The path of the importing node's delivery endpoint. */
  public static final String DELIVERIES = "/api/v1/federation/deliveries";

  /** The most entries one round of the sender attempts. */
  static final int ROUND = 20;

  private static final Logger log = LoggerFactory.getLogger(Exchange.class);

  private final ExchangeRepository repository;
  private final Directories directories;
  private final CertificateFacts certificates;
  private final TransparencyLog transparencyLog;
  private final TrustLists trustLists;
  private final NodeKeys nodeKeys;
  private final ExchangeMetrics metrics;
  private final ExchangeProperties properties;
  private final Clock clock;
  private final HttpClient http;

  Exchange(
      ExchangeRepository repository,
      Directories directories,
      CertificateFacts certificates,
      TransparencyLog transparencyLog,
      TrustLists trustLists,
      NodeKeys nodeKeys,
      ExchangeMetrics metrics,
      ExchangeProperties properties,
      Clock clock) {
    this.repository = repository;
    this.directories = directories;
    this.certificates = certificates;
    this.transparencyLog = transparencyLog;
    this.trustLists = trustLists;
    this.nodeKeys = nodeKeys;
    this.metrics = metrics;
    this.properties = properties;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
  }

  /**
   * Writes the outbox entry for a certificate's change, when the change travels (an issue, a
   * cancellation) and the importing participant is not served by this node. Idempotent: an entry
   * exists once per certificate and kind.
   */
  @Transactional
  public boolean enqueue(CertificateChanged changed) {
    DeliveryKind kind = DeliveryKind.of(changed.status());
    if (!properties.enabled() || kind == null) {
      return false;
    }
    Optional<CertificateFacts.Fact> fact = certificates.fact(changed.number());
    if (fact.isEmpty()) {
      return false;
    }
    KpCertificate c = fact.get().certificate();
    Optional<DirectoryNode> self = directories.self();
    if (self.isPresent() && self.get().participants().contains(c.importingParticipant())) {
      return false;
    }
    return repository.enqueue(
        c.number(), kind, c.issuingParticipant(), c.importingParticipant(), clock.instant());
  }

  /** One round of the sender: attempts every entry due. Returns how many were delivered. */
  public int sendDue() {
    if (!properties.enabled()) {
      return 0;
    }
    int sent = 0;
    Instant now = clock.instant();
    for (OutboxEntry e : repository.due(now, ROUND)) {
      if (repository.claim(e, now.plus(properties.timeout().multipliedBy(3)))) {
        if (attempt(e)) {
          sent++;
        }
      }
    }
    long[] counts = repository.undelivered();
    metrics.outbox(counts[0], counts[1]);
    return sent;
  }

  /**
   * The outbox as {@code caller} may see it: all of it for the secretariat, its own for an
   * authority.
   */
  @Transactional(readOnly = true)
  public Optional<List<OutboxEntry>> outbox(Caller caller, int max) {
    if (caller.has(OrganisationRole.KP_SECRETARIAT)) {
      return Optional.of(repository.outbox(null, max));
    }
    if (caller.has(OrganisationRole.KP_AUTHORITY) && caller.participant() != null) {
      return Optional.of(repository.outbox(caller.participant(), max));
    }
    return Optional.empty();
  }

  private boolean attempt(OutboxEntry e) {
    Optional<Directory> directory = directories.current();
    if (directory.isEmpty()) {
      fail(e, null, "this node holds no directory yet");
      return false;
    }
    // a certificate and its cancellation go to the importing participant's node, a confirmation
    // back to the exporting participant's
    ParticipantCode to =
        e.kind() == DeliveryKind.CONFIRMED ? e.issuingParticipant() : e.importingParticipant();
    Optional<DirectoryNode> target = directory.get().serving(to);
    if (target.isEmpty()) {
      fail(e, null, "no node of the directory serves " + to.code());
      return false;
    }
    if (target.get().id().equals(properties.nodeId())) {
      repository.delivered(e.id(), target.get().id(), clock.instant());
      return true;
    }
    byte[] body;
    try {
      Optional<byte[]> built = body(e);
      if (built.isEmpty()) {
        repository.postpone(
            e.id(), "waiting for the log to include the entry", clock.instant().plusSeconds(1));
        return false;
      }
      body = built.get();
    } catch (RuntimeException ex) {
      fail(e, target.get().id(), "cannot build the delivery: " + ex.getMessage());
      return false;
    }
    String uri = target.get().base() + DELIVERIES;
    HttpMessageSignatures.Signed signed =
        HttpMessageSignatures.sign(
            "POST", uri, body, clock.instant(), nodeKeys.kid(), nodeKeys::sign);
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(uri))
                  .timeout(properties.timeout())
                  .header("Content-Type", "application/json")
                  .header("Content-Digest", signed.contentDigest())
                  .header("Signature-Input", signed.signatureInput())
                  .header("Signature", signed.signature())
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() / 100 == 2) {
        repository.delivered(e.id(), target.get().id(), clock.instant());
        metrics.delivered();
        return true;
      }
      String answer = response.body();
      fail(
          e,
          target.get().id(),
          "answered "
              + response.statusCode()
              + ": "
              + (answer.length() > 500 ? answer.substring(0, 500) : answer));
    } catch (IOException | IllegalArgumentException ex) {
      fail(e, target.get().id(), "cannot reach " + uri + ": " + ex);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      fail(e, target.get().id(), "interrupted");
    }
    return false;
  }

  private void fail(OutboxEntry e, @Nullable String target, String why) {
    metrics.failed();
    Instant next = clock.instant().plus(backoff(e.attempts(), properties));
    repository.failed(e.id(), target, why, next);
    log.info(
        "Delivery {} of {} {} failed ({}); next attempt at {}",
        e.id(),
        e.kind(),
        e.number(),
        why,
        next);
  }

  /**
   * The wait after the {@code attempts + 1}th failure: doubling from the first, at most the max.
   */
  static Duration backoff(int attempts, ExchangeProperties properties) {
    Duration wait = properties.firstRetry();
    for (int i = 0; i < attempts && wait.compareTo(properties.maxRetry()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(properties.maxRetry()) > 0 ? properties.maxRetry() : wait;
  }

  /** The delivery's body, or empty while its log entry waits for the integrator. */
  Optional<byte[]> body(OutboxEntry e) {
    String type;
    String recordId;
    if (e.kind() == DeliveryKind.ISSUED) {
      type = CertificateRecords.CERTIFICATE;
      recordId = e.number();
    } else if (e.kind() == DeliveryKind.CONFIRMED) {
      type = CertificateRecords.STATUS;
      recordId = ConfirmingIncoming.recordId(e.number());
    } else {
      type = CertificateRecords.STATUS;
      recordId =
          Long.toString(
              certificates
                  .eventId(e.number(), CertificateStatus.CANCELLED)
                  .orElseThrow(() -> new IllegalStateException("no cancellation event")));
    }
    List<LogEntry> entries = transparencyLog.entriesOfRecord(type, recordId, null);
    if (entries.isEmpty()) {
      throw new IllegalStateException("no log entry of " + type + " " + recordId);
    }
    LogEntry visible =
        transparencyLog
            .entriesOfRecord(type, recordId, UUID.fromString(entries.get(0).issuer()))
            .get(0);
    if (visible.recordJson() == null || visible.salt() == null) {
      throw new IllegalStateException(
          "the record of " + type + " " + recordId + " is not readable");
    }
    Optional<TlogProof> proof = transparencyLog.proof(visible.entryId());
    if (proof.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        DeliveryDocuments.toJson(
            e.id(),
            properties.nodeId(),
            e.kind(),
            e.number(),
            visible.recordJson(),
            visible.salt(),
            visible.data(),
            proof.get().format(),
            trustLists.publish()));
  }
}
