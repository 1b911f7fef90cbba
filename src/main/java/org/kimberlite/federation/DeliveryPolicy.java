package org.kimberlite.federation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.CertificateRecords;
import org.kimberlite.ledger.Checkpoint;
import org.kimberlite.ledger.LogFormatException;
import org.kimberlite.ledger.NoteVerifier;
import org.kimberlite.ledger.ProofException;
import org.kimberlite.ledger.Rfc6962;
import org.kimberlite.ledger.TlogProof;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.registry.Jwk;
import org.kimberlite.registry.OfflineVerifier;
import org.kimberlite.registry.SignatureException;
import org.kimberlite.registry.SignedDocuments;
import org.kimberlite.registry.TrustList;
import org.kimberlite.registry.Verified;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.Policy;

/**
 * Whether a node admits a delivery whose request signature has been verified as {@code sender}'s
 * (docs/federation.md): the body names that sender (FED-04); the sender's trust list verifies with
 * its trust-list key in the directory, and the authority's signature of the record verifies against
 * it, by an authority of a participant the sender serves (FED-05); the record is the one committed
 * in the log entry, and the entry is proved by a checkpoint signed with the sender's log key in the
 * directory (FED-06); this node serves the importing participant (FED-07); a confirmation comes
 * back only from the node the certificate was delivered to, signed by an authority of the importing
 * participant (FED-08); and the checkpoint agrees with the one of the same size this node cosigned
 * as a witness of the sender's log (FED-09).
 */
@Policy(rules = {"FED-04", "FED-05", "FED-06", "FED-07", "FED-08", "FED-09"})
public final class DeliveryPolicy {
  private DeliveryPolicy() {}

  /**
   * What this node delivered of a certificate it issued.
   *
   * @param issuing the exporting participant
   * @param importing the importing participant
   * @param toNode the node that accepted the certificate
   */
  public record Sent(ParticipantCode issuing, ParticipantCode importing, String toNode) {}

  /**
   * {@link #admit(Delivery, DirectoryNode, DirectoryNode, ParticipantCode, Checkpoint)}
   * unwitnessed.
   */
  public static DeliveryDecision admit(
      Delivery d,
      DirectoryNode sender,
      DirectoryNode self,
      @Nullable ParticipantCode issuingOfKnown) {
    return admit(d, sender, self, issuingOfKnown, null);
  }

  /**
   * Decides on a certificate or its cancellation {@code d} sent by {@code sender}, received by the
   * node {@code self}.
   *
   * @param issuingOfKnown for a cancellation, the exporting participant of the certificate as this
   *     node holds it (null when it holds no such certificate)
   * @param witnessed the checkpoint of the sender's log this node cosigned last, when it witnesses
   *     that log
   */
  public static DeliveryDecision admit(
      Delivery d,
      DirectoryNode sender,
      DirectoryNode self,
      @Nullable ParticipantCode issuingOfKnown,
      @Nullable Checkpoint witnessed) {
    if (d.kind() == DeliveryKind.CONFIRMED) {
      return refuse(
          DeliveryDecision.Reason.NOT_OURS,
          "FED-08: a confirmation is decided against the certificate this node sent");
    }
    Check check = common(d, sender, witnessed);
    if (check instanceof Fail f) {
      return f.refused();
    }
    Pass pass = (Pass) check;
    ParticipantCode issuing =
        d.kind() == DeliveryKind.ISSUED ? d.facts().issuingParticipant() : issuingOfKnown;
    if (issuing == null) {
      return refuse(
          DeliveryDecision.Reason.NOT_OURS,
          "FED-07: no certificate " + d.number() + " was delivered to this node");
    }
    if (!pass.verified().participant().equals(issuing)
        || !sender.participants().contains(issuing)) {
      return refuse(
          DeliveryDecision.Reason.BAD_CERTIFICATE,
          "FED-05: the record is not signed by an authority of "
              + issuing.code()
              + " served by "
              + sender.id());
    }
    if (d.kind() == DeliveryKind.CANCELLED && !"CANCELLED".equals(d.facts().status())) {
      return refuse(
          DeliveryDecision.Reason.BAD_CERTIFICATE, "FED-05: the status event is no cancellation");
    }
    ParticipantCode importing =
        Optional.ofNullable(d.facts().importingParticipant())
            .orElse(self.participants().isEmpty() ? issuing : self.participants().get(0));
    if (d.kind() == DeliveryKind.ISSUED && !self.participants().contains(importing)) {
      return refuse(
          DeliveryDecision.Reason.NOT_OURS,
          "FED-07: this node does not serve the importing participant " + importing.code());
    }
    return new DeliveryDecision.Admitted(issuing, importing, pass.checkpoint().size());
  }

