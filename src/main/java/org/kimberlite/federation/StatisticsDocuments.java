package org.kimberlite.federation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.HsCode;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdAmount;
import org.kimberlite.shared.json.CanonicalJson;
import tools.jackson.databind.JsonNode;

/**
 * Statistics documents as RFC 8785 canonical JSON (the payload a node signs) and back, and the
 * answer of the pull endpoint that carries them with their log proofs; read strictly (no unknown or
 * duplicate member, every member of its type).
 */
public final class StatisticsDocuments {
  private static final Set<String> TOP =
      Set.of(
          "node", "participant", "year", "version", "issuedAt", "exports", "imports", "production");
  private static final Set<String> FLOW =
      Set.of("quarter", "partner", "hsCode", "carats", "valueUsd", "certificates");
  private static final Set<String> PRODUCTION = Set.of("half", "revision", "carats", "valueUsd");
  private static final Set<String> RECORD = Set.of("participant", "year", "version", "document");
  private static final Set<String> PULLED = Set.of("record", "salt", "entry", "proof");
  private static final Set<String> ENVELOPE = Set.of("type", "id", "issuer", "time", "digest");

  /** The most flows (or production lines) one document holds. */
  public static final int MAX_LINES = 20_000;

  /** The most documents one answer of the pull endpoint holds. */
  public static final int MAX_DOCUMENTS = 1_000;

  private static final StrictJson JSON =
      new StrictJson((what, message) -> new Malformed(what + ": " + message), 4 * 1024 * 1024);

  private StatisticsDocuments() {}

