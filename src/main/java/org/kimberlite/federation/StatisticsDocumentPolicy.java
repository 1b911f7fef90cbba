package org.kimberlite.federation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kimberlite.ledger.Checkpoint;
import org.kimberlite.ledger.LogFormatException;
import org.kimberlite.ledger.NoteVerifier;
import org.kimberlite.ledger.ProofException;
import org.kimberlite.ledger.Rfc6962;
import org.kimberlite.ledger.TlogProof;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.registry.SignatureException;
import org.kimberlite.registry.SignedDocuments;
import org.kimberlite.shared.Policy;

/**
 * Whether the secretariat's node takes a statistics document fetched from {@code sender}
 * (docs/federation.md, "Statistics across nodes"): its JWS verifies with the sender's trust-list
 * key in the directory and names the sender as its node (FED-11); its log record is the one
 * committed in the entry, which a checkpoint signed with the sender's log key proves (FED-12); the
 * sender serves the participant the figures are of (FED-13); and it is not older than the version
 * held, nor another document under that version (FED-14).
 */
@Policy(rules = {"FED-11", "FED-12", "FED-13", "FED-14"})
public final class StatisticsDocumentPolicy {
  private StatisticsDocumentPolicy() {}

  /** The latest version held of a participant's year, as signed. */
  public record Held(long version, String jws) {}

  /**
   * Decides on {@code p} fetched from {@code sender}.
   *
   * @param heldOf the latest version held of the participant and year the record names, or null
   */
  public static StatisticsDecision admit(
      StatisticsDocuments.Pulled p,
      DirectoryNode sender,
      java.util.function.Function<StatisticsDocuments.LoggedRecord, @Nullable Held> heldOf) {
    StatisticsDocuments.LoggedRecord record;
    StatisticsDocuments.Envelope envelope;
    try {
      record = StatisticsDocuments.recordFromJson(p.record());
      envelope = StatisticsDocuments.envelope(p.entry());
    } catch (StatisticsDocuments.Malformed e) {
      return refuse(StatisticsDecision.Reason.MALFORMED, e.getMessage());
    }
    // FED-11: signed with the sender's trust-list key, and the sender's own document.
    NodeStatistics doc;
    try {
      byte[] payload =
          SignedDocuments.open(
              record.jws(),
              NodeStatistics.TYPE,
              SignedDocuments.fromBase64url(sender.trustListKey()));
      doc = StatisticsDocuments.fromJson(payload);
    } catch (SignatureException | IllegalArgumentException e) {
      return refuse(
          StatisticsDecision.Reason.BAD_SIGNATURE,
          "FED-11: the document does not verify with the trust-list key of "
              + sender.id()
              + ": "
              + e.getMessage());
    } catch (StatisticsDocuments.Malformed e) {
      return refuse(StatisticsDecision.Reason.MALFORMED, e.getMessage());
    }
    if (!doc.node().equals(sender.id())) {
      return refuse(
          StatisticsDecision.Reason.BAD_SIGNATURE,
          "FED-11: the document is of node " + doc.node() + ", fetched from " + sender.id());
    }
    // FED-12: the record is the committed one, of this document, proved in the sender's log.
    if (!doc.participant().equals(record.participant())
        || doc.year() != record.year()
        || doc.version() != record.version()
        || !envelope.type().equals(NodeStatistics.RECORD_TYPE)
        || !envelope.id().equals(doc.recordId())) {
      return refuse(
          StatisticsDecision.Reason.BAD_PROOF, "FED-12: the log entry is not of this document");
    }
    byte[] digest =
        TransparencyLog.digest(p.salt(), p.record()).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(digest, envelope.digest().getBytes(StandardCharsets.US_ASCII))) {
      return refuse(
          StatisticsDecision.Reason.BAD_PROOF,
          "FED-12: the record and salt are not those committed in the log entry");
    }
    Checkpoint checkpoint;
    try {
      checkpoint =
          TlogProof.verify(
              TlogProof.parse(p.proof()),
              Rfc6962.leafHash(p.entry()),
              sender.logOrigin(),
              List.of(NoteVerifier.parse(sender.logVkey())));
    } catch (LogFormatException | ProofException | IllegalArgumentException e) {
      return refuse(
          StatisticsDecision.Reason.BAD_PROOF,
          "FED-12: the entry is not proved in the log of " + sender.id() + ": " + e.getMessage());
    }
    // FED-13: the sender serves the participant.
    if (!sender.participants().contains(doc.participant())) {
      return refuse(
          StatisticsDecision.Reason.NOT_SERVED,
          "FED-13: node " + sender.id() + " does not serve " + doc.participant().code());
    }
    // FED-14: no rollback, no fork.
    Held held = heldOf.apply(record);
    if (held != null) {
      if (doc.version() < held.version()) {
        return refuse(
            StatisticsDecision.Reason.ROLLBACK,
            "FED-14: version "
                + doc.version()
                + " of "
                + doc.recordId()
                + " is older than version "
                + held.version()
                + " held");
      }
      if (doc.version() == held.version()) {
        return held.jws().equals(record.jws())
            ? new StatisticsDecision.AlreadyHeld(held.version())
            : refuse(
                StatisticsDecision.Reason.ROLLBACK,
                "FED-14: another document under version " + doc.version() + " is held");
      }
    }
    return new StatisticsDecision.Admitted(doc, record.jws(), checkpoint.size());
  }

  private static StatisticsDecision refuse(StatisticsDecision.Reason reason, String detail) {
    return new StatisticsDecision.Refused(reason, detail);
  }
}
