package org.kimberlite.ledger;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Implemented by each module for the record types it commits: how a record reads from its business
 * tables today. The audit recomputes every commitment from this, so a row edited behind the
 * platform's back no longer matches its digest in the log.
 */
public interface CommittedRecords {
  /** The record types this source answers for. */
  Set<String> types();

  /** The record as the business tables hold it now, in its committed shape; empty if gone. */
  Optional<Map<String, ?>> current(String type, String recordId);

  /** Every record id of {@code type} the business tables hold, to find rows never committed. */
  List<String> ids(String type);

  /** A record id that is a UUID, as most records' are; empty when it is not one. */
  static Optional<java.util.UUID> uuid(String recordId) {
    try {
      return Optional.of(java.util.UUID.fromString(recordId));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
