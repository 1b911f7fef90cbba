package org.kimberlite.federation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.json.CanonicalJson;
import tools.jackson.databind.JsonNode;

/**
 * The directory as RFC 8785 canonical JSON (the payload the secretariat's node signs) and back,
 * read strictly: no unknown or duplicate member, every member of its type.
 */
public final class DirectoryDocuments {
  private static final Set<String> TOP = Set.of("version", "issuer", "issuedAt", "nodes");
  private static final Set<String> NODE =
      Set.of(
          "id", "operator", "url", "logOrigin", "logVkey", "trustListKey", "participants", "keys");
  private static final Set<String> NODE_OPTIONAL = Set.of("witnessVkey");
  private static final Set<String> KEY = Set.of("kid", "x", "from", "revokedAt");

  /** The most nodes a directory lists. */
  public static final int MAX_NODES = 500;

  /** The most keys a node lists. */
  public static final int MAX_KEYS = 50;

  private static final int MAX_TEXT = 1000;
  private static final StrictJson JSON =
      new StrictJson((what, message) -> new Malformed(what + ": " + message), MAX_TEXT);

  private DirectoryDocuments() {}

  /** Raised when a directory (or the nodes of a new one) cannot be read. */
  public static final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Malformed(String message) {
      super(message);
    }
  }

  /** The canonical JSON of {@code d}. */
  public static byte[] toJson(Directory d) {
    Map<String, @Nullable Object> top = new LinkedHashMap<>();
    top.put("version", d.version());
    top.put("issuer", d.issuer());
    top.put("issuedAt", d.issuedAt().toString());
    top.put("nodes", d.nodes().stream().map(DirectoryDocuments::node).toList());
    return CanonicalJson.bytes(top);
  }

  /** The JSON members of one node. */
  public static Map<String, @Nullable Object> node(DirectoryNode n) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    m.put("id", n.id());
    m.put("operator", n.operator());
    m.put("url", n.url());
    m.put("logOrigin", n.logOrigin());
    m.put("logVkey", n.logVkey());
    m.put("trustListKey", n.trustListKey());
    m.put("participants", n.participants().stream().map(ParticipantCode::code).toList());
    List<Map<String, @Nullable Object>> keys = new ArrayList<>();
    for (NodeKey k : n.keys()) {
      Map<String, @Nullable Object> km = new LinkedHashMap<>();
      km.put("kid", k.kid());
      km.put("x", k.x());
      km.put("from", k.from().toString());
      km.put("revokedAt", k.revokedAt() == null ? null : k.revokedAt().toString());
      keys.add(km);
    }
    m.put("keys", keys);
    if (n.witnessVkey() != null) {
      // Absent rather than null when none: directories signed before it was listed read the same.
      m.put("witnessVkey", n.witnessVkey());
    }
    return m;
  }

  /** Reads a whole directory. */
  public static Directory fromJson(byte[] utf8) {
    JsonNode top = object(utf8);
    members(top, TOP, "directory");
    JsonNode version = top.get("version");
    if (!version.isIntegralNumber() || !version.canConvertToLong() || version.asLong() < 1) {
      throw new Malformed("version must be a positive integer");
    }
    return new Directory(
        version.asLong(),
        text(top, "issuer"),
        instant(top, "issuedAt"),
        nodes(top.get("nodes"), "nodes"));
  }

  /** Reads the nodes of a directory to publish: {@code {"nodes":[...]}}. */
  public static List<DirectoryNode> nodesFromJson(byte[] utf8) {
    JsonNode top = object(utf8);
    members(top, Set.of("nodes"), "request");
    return nodes(top.get("nodes"), "nodes");
  }

  private static List<DirectoryNode> nodes(JsonNode list, String where) {
    if (!list.isArray() || list.size() > MAX_NODES) {
      throw new Malformed(where + " must be a list of at most " + MAX_NODES + " nodes");
    }
    List<DirectoryNode> nodes = new ArrayList<>();
    int i = 0;
    for (JsonNode n : list) {
      String at = where + "[" + i++ + "]";
      if (!n.isObject()) {
        throw new Malformed(at + " must be an object");
      }
      JSON.members(n, NODE, NODE_OPTIONAL, at);
      JsonNode ps = n.get("participants");
      JsonNode ks = n.get("keys");
      if (!ps.isArray() || !ks.isArray() || ks.size() > MAX_KEYS || ps.size() > MAX_NODES) {
        throw new Malformed(at + ": participants and keys (at most " + MAX_KEYS + ") are lists");
      }
      List<ParticipantCode> participants = new ArrayList<>();
      for (JsonNode p : ps) {
        try {
          participants.add(ParticipantCode.of(p.isString() ? p.stringValue() : ""));
        } catch (IllegalArgumentException e) {
          throw new Malformed(at + ".participants: not a participant code");
        }
      }
      List<NodeKey> keys = new ArrayList<>();
      int j = 0;
      for (JsonNode k : ks) {
        String kat = at + ".keys[" + j++ + "]";
        if (!k.isObject()) {
          throw new Malformed(kat + " must be an object");
        }
        members(k, KEY, kat);
        JsonNode revoked = k.get("revokedAt");
        keys.add(
            new NodeKey(
                text(k, "kid"),
                text(k, "x"),
                instant(k, "from"),
                revoked.isNull() ? null : instant(k, "revokedAt")));
      }
      nodes.add(
          new DirectoryNode(
              text(n, "id"),
              text(n, "operator"),
              text(n, "url"),
              text(n, "logOrigin"),
              text(n, "logVkey"),
              text(n, "trustListKey"),
              participants,
              keys,
              n.has("witnessVkey") ? text(n, "witnessVkey") : null));
    }
    return nodes;
  }

  private static JsonNode object(byte[] utf8) {
    return JSON.object(new String(utf8, StandardCharsets.UTF_8), "document");
  }

  private static void members(JsonNode node, Set<String> allowed, String what) {
    JSON.members(node, allowed, what);
  }

  private static String text(JsonNode node, String name) {
    return JSON.text(node, name);
  }

  private static Instant instant(JsonNode node, String name) {
    try {
      return Instant.parse(text(node, name));
    } catch (DateTimeParseException e) {
      throw new Malformed(name + " must be an ISO-8601 instant");
    }
  }
}
