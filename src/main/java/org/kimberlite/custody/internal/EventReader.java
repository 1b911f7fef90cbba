package org.kimberlite.custody.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.kimberlite.custody.EpcRef;
import org.kimberlite.custody.EventHashId;
import org.kimberlite.custody.ParsedEvent;
import tools.jackson.databind.JsonNode;

/** Reads a schema-valid event into the fields the checks and the store index. */
public final class EventReader {
  private EventReader() {}

  /** Raised when a schema-valid event still cannot be read (a time outside the range). */
  public static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;
    private final String pointer;

    Unreadable(String pointer, String message) {
      super(message);
      this.pointer = pointer;
    }

    public String pointer() {
      return pointer;
    }
  }

  public static ParsedEvent read(int index, JsonNode event, EventHashId.DocumentContext context)
      throws Unreadable {
    String hash = EventHashId.of(event, context);
    String given = text(event, "eventID");
    CbvVocabulary vocabulary = CbvVocabulary.bundled();
    String bizStep = text(event, "bizStep");
    String disposition = text(event, "disposition");
    return new ParsedEvent(
        index,
        event,
        event.path("type").asString(""),
        time(event.path("eventTime").asString(""), "/eventTime"),
        event.path("eventTimeZoneOffset").asString(""),
        given == null ? hash : given,
        hash,
        text(event, "action"),
        bizStep == null ? null : vocabulary.webUri("bizStep", bizStep),
        disposition == null ? null : vocabulary.webUri("disposition", disposition),
        place(event.path("readPoint")),
        place(event.path("bizLocation")),
        epcs(event));
  }

  /** A location or identifier in canonical Digital Link form when it is a GS1 key. */
  public static String canonical(String value) {
    return DigitalLinks.canonical(value).orElse(value);
  }

  static Instant time(String text, String pointer) throws Unreadable {
    try {
      return OffsetDateTime.parse(
              text.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
          .toInstant();
    } catch (DateTimeParseException e) {
      throw new Unreadable(pointer, "is not a date and time with a UTC offset");
    }
  }

  private static @Nullable String text(JsonNode event, String member) {
    JsonNode value = event.get(member);
    return value != null && value.isString() ? value.stringValue() : null;
  }

  private static @Nullable String place(JsonNode holder) {
    JsonNode id = holder.get("id");
    return id != null && id.isString() ? canonical(id.stringValue()) : null;
  }

  private static List<EpcRef> epcs(JsonNode event) {
    List<EpcRef> out = new ArrayList<>();
    list(event.get("epcList"), "epc", out);
    list(event.get("childEPCs"), "child", out);
    list(event.get("inputEPCList"), "input", out);
    list(event.get("outputEPCList"), "output", out);
    JsonNode parent = event.get("parentID");
    if (parent != null && parent.isString()) {
      out.add(ref("parent", parent.stringValue()));
    }
    classes(event.get("quantityList"), "class", out);
    classes(event.get("childQuantityList"), "childClass", out);
    classes(event.get("inputQuantityList"), "inputClass", out);
    classes(event.get("outputQuantityList"), "outputClass", out);
    return out;
  }

  private static void list(@Nullable JsonNode list, String role, List<EpcRef> out) {
    if (list != null && list.isArray()) {
      for (JsonNode item : list) {
        if (item.isString()) {
          out.add(ref(role, item.stringValue()));
        }
      }
    }
  }

  private static void classes(@Nullable JsonNode list, String role, List<EpcRef> out) {
    if (list != null && list.isArray()) {
      for (JsonNode item : list) {
        JsonNode epcClass = item.get("epcClass");
        if (epcClass != null && epcClass.isString()) {
          out.add(ref(role, epcClass.stringValue()));
        }
      }
    }
  }

  private static EpcRef ref(String role, String value) {
    return new EpcRef(role, value, canonical(value));
  }
}
