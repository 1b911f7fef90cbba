package org.kimberlite.diligence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A recorded response to a finding, with its transparency-log entry.
 *
 * @param responder the named person who answered
 * @param logEntry the log entry committing to the response
 */
public record Response(
    Decision decision,
    @Nullable String plan,
    @Nullable LocalDate reviewOn,
    UUID organisationId,
    String responder,
    Instant respondedAt,
    UUID logEntry) {

  /** Where the log entry's proof is read. */
  public String logHref() {
    return "/api/v1/log/entries/" + logEntry;
  }
}