  /** Raised when a document cannot be read. */
  public static final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Malformed(String message) {
      super(message);
    }
  }

  /**
   * One document as the pull endpoint serves it: the log record (canonical JSON holding the signed
   * document), its salt, the log entry and its C2SP tlog-proof.
   */
  public record Pulled(String record, byte[] salt, byte[] entry, String proof) {
    public Pulled {
      salt = salt.clone();
      entry = entry.clone();
    }

    @Override
    public byte[] salt() {
      return salt.clone();
    }

    @Override
    public byte[] entry() {
      return entry.clone();
    }
  }

  /** The record committed to the log for a signed document. */
  public static Map<String, Object> record(NodeStatistics s, String jws) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("participant", s.participant().code());
    m.put("year", s.year());
    m.put("version", s.version());
    m.put("document", jws);
    return m;
  }

  /** The canonical JSON of a document's figures (what it says, without version and time). */
  public static byte[] figures(NodeStatistics s) {
    Map<String, Object> m = members(s);
    m.remove("version");
    m.remove("issuedAt");
    return CanonicalJson.bytes(m);
  }

  /** The canonical JSON of {@code s}: the payload that is signed. */
  public static byte[] toJson(NodeStatistics s) {
    return CanonicalJson.bytes(members(s));
  }

  private static Map<String, Object> members(NodeStatistics s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("node", s.node());
    m.put("participant", s.participant().code());
    m.put("year", s.year());
    m.put("version", s.version());
    m.put("issuedAt", s.issuedAt().toString());
    m.put("exports", s.exports().stream().map(StatisticsDocuments::flow).toList());
    m.put("imports", s.imports().stream().map(StatisticsDocuments::flow).toList());
    List<Map<String, Object>> production = new ArrayList<>();
    for (NodeStatistics.Production p : s.production()) {
      Map<String, Object> pm = new LinkedHashMap<>();
      pm.put("half", p.half());
      pm.put("revision", p.revision());
      pm.put("carats", p.carats().value().toPlainString());
      pm.put("valueUsd", p.valueUsd().value().toPlainString());
      production.add(pm);
    }
    m.put("production", production);
    return m;
  }

  private static Map<String, Object> flow(NodeStatistics.Flow f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("quarter", f.quarter());
    m.put("partner", f.partner().code());
    m.put("hsCode", f.hsCode().code());
    m.put("carats", f.carats().value().toPlainString());
    m.put("valueUsd", f.valueUsd().value().toPlainString());
    m.put("certificates", f.certificates());
    return m;
  }

  /** The answer of the pull endpoint. */
  public static byte[] pulledToJson(List<Pulled> documents) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Pulled p : documents) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("record", p.record());
      m.put("salt", Base64.getEncoder().encodeToString(p.salt()));
      m.put("entry", Base64.getEncoder().encodeToString(p.entry()));
      m.put("proof", p.proof());
      list.add(m);
    }
    return CanonicalJson.bytes(Map.of("documents", list));
  }

  /** Reads an answer of the pull endpoint. */
  public static List<Pulled> pulledFromJson(byte[] utf8) {
    JsonNode top = JSON.object(new String(utf8, StandardCharsets.UTF_8), "answer");
    JSON.members(top, Set.of("documents"), "answer");
    JsonNode list = top.get("documents");
    if (!list.isArray() || list.size() > MAX_DOCUMENTS) {
      throw new Malformed("documents must be a list of at most " + MAX_DOCUMENTS);
    }
    List<Pulled> out = new ArrayList<>();
    for (JsonNode d : list) {
      if (!d.isObject()) {
        throw new Malformed("documents: each must be an object");
      }
      JSON.members(d, PULLED, "document");
      out.add(
          new Pulled(
              JSON.text(d, "record"),
              base64(JSON.text(d, "salt")),
              base64(JSON.text(d, "entry")),
              JSON.text(d, "proof")));
    }
    return out;
  }

  /** The record committed to the log, read: participant, year, version and the signed document. */
  public record LoggedRecord(ParticipantCode participant, int year, long version, String jws) {}

  /** Reads a log record of a statistics document; it must be canonical JSON. */
  public static LoggedRecord recordFromJson(String record) {
    JsonNode r = JSON.object(record, "record");
    JSON.members(r, RECORD, "record");
    LoggedRecord read =
        new LoggedRecord(
            participant(JSON.text(r, "participant")),
            integer(r, "year", 1000, 9999),
            integer(r, "version", 1, Integer.MAX_VALUE),
            JSON.text(r, "document"));
    Map<String, Object> again = new LinkedHashMap<>();
    again.put("participant", read.participant().code());
    again.put("year", read.year());
    again.put("version", read.version());
    again.put("document", read.jws());
    if (!CanonicalJson.string(again).equals(record)) {
      throw new Malformed("record: must be RFC 8785 canonical JSON");
    }
    return read;
  }

  /** The public log entry of a record: its type, id and digest. */
  public record Envelope(String type, String id, String digest) {}

  /** Reads a log entry's envelope. */
  public static Envelope envelope(byte[] entry) {
    JsonNode e = JSON.object(new String(entry, StandardCharsets.UTF_8), "entry");
    JSON.members(e, ENVELOPE, "entry");
    return new Envelope(JSON.text(e, "type"), JSON.text(e, "id"), JSON.text(e, "digest"));
  }

  /** Reads a signed document's payload. */
  public static NodeStatistics fromJson(byte[] utf8) {
    JsonNode top = JSON.object(new String(utf8, StandardCharsets.UTF_8), "document");
    JSON.members(top, TOP, "document");
    Instant issuedAt;
    try {
      issuedAt = Instant.parse(JSON.text(top, "issuedAt"));
    } catch (DateTimeParseException e) {
      throw new Malformed("issuedAt must be an ISO-8601 instant");
    }
    List<NodeStatistics.Production> production = new ArrayList<>();
    for (JsonNode p : list(top, "production")) {
      JSON.members(p, PRODUCTION, "production");
      try {
        production.add(
            new NodeStatistics.Production(
                JSON.text(p, "half"),
                integer(p, "revision", 1, Integer.MAX_VALUE),
                Carats.of(JSON.text(p, "carats")),
                UsdAmount.of(JSON.text(p, "valueUsd"))));
      } catch (IllegalArgumentException e) {
        throw new Malformed("production: " + e.getMessage());
      }
    }
    try {
      return new NodeStatistics(
          JSON.text(top, "node"),
          participant(JSON.text(top, "participant")),
          integer(top, "year", 1000, 9999),
          integer(top, "version", 1, Integer.MAX_VALUE),
          issuedAt,
          flows(top, "exports"),
          flows(top, "imports"),
          production);
    } catch (IllegalArgumentException e) {
      throw new Malformed("document: " + e.getMessage());
    }
  }

  private static List<NodeStatistics.Flow> flows(JsonNode top, String name) {
    List<NodeStatistics.Flow> out = new ArrayList<>();
    for (JsonNode f : list(top, name)) {
      JSON.members(f, FLOW, name);
      try {
        out.add(
            new NodeStatistics.Flow(
                integer(f, "quarter", 1, 4),
                participant(JSON.text(f, "partner")),
                HsCode.of(JSON.text(f, "hsCode")),
                Carats.of(JSON.text(f, "carats")),
                UsdAmount.of(JSON.text(f, "valueUsd")),
                integer(f, "certificates", 0, Integer.MAX_VALUE)));
      } catch (IllegalArgumentException e) {
        throw new Malformed(name + ": " + e.getMessage());
      }
    }
    return out;
  }

  private static List<JsonNode> list(JsonNode top, String name) {
    JsonNode l = top.get(name);
    if (!l.isArray() || l.size() > MAX_LINES) {
      throw new Malformed(name + " must be a list of at most " + MAX_LINES);
    }
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode n : l) {
      if (!n.isObject()) {
        throw new Malformed(name + ": each must be an object");
      }
      out.add(n);
    }
    return out;
  }

  private static int integer(JsonNode node, String name, int min, int max) {
    JsonNode v = node.get(name);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new Malformed(name + " must be a whole number");
    }
    int n = v.asInt();
    if (n < min || n > max) {
      throw new Malformed(name + " must be from " + min + " to " + max);
    }
    return n;
  }

  private static ParticipantCode participant(String code) {
    try {
      return ParticipantCode.of(code);
    } catch (IllegalArgumentException e) {
      throw new Malformed("not a participant code: " + code);
    }
  }

  private static byte[] base64(String text) {
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new Malformed("not base64");
    }
  }
}
