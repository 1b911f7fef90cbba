package org.kimberlite.valuation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.kimberlite.shared.ParticipantCode;

/**
 * One version of a price book: its period, who uploaded and signed it, and the digest of its CSV.
 *
 * @param name the book's name, the same for all its versions
 * @param version 1, 2, … in the order of upload
 * @param validFrom the first day it is in force
 * @param validTo the last day it is in force
 * @param organisationId the uploading authority
 * @param organisationName its name when it uploaded
 * @param participant the KP participant it acts for
 * @param uploadedBy the account that uploaded it
 * @param uploadedAt when
 * @param rows the number of classes priced
 * @param sha256 the SHA-256 of the CSV bytes as uploaded, in hex
 * @param kid the key that signed it
 * @param signature the JWS (EdDSA) over the book's canonical record, see docs/valuation.md
 */
public record PriceBook(
    PriceBookName name,
    int version,
    LocalDate validFrom,
    LocalDate validTo,
    UUID organisationId,
    String organisationName,
    ParticipantCode participant,
    String uploadedBy,
    Instant uploadedAt,
    int rows,
    String sha256,
    String kid,
    String signature) {

  /** This version with its signing key and signature. */
  public PriceBook signed(String signingKid, String jws) {
    return new PriceBook(
        name,
        version,
        validFrom,
        validTo,
        organisationId,
        organisationName,
        participant,
        uploadedBy,
        uploadedAt,
        rows,
        sha256,
        signingKid,
        jws);
  }

  /** Whether the book is in force on a day (both ends included). */
  public boolean inForceOn(LocalDate day) {
    return !day.isBefore(validFrom) && !day.isAfter(validTo);
  }
}
