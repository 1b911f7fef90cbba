package org.kimberlite.ledger;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A record to commit to the public log. Only {@code type}, {@code id}, {@code issuer}, {@code time}
 * and a salted digest of {@code record} become public; the record itself (canonicalised with RFC
 * 8785) and its salt stay in the database for the {@code audience}.
 *
 * @param type a stable type name, e.g. {@code registry.status-change}
 * @param id the record's identifier within its type
 * @param issuer who issues the record (an organisation id, or a participant code)
 * @param time when the record was made
 * @param record the full record: maps, lists, strings, booleans and integers (decimals as strings)
 * @param audience organisations allowed to read the record and its salt; empty for public records
 */
public record Commitment(
    String type,
    String id,
    String issuer,
    Instant time,
    Map<String, ?> record,
    Set<UUID> audience,
    boolean publicRecord) {

  public Commitment {
    audience = Set.copyOf(audience);
  }

  /** A record anyone may read, such as a participant's status decision. */
  public static Commitment publicRecord(
      String type, String id, String issuer, Instant time, Map<String, ?> record) {
    return new Commitment(type, id, issuer, time, record, Set.of(), true);
  }

  /** A record only the given organisations may read; the public sees its commitment only. */
  public static Commitment privateRecord(
      String type,
      String id,
      String issuer,
      Instant time,
      Map<String, ?> record,
      Set<UUID> audience) {
    return new Commitment(type, id, issuer, time, record, audience, false);
  }
}