  /**
   * Decides on a confirmation {@code d} sent back by {@code sender} to the node that issued the
   * certificate.
   *
   * @param sent what this node delivered of that certificate, or null when it delivered none
   * @param witnessed the checkpoint of the sender's log this node cosigned last, when it witnesses
   *     that log
   */
  public static DeliveryDecision admitConfirmation(
      Delivery d, DirectoryNode sender, @Nullable Sent sent, @Nullable Checkpoint witnessed) {
    if (d.kind() != DeliveryKind.CONFIRMED) {
      return refuse(DeliveryDecision.Reason.BAD_CERTIFICATE, "FED-08: not a confirmation");
    }
    Check check = common(d, sender, witnessed);
    if (check instanceof Fail f) {
      return f.refused();
    }
    Pass pass = (Pass) check;
    if (!"CONFIRMED".equals(d.facts().status())) {
      return refuse(
          DeliveryDecision.Reason.BAD_CERTIFICATE, "FED-08: the status event is no confirmation");
    }
    if (sent == null) {
      return refuse(
          DeliveryDecision.Reason.NOT_OURS,
          "FED-08: this node delivered no certificate " + d.number());
    }
    if (!sent.toNode().equals(sender.id())) {
      return refuse(
          DeliveryDecision.Reason.NOT_OURS,
          "FED-08: "
              + d.number()
              + " was delivered to node "
              + sent.toNode()
              + ", not to "
              + sender.id());
    }
    if (!pass.verified().participant().equals(sent.importing())
        || !sender.participants().contains(sent.importing())) {
      return refuse(
          DeliveryDecision.Reason.BAD_CERTIFICATE,
          "FED-08: the confirmation is not signed by an authority of "
              + sent.importing().code()
              + " served by "
              + sender.id());
    }
    return new DeliveryDecision.Admitted(
        sent.issuing(), sent.importing(), pass.checkpoint().size());
  }

  private sealed interface Check permits Pass, Fail {}

  private record Pass(Checkpoint checkpoint, Verified verified) implements Check {}

  private record Fail(DeliveryDecision.Refused refused) implements Check {}

  /** FED-04, FED-06, FED-09 and the signature part of FED-05, alike for every kind. */
  private static Check common(Delivery d, DirectoryNode sender, @Nullable Checkpoint witnessed) {
    if (!d.from().equals(sender.id())) {
      return fail(
          DeliveryDecision.Reason.WRONG_SENDER,
          "FED-04: the body names node " + d.from() + ", the request is signed by " + sender.id());
    }
    if (!d.facts().number().equals(d.number())) {
      return fail(DeliveryDecision.Reason.BAD_PROOF, "FED-06: the record is of another number");
    }
    // FED-06: the record is the committed one, and the entry is in the sender's log.
    String type =
        d.kind() == DeliveryKind.ISSUED
            ? CertificateRecords.CERTIFICATE
            : CertificateRecords.STATUS;
    if (!d.envelope().type().equals(type)
        || (d.kind() == DeliveryKind.ISSUED && !d.envelope().id().equals(d.number()))) {
      return fail(DeliveryDecision.Reason.BAD_PROOF, "FED-06: the log entry is not of this record");
    }
    byte[] digest =
        TransparencyLog.digest(d.salt(), d.record()).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(digest, d.envelope().digest().getBytes(StandardCharsets.US_ASCII))) {
      return fail(
          DeliveryDecision.Reason.BAD_PROOF,
          "FED-06: the record and salt are not those committed in the log entry");
    }
    Checkpoint checkpoint;
    try {
      checkpoint =
          TlogProof.verify(
              TlogProof.parse(d.proof()),
              Rfc6962.leafHash(d.entry()),
              sender.logOrigin(),
              List.of(NoteVerifier.parse(sender.logVkey())));
    } catch (LogFormatException | ProofException | IllegalArgumentException e) {
      return fail(
          DeliveryDecision.Reason.BAD_PROOF,
          "FED-06: the entry is not proved in the log of " + sender.id() + ": " + e.getMessage());
    }
    if (witnessed != null
        && witnessed.origin().equals(checkpoint.origin())
        && witnessed.size() == checkpoint.size()
        && !MessageDigest.isEqual(witnessed.rootHash(), checkpoint.rootHash())) {
      return fail(
          DeliveryDecision.Reason.SPLIT_VIEW,
          "FED-09: the log of "
              + sender.id()
              + " proves the entry with a checkpoint of size "
              + checkpoint.size()
              + " whose root is not the one this node cosigned at that size");
    }
    // FED-05: the authority's signature, against the sender's own trust list.
    Verified verified;
    try {
      TrustList list =
          TrustList.parse(
              d.trustList(), Jwk.toPublicKey(SignedDocuments.fromBase64url(sender.trustListKey())));
      verified = OfflineVerifier.verify(d.facts().signature(), list);
    } catch (SignatureException | IllegalArgumentException e) {
      return fail(
          DeliveryDecision.Reason.BAD_CERTIFICATE,
          "FED-05: the authority's signature does not verify: " + e.getMessage());
    }
    if (!MessageDigest.isEqual(verified.payload(), d.facts().signedDocument())) {
      return fail(
          DeliveryDecision.Reason.BAD_CERTIFICATE, "FED-05: the signature is not of this record");
    }
    return new Pass(checkpoint, verified);
  }

  private static Fail fail(DeliveryDecision.Reason reason, String detail) {
    return new Fail(new DeliveryDecision.Refused(reason, detail));
  }

  private static DeliveryDecision refuse(DeliveryDecision.Reason reason, String detail) {
    return new DeliveryDecision.Refused(reason, detail);
  }
}
