package org.kimberlite.federation;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.json.CanonicalJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Deliveries as JSON, written by the sender and read strictly by the receiver. */
public final class DeliveryDocuments {

  private static final Set<String> TOP =
      Set.of("id", "from", "kind", "certificate", "record", "salt", "entry", "proof", "trustList");
  private static final Set<String> ENVELOPE = Set.of("type", "id", "issuer", "time", "digest");
  private static final int MAX_TEXT = 256 * 1024;
  private static final StrictJson JSON = new StrictJson(Malformed::new, MAX_TEXT);

  private DeliveryDocuments() {}

  /** Raised when a delivery cannot be read; names the member at fault. */
  public static final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public Malformed(String field, String message) {
      super(field + ": " + message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  /** The body of a delivery. */
  public static byte[] toJson(
      UUID id,
      String from,
      DeliveryKind kind,
      String number,
      String record,
      byte[] salt,
      byte[] entry,
      String proof,
      String trustList) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id.toString());
    m.put("from", from);
    m.put("kind", kind.name());
    m.put("certificate", number);
    m.put("record", record);
    m.put("salt", Base64.getEncoder().encodeToString(salt));
    m.put("entry", Base64.getEncoder().encodeToString(entry));
    m.put("proof", proof);
    m.put("trustList", trustList);
    return CanonicalJson.bytes(m);
  }

  /**
   * Reads a delivery body.
   *
   * @throws Malformed naming the member at fault
   */
  public static Delivery fromJson(byte[] utf8) {
    JsonNode top = object(new String(utf8, StandardCharsets.UTF_8), "body");
    members(top, TOP, "body");
    UUID id;
    try {
      id = UUID.fromString(text(top, "id"));
    } catch (IllegalArgumentException e) {
      throw new Malformed("id", "must be a UUID");
    }
    DeliveryKind kind;
    try {
      kind = DeliveryKind.valueOf(text(top, "kind"));
    } catch (IllegalArgumentException e) {
      throw new Malformed("kind", "must be ISSUED, CANCELLED or CONFIRMED");
    }
    String record = text(top, "record");
    byte[] salt = base64(top, "salt");
    byte[] entry = base64(top, "entry");
    return new Delivery(
        id,
        text(top, "from"),
        kind,
        text(top, "certificate"),
        record,
        salt,
        entry,
        text(top, "proof"),
        text(top, "trustList"),
        envelope(entry),
        facts(record, kind));
  }

  private static Delivery.Envelope envelope(byte[] entry) {
    JsonNode e = object(new String(entry, StandardCharsets.UTF_8), "entry");
    members(e, ENVELOPE, "entry");
    return new Delivery.Envelope(
        text(e, "type"), text(e, "id"), text(e, "issuer"), text(e, "time"), text(e, "digest"));
  }

  private static Delivery.RecordFacts facts(String record, DeliveryKind kind) {
    JsonNode r = object(record, "record");
    Map<String, @Nullable Object> map;
    try {
      @SuppressWarnings("unchecked")
      Map<String, @Nullable Object> read = StrictJson.MAPPER.treeToValue(r, LinkedHashMap.class);
      map = read;
    } catch (JacksonException e) {
      throw new Malformed("record", "not a JSON object");
    }
    try {
      if (!CanonicalJson.string(map).equals(record)) {
        throw new Malformed("record", "must be RFC 8785 canonical JSON");
      }
    } catch (IllegalArgumentException e) {
      throw new Malformed("record", "holds a value canonical JSON cannot write");
    }
    String signature = text(r, "signature");
    map.put("signature", null);
    Map<String, @Nullable Object> unsigned = new LinkedHashMap<>(map);
    if (kind == DeliveryKind.ISSUED) {
      unsigned.remove("signature");
    }
    boolean confirmation = kind == DeliveryKind.CONFIRMED;
    return new Delivery.RecordFacts(
        text(r, "number"),
        kind == DeliveryKind.ISSUED ? participant(r, "issuingParticipant") : null,
        kind == DeliveryKind.ISSUED ? participant(r, "importingParticipant") : null,
        kind == DeliveryKind.ISSUED ? null : text(r, "status"),
        signature,
        CanonicalJson.bytes(unsigned),
        confirmation ? date(r, "effectiveOn") : null,
        confirmation ? uuid(r, "organisation") : null,
        confirmation ? text(r, "details") : null);
  }

  private static LocalDate date(JsonNode node, String name) {
    try {
      return LocalDate.parse(text(node, name));
    } catch (java.time.format.DateTimeParseException e) {
      throw new Malformed("record", name + " is not a date");
    }
  }

  private static String uuid(JsonNode node, String name) {
    String text = text(node, name);
    try {
      if (UUID.fromString(text).toString().equals(text)) {
        return text;
      }
    } catch (IllegalArgumentException e) {
      // named below
    }
    throw new Malformed("record", name + " is not an organisation id (a lowercase UUID)");
  }

  private static ParticipantCode participant(JsonNode node, String name) {
    try {
      return ParticipantCode.of(text(node, name));
    } catch (IllegalArgumentException e) {
      throw new Malformed("record", name + " is not a participant code");
    }
  }

  private static JsonNode object(String text, String field) {
    return JSON.object(text, field);
  }

  /** The body's own members are named by themselves, the entry's by {@code entry}. */
  private static void members(JsonNode node, Set<String> allowed, String field) {
    if (field.equals("body")) {
      for (String name : allowed) {
        if (!node.has(name)) {
          throw new Malformed(name, "is missing");
        }
      }
      for (String name : node.propertyNames()) {
        if (!allowed.contains(name)) {
          throw new Malformed(name, "is not a member of a delivery");
        }
      }
    }
    JSON.members(node, allowed, field);
  }

  private static String text(JsonNode node, String name) {
    return JSON.text(node, name);
  }

  private static byte[] base64(JsonNode node, String name) {
    try {
      return Base64.getDecoder().decode(text(node, name));
    } catch (IllegalArgumentException e) {
      throw new Malformed(name, "must be base64");
    }
  }
}
