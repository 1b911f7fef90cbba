package org.kimberlite.ledger;

import java.util.List;

/**
 * What {@code ./kimberlite audit} found.
 *
 * @param entries integrated entries checked
 * @param records business records recomputed from their tables
 * @param checkpoints signed checkpoints checked
 * @param findings everything that does not match; empty when the database agrees with the log
 */
public record AuditReport(
    long entries, long records, long checkpoints, long treeSize, List<Finding> findings) {

  public boolean clean() {
    return findings.isEmpty();
  }

  /** One mismatch, with where it is and what differs. */
  public record Finding(String kind, String where, String detail) {}
}
