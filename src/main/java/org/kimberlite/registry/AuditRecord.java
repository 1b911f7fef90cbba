package org.kimberlite.registry;

import java.time.Instant;
import java.util.UUID;

/**
 * An administrative action: who (account, username, organisation) did what ({@code action}, a
 * stable name such as {@code participant.status-change}) to what ({@code subject}), when, with the
 * action's details as canonical JSON.
 */
public record AuditRecord(
    UUID id,
    Instant recordedAt,
    UUID accountId,
    String username,
    UUID organisationId,
    String action,
    String subject,
    String details) {

  @Override
  public String toString() {
    return "AuditRecord[" + id + " " + action + " " + subject + " by " + username + "]";
  }
}
