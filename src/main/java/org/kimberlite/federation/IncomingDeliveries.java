package org.kimberlite.federation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.CertificateStatus;
import org.kimberlite.certification.RemoteConfirmations;
import org.kimberlite.certification.Violation;
import org.kimberlite.federation.internal.ExchangeMetrics;
import org.kimberlite.federation.internal.ExchangeRepository;
import org.kimberlite.ledger.TlogProof;
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
  private final Witness witness;
  private final RemoteConfirmations confirmations;
  private final ExchangeMetrics metrics;
  private final ExchangeProperties properties;
  private final Clock clock;
  private final TransactionTemplate tx;

  IncomingDeliveries(
      ExchangeRepository repository,
      Directories directories,
      Witness witness,
      RemoteConfirmations confirmations,
      ExchangeMetrics metrics,
      ExchangeProperties properties,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.repository = repository;
    this.directories = directories;
    this.witness = witness;
    this.confirmations = confirmations;
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
    if (out instanceof ReceiveOutcome.Accepted
        || out instanceof ReceiveOutcome.ConfirmationAccepted) {
      metrics.received();
    }
    return out;
  }

  private ReceiveOutcome store(Delivery d, DirectoryNode sender, DirectoryNode self) {
    if (d.kind() == DeliveryKind.CONFIRMED) {
      return storeConfirmation(d, sender);
    }
    Optional<IncomingCertificate> known = repository.incoming(d.number());
    if (repository.received(d.id()) && known.isPresent()) {
      return new ReceiveOutcome.AlreadyReceived(known.get().on(LocalDate.now(clock)));
    }
    if (d.kind() == DeliveryKind.ISSUED && known.isPresent()) {
      return known.get().record().equals(d.record()) && known.get().fromNode().equals(sender.id())
          ? new ReceiveOutcome.AlreadyReceived(known.get().on(LocalDate.now(clock)))
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
    Optional<WitnessedCheckpoint> witnessed = witness.witnessed(sender.logOrigin());
    DeliveryDecision decision =
        DeliveryPolicy.admit(
            d,
            sender,
            self,
            issuingOfKnown,
            witnessed.map(WitnessedCheckpoint::checkpoint).orElse(null));
    Instant at = clock.instant();
    switch (decision) {
      case DeliveryDecision.Refused r -> {
        return refusal(d, r, witnessed);
      }
      case DeliveryDecision.Admitted a -> {
        if (d.kind() == DeliveryKind.ISSUED) {
          repository.insertIncoming(
              new IncomingCertificate(
                  d.number(),
                  sender.id(),
                  a.issuingParticipant(),
                  a.importingParticipant(),
                  CertificateStatus.ISSUED,
                  IncomingRecords.expiresOn(d.record()),
                  null,
                  d.record(),
                  d.proof(),
                  null,
                  at,
                  at));
        } else {
          repository.cancelIncoming(d.number(), at);
        }
        repository.insertReceived(d.id(), d.number(), d.kind(), sender.id(), at);
        return new ReceiveOutcome.Accepted(
            repository.incoming(d.number()).orElseThrow().on(LocalDate.now(clock)));
      }
    }
  }

  /**
   * A confirmation sent back by the importing node: admitted by {@link DeliveryPolicy} against what
   * this node sent, then recorded in the certificate's lifecycle by certification, once however
   * often it comes.
   */
  private ReceiveOutcome storeConfirmation(Delivery d, DirectoryNode sender) {
    LocalDate receivedOn = d.facts().effectiveOn();
    String organisation = d.facts().organisation();
    String details = d.facts().details();
    if (receivedOn == null || organisation == null || details == null) {
      return refused(422, "validation", "record: not a confirmation", "record");
    }
    if (repository.received(d.id())) {
      return new ReceiveOutcome.ConfirmationAlreadyReceived(
          new ReceivedConfirmation(
              d.number(), sender.id(), CertificateStatus.CONFIRMED, receivedOn));
    }
    Optional<WitnessedCheckpoint> witnessed = witness.witnessed(sender.logOrigin());
    DeliveryDecision decision =
        DeliveryPolicy.admitConfirmation(
            d,
            sender,
            repository.sent(d.number()).orElse(null),
            witnessed.map(WitnessedCheckpoint::checkpoint).orElse(null));
    if (decision instanceof DeliveryDecision.Refused r) {
      return refusal(d, r, witnessed);
    }
    RemoteConfirmations.Outcome outcome =
        confirmations.record(
            new RemoteConfirmations.RemoteConfirmation(
                d.number(), receivedOn, organisation, details, d.facts().signature()));
    ReceivedConfirmation answer =
        new ReceivedConfirmation(d.number(), sender.id(), CertificateStatus.CONFIRMED, receivedOn);
    return switch (outcome) {
      case RemoteConfirmations.Outcome.Recorded rec -> {
        repository.insertReceived(d.id(), d.number(), d.kind(), sender.id(), clock.instant());
        yield new ReceiveOutcome.ConfirmationAccepted(answer);
      }
      case RemoteConfirmations.Outcome.AlreadyRecorded a -> {
        repository.insertReceived(d.id(), d.number(), d.kind(), sender.id(), clock.instant());
        yield new ReceiveOutcome.ConfirmationAlreadyReceived(answer);
      }
      case RemoteConfirmations.Outcome.Refused r -> {
        List<String> rules =
            r.violations().stream().map(Violation::rule).distinct().sorted().toList();
        yield refused(
            422,
            rules.size() == 1 ? rules.get(0) : "kp-rules",
            r.violations().stream()
                .map(v -> v.rule() + ": " + v.message())
                .collect(Collectors.joining("; ")),
            null);
      }
      case RemoteConfirmations.Outcome.NotFound n ->
          refused(
              422,
              "federation/not-ours",
              "FED-08: this node holds no certificate " + n.number(),
              null);
    };
  }

  /**
   * The refusal of a delivery; a split view (FED-09) is also kept as evidence, as the witness keeps
   * the ones it sees.
   */
  private ReceiveOutcome refusal(
      Delivery d, DeliveryDecision.Refused r, Optional<WitnessedCheckpoint> witnessed) {
    if (r.reason() == DeliveryDecision.Reason.SPLIT_VIEW && witnessed.isPresent()) {
      String note = TlogProof.parse(d.proof()).checkpointNote();
      long size = witnessed.get().checkpoint().size();
      witness.keep(
          witnessed.get(),
          SplitViewKind.CONFLICTING_ROOTS,
          "a delivery from node "
              + d.from()
              + " of "
              + d.number()
              + " is proved by a checkpoint of size "
              + size
              + " with another root than the one cosigned",
          size,
          note);
    }
    return refused(422, type(r.reason()), r.detail(), null);
  }

  private static String type(DeliveryDecision.Reason reason) {
    return switch (reason) {
      case WRONG_SENDER -> "federation/wrong-sender";
      case BAD_CERTIFICATE -> "federation/certificate";
      case BAD_PROOF -> "federation/proof";
      case NOT_OURS -> "federation/not-ours";
      case SPLIT_VIEW -> "federation/split-view";
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
    LocalDate today = LocalDate.now(clock);
    if (caller.has(OrganisationRole.KP_SECRETARIAT)) {
      return Optional.of(shown(repository.incomingList(null, max), today));
    }
    if (caller.has(OrganisationRole.KP_AUTHORITY) && caller.participant() != null) {
      return Optional.of(shown(repository.incomingList(caller.participant(), max), today));
    }
    return Optional.empty();
  }

  /**
   * The certificate {@code number} delivered here, if {@code caller} may see it (as in {@link
   * #incoming(Caller, int)}).
   */
  public Optional<IncomingCertificate> incoming(Caller caller, String number) {
    if (!caller.hasAny(OrganisationRole.KP_SECRETARIAT, OrganisationRole.KP_AUTHORITY)) {
      return Optional.empty();
    }
    LocalDate today = LocalDate.now(clock);
    return repository
        .incoming(number)
        .filter(
            c ->
                caller.has(OrganisationRole.KP_SECRETARIAT)
                    || c.importingParticipant().equals(caller.participant()))
        .map(c -> c.on(today));
  }

  private static List<IncomingCertificate> shown(List<IncomingCertificate> list, LocalDate today) {
    return list.stream().map(c -> c.on(today)).toList();
  }
}
