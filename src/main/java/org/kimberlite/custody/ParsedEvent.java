package org.kimberlite.custody;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One schema-valid event of a capture batch, read for the checks and the store. CBV words are
 * written out as web URIs in {@code bizStep} and {@code disposition}.
 *
 * @param index position in the captured document's event list (from 0)
 * @param json the event as captured (read it, never change it)
 * @param eventId the event's own {@code eventID}, or its hash ID when it has none
 * @param hashId the CBV 2.0 event hash ID
 */
public record ParsedEvent(
    int index,
    JsonNode json,
    String type,
    Instant eventTime,
    String eventTimeZoneOffset,
    String eventId,
    String hashId,
    @Nullable String action,
    @Nullable String bizStep,
    @Nullable String disposition,
    @Nullable String readPoint,
    @Nullable String bizLocation,
    List<EpcRef> epcs) {

  public ParsedEvent {
    epcs = List.copyOf(epcs);
  }
}
