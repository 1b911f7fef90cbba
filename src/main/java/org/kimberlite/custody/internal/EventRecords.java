package org.kimberlite.custody.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.kimberlite.custody.StoredEvent;
import org.kimberlite.ledger.CommittedRecords;
import org.springframework.stereotype.Component;

/**
 * What the transparency log commits to for each stored event: its IDs, who captured it and when,
 * and the SHA-256 of the event exactly as stored. Also answers the audit from the stored rows, so
 * an event edited behind the platform's back no longer matches its commitment.
 */
@Component
public class EventRecords implements CommittedRecords {
  public static final String TYPE = "custody.event";

  private final EventRepository events;

  public EventRecords(EventRepository events) {
    this.events = events;
  }

  /** The committed record of an event. */
  public static Map<String, Object> record(
      String hashId,
      String eventId,
      UUID capturedBy,
      UUID captureId,
      Instant recordTime,
      String json) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("eventHash", hashId);
    out.put("eventID", eventId);
    out.put("capturedBy", capturedBy.toString());
    out.put("captureID", captureId.toString());
    out.put("recordTime", recordTime.truncatedTo(ChronoUnit.MILLIS).toString());
    out.put("eventDigest", "sha256:" + sha256(json));
    return out;
  }

  static Map<String, Object> record(StoredEvent e) {
    return record(e.hashId(), e.eventId(), e.capturedBy(), e.captureId(), e.recordTime(), e.json());
  }

  @Override
  public Set<String> types() {
    return Set.of(TYPE);
  }

  @Override
  public Optional<Map<String, ?>> current(String type, String recordId) {
    return events.byHashId(recordId).<Map<String, ?>>map(EventRecords::record);
  }

  @Override
  public List<String> ids(String type) {
    return events.hashIds();
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
