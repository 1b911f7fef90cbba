package org.kimberlite.federation;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.ParticipantCode;

/**
 * One delivery between nodes — a certificate, its cancellation (exporting node to importing node)
 * or its confirmation (back) — as sent in the body of {@code POST /api/v1/federation/deliveries}:
 * the committed record with its salt and log entry, the C2SP tlog-proof of that entry in the
 * sender's log, and the sender's signed trust list.
 *
 * @param id the delivery's id, the same on every attempt
 * @param from the sending node's id
 * @param number the certificate's number
 * @param record the committed record as RFC 8785 canonical JSON (for an issue, the certificate with
 *     its signature; for a cancellation, the signed status event)
 * @param salt the salt of the record's digest in the log entry
 * @param entry the public log entry (the canonical envelope {type, id, issuer, time, digest})
 * @param proof the C2SP tlog-proof of the entry in the sender's log
 * @param trustList the sender's signed trust list (JWS)
 * @param envelope the entry, read
 * @param facts the record, read
 */
public record Delivery(
    UUID id,
    String from,
    DeliveryKind kind,
    String number,
    String record,
    byte[] salt,
    byte[] entry,
    String proof,
    String trustList,
    Envelope envelope,
    RecordFacts facts) {

  public Delivery {
    salt = salt.clone();
    entry = entry.clone();
  }

  @Override
  public byte[] salt() {
    return salt.clone();
  }

  @Override
  public byte[] entry() {
    return entry.clone();
  }

  /** The public log entry's members. */
  public record Envelope(String type, String id, String issuer, String time, String digest) {}

  /**
   * What the record says.
   *
   * @param number the certificate's number
   * @param issuingParticipant for an issue, the exporting participant
   * @param importingParticipant for an issue, the importing participant
   * @param status for a status event, the status it records
   * @param signature the JWS over {@code signedDocument}
   * @param signedDocument the canonical JSON of the record without its signature (as signed)
   * @param effectiveOn for a confirmation, the date the shipment was received
   * @param organisation for a confirmation, the confirming authority's id on its node
   * @param details for a confirmation, what it recorded of the shipment
   */
  public record RecordFacts(
      String number,
      @Nullable ParticipantCode issuingParticipant,
      @Nullable ParticipantCode importingParticipant,
      @Nullable String status,
      String signature,
      byte[] signedDocument,
      @Nullable LocalDate effectiveOn,
      @Nullable String organisation,
      @Nullable String details) {
    public RecordFacts {
      signedDocument = signedDocument.clone();
    }

    @Override
    public byte[] signedDocument() {
      return signedDocument.clone();
    }
  }

  @Override
  public String toString() {
    return "Delivery[" + id + " " + kind + " " + number + " from " + from + "]";
  }
}
