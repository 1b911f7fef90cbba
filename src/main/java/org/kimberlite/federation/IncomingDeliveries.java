package org.kimberlite.federation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kimberlite.federation.internal.ExchangeMetrics;
import org.kimberlite.federation.internal.ExchangeRepository;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.shared.ParticipantCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The receiving side of the certificate exchange: a delivery is admitted only when its request is
 * signed by a valid transport key of a node the directory lists (FED-03), with the body's content
 * digest, and when {@link DeliveryPolicy} admits what it carries; it is then kept once, however
 * often it is sent.
 */
@Service
public class IncomingDeliveries {
  private final ExchangeRepository repository;
  private final Directories directories;
  private final ExchangeMetrics metrics;
  private final ExchangeProperties properties;
  private final Clock clock;
  private final TransactionTemplate tx;

  IncomingDeliveries(
      ExchangeRepository repository,
      Directories directories,
      ExchangeMetrics metrics,
      ExchangeProperties properties,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.repository = repository;
    this.directories = directories;
    this.metrics = metrics;
    this.properties = properties;
    this.clock = clock;
    this.tx = new TransactionTemplate(transactions);
  }

  /** The request as received: its signature headers and body. */
  public record SignedRequest(
      @Nullable String signatureInput,
      @Nullable String signature,
      @Nullable String contentDigest,
      byte[] body) {
    public SignedRequest {
      body = body.clone();
    }

    @Override
    public byte[] body() {
      return body.clone();
    }
  }

  /** Receives a delivery. */
  public ReceiveOutcome receive(SignedRequest request) {
    if (!properties.enabled()) {
      return new ReceiveOutcome.NotFederated();
    }
    Optional<Directory> held = directories.current();
    if (held.isEmpty()) {
      return new ReceiveOutcome.NotReady("This node holds no directory yet.");
    }
    Directory directory = held.get();
    Optional<DirectoryNode> self = directory.node(properties.nodeId());
    if (self.isEmpty()) {
      return new ReceiveOutcome.NotReady("This node is not listed in the directory it holds.");
    }
    Instant now = clock.instant();
    HttpMessageSignatures.Parsed parsed;
    try {
      parsed = HttpMessageSignatures.parse(request.signatureInput(), request.signature());
    } catch (HttpMessageSignatures.Refused e) {
      return refused(401, "federation/signature", e.getMessage(), null);
    }
    DirectoryNode sender;
    NodeKey key;
    switch (DirectoryPolicy.sender(directory, parsed.keyid(), now)) {
      case NodeCheck.Listed l -> {
        sender = l.node();
        key = l.key();
      }
      case NodeCheck.Unlisted u -> {
        return refused(
            401,
            "federation/unlisted-node",
            "FED-03: no node of directory version "
                + directory.version()
                + " holds the key "
                + u.kid(),
            null);
      }
      case NodeCheck.Invalid i -> {
        return refused(
            401,
            "federation/unlisted-node",
            "FED-03: the key " + i.key().kid() + " of node " + i.node().id() + " is not valid now",
            null);
      }
    }
    try {
      HttpMessageSignatures.verify(
          parsed,
          "POST",
          self.get().base() + Exchange.DELIVERIES,
          request.contentDigest(),
          request.body(),
          org.kimberlite.registry.SignedDocuments.fromBase64url(key.x()),
          now,
          properties.maxSkew());
    } catch (HttpMessageSignatures.Refused e) {
      return e.reason() == HttpMessageSignatures.Reason.DIGEST_MISMATCH
          ? refused(400, "federation/content-digest", e.getMessage(), null)
          : refused(401, "federation/signature", e.getMessage(), null);
    }
    Delivery d;
    try {
      d = DeliveryDocuments.fromJson(request.body());
    } catch (DeliveryDocuments.Malformed e) {
      return refused(422, "validation", e.getMessage(), e.field());
    }
    ReceiveOutcome out = tx.execute(s -> store(d, sender, self.get()));
    if (out == null) {
      throw new IllegalStateException("no outcome");
    }
    if (out instanceof ReceiveOutcome.Accepted) {
      metrics.received();
    }
    return out;
  }

  private ReceiveOutcome store(Delivery d, DirectoryNode sender, DirectoryNode self) {
    Optional<IncomingCertificate> known = repository.incoming(d.number());
    if (repository.received(d.id()) && known.isPresent()) {
      return new ReceiveOutcome.AlreadyReceived(known.get());
    }
    if (d.kind() == DeliveryKind.ISSUED && known.isPresent()) {
      return known.get().record().equals(d.record()) && known.get().fromNode().equals(sender.id())
          ? new ReceiveOutcome.AlreadyReceived(known.get())
          : refused(
              409,
              "federation/conflict",
              "Another certificate " + d.number() + " was received before",
              null);
    }
    ParticipantCode issuingOfKnown =
        known
            .filter(k -> k.fromNode().equals(sender.id()))
            .map(IncomingCertificate::issuingParticipant)
            .orElse(null);
    DeliveryDecision decision = DeliveryPolicy.admit(d, sender, self, issuingOfKnown);
    Instant at = clock.instant();
    switch (decision) {
      case DeliveryDecision.Refused r -> {
        return refused(422, type(r.reason()), r.detail(), null);
      }
      case DeliveryDecision.Admitted a -> {
        if (d.kind() == DeliveryKind.ISSUED) {
          repository.insertIncoming(
              new IncomingCertificate(
                  d.number(),
                  sender.id(),
                  a.issuingParticipant(),
                  a.importingParticipant(),
                  DeliveryKind.ISSUED,
                  d.record(),
                  d.proof(),
                  at,
                  at));
        } else {
          repository.cancelIncoming(d.number(), at);
        }
        repository.insertReceived(d.id(), d.number(), d.kind(), sender.id(), at);
        return new ReceiveOutcome.Accepted(repository.incoming(d.number()).orElseThrow());
      }
    }
  }

  private static String type(DeliveryDecision.Reason reason) {
    return switch (reason) {
      case WRONG_SENDER -> "federation/wrong-sender";
      case BAD_CERTIFICATE -> "federation/certificate";
      case BAD_PROOF -> "federation/proof";
      case NOT_OURS -> "federation/not-ours";
    };
  }

  private ReceiveOutcome refused(int status, String type, String detail, @Nullable String field) {
    metrics.refused();
    return new ReceiveOutcome.Refused(status, type, detail, field);
  }

  /**
   * The certificates delivered here as {@code caller} may see them: a KP authority those of its
   * participant, the secretariat all; empty for anyone else.
   */
  public Optional<List<IncomingCertificate>> incoming(Caller caller, int max) {
    if (caller.has(OrganisationRole.KP_SECRETARIAT)) {
      return Optional.of(repository.incomingList(null, max));
    }
    if (caller.has(OrganisationRole.KP_AUTHORITY) && caller.participant() != null) {
      return Optional.of(repository.incomingList(caller.participant(), max));
    }
    return Optional.empty();
  }
}
