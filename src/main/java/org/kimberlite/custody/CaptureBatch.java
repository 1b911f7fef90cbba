package org.kimberlite.custody;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The schema-valid events of one captured document, with who captured them and when.
 *
 * @param organisationId the capturing organisation
 * @param recordTime the server's time of capture
 * @param prefixes the namespace prefixes the document's {@code @context} declares
 */
public record CaptureBatch(
    UUID captureId,
    UUID organisationId,
    Instant recordTime,
    Set<String> prefixes,
    List<ParsedEvent> events) {
  public CaptureBatch {
    prefixes = Set.copyOf(prefixes);
    events = List.copyOf(events);
  }
}
