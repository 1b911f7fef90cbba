package org.kimberlite.custody;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kimberlite.custody.internal.CbvVocabulary;
import org.kimberlite.custody.internal.DigitalLinks;
import tools.jackson.databind.JsonNode;

/**
 * The CBV 2.0 event hash ID ({@code ni:///sha-256;<hex>?ver=CBV2.0}): the SHA-256 of an event's
 * canonical pre-hash string. The string lists the event's fields in the CBV order (times in UTC at
 * millisecond precision, identifiers in canonical GS1 Digital Link form, CBV words as web URIs,
 * numbers without redundant digits), followed by its extension fields with their namespaces written
 * out, sorted. {@code recordTime}, {@code eventID} and {@code errorDeclaration} are left out, so
 * the same event captured twice, or declared in error later, keeps its hash.
 *
 * <p>Pure: no I/O. Its output is checked against the published reference vectors.
 */
public final class EventHashId {
  private static final String[] EVENT_ONLY = {"recordTime", "eventID", "type", "errorDeclaration"};
  private static final Set<String> PAIRED_LISTS =
      Set.of("sourceList", "destinationList", "bizTransactionList");
  private static final Set<String> UNSORTED_MEMBERS =
      Set.of("bizTransaction", "source", "destination");
  private static final Set<String> SKIPPED = Set.of("#text", "rdfs:comment", "comment");
  private static final Pattern NUMBER =
      Pattern.compile(
          "\\s*[+-]?(?:\\d(?:_?\\d)*(?:\\.(?:\\d(?:_?\\d)*)?)?|\\.\\d(?:_?\\d)*)"
              + "(?:[eE][+-]?\\d(?:_?\\d)*)?\\s*");

  /** The order in which an event's fields enter the pre-hash string, with nested orders. */
  private record Field(String name, List<Field> inner) {
    static Field of(String name, Field... inner) {
      return new Field(name, List.of(inner));
    }
  }

  private static final List<Field> QUANTITY =
      List.of(Field.of("epcClass"), Field.of("quantity"), Field.of("uom"));

  private static final List<Field> ORDER =
      List.of(
          Field.of("eventTime"),
          Field.of("eventTimeZoneOffset"),
          Field.of("certificationInfo"),
          Field.of("parentID"),
          Field.of("epcList", Field.of("epc")),
          Field.of("inputEPCList", Field.of("epc")),
          Field.of("childEPCs", Field.of("epc")),
          new Field("quantityList", List.of(new Field("quantityElement", QUANTITY))),
          new Field("childQuantityList", List.of(new Field("quantityElement", QUANTITY))),
          new Field("inputQuantityList", List.of(new Field("quantityElement", QUANTITY))),
          Field.of("outputEPCList", Field.of("epc")),
          new Field("outputQuantityList", List.of(new Field("quantityElement", QUANTITY))),
          Field.of("action"),
          Field.of("transformationID"),
          Field.of("bizStep"),
          Field.of("disposition"),
          Field.of("persistentDisposition", Field.of("set"), Field.of("unset")),
          Field.of("readPoint", Field.of("id")),
          Field.of("bizLocation", Field.of("id")),
          // The three paired lists enter with the extensions (sorted), as the reference does.
          Field.of(
              "sensorElementList",
              Field.of(
                  "sensorElement",
                  Field.of(
                      "sensorMetadata",
                      Field.of("time"),
                      Field.of("startTime"),
                      Field.of("endTime"),
                      Field.of("deviceID"),
                      Field.of("deviceMetadata"),
                      Field.of("rawData"),
                      Field.of("dataProcessingMethod"),
                      Field.of("bizRules")),
                  Field.of(
                      "sensorReport",
                      Field.of("type"),
                      Field.of("exception"),
                      Field.of("deviceID"),
                      Field.of("deviceMetadata"),
                      Field.of("rawData"),
                      Field.of("dataProcessingMethod"),
                      Field.of("time"),
                      Field.of("microorganism"),
                      Field.of("chemicalSubstance"),
                      Field.of("value"),
                      Field.of("component"),
                      Field.of("stringValue"),
                      Field.of("booleanValue"),
                      Field.of("hexBinaryValue"),
                      Field.of("uriValue"),
                      Field.of("minValue"),
                      Field.of("maxValue"),
                      Field.of("meanValue"),
                      Field.of("sDev"),
                      Field.of("percRank"),
                      Field.of("percValue"),
                      Field.of("uom"),
                      Field.of("coordinateReferenceSystem")))));

  /**
   * What the hash of an event needs from its document: the namespace prefixes its context declares
   * and the CBV URIs its vocabulary members stand for (a bare CBV word anywhere in the document is
   * read as the one URI it abbreviates).
   */
  public static final class DocumentContext {
    private final Map<String, String> namespaces;
    private final Set<String> ignored;

    /** For each ending of a vocabulary URI after a '-' or '/', the one URI it ends (or null). */
    private final Map<String, Optional<String>> abbreviations = new HashMap<>();

    private DocumentContext(
        Map<String, String> namespaces, Set<String> vocabularyUris, Set<String> ignored) {
      this.namespaces = namespaces;
      this.ignored = ignored;
      for (String uri : vocabularyUris) {
        for (int i = 0; i < uri.length(); i++) {
          char c = uri.charAt(i);
          if (c == '-' || c == '/') {
            String ending = uri.substring(i + 1);
            abbreviations.merge(
                ending, Optional.of(uri), (a, b) -> a.equals(b) ? a : Optional.empty());
          }
        }
      }
    }

    /** The one vocabulary URI that {@code value} abbreviates, or {@code value}. */
    String unabbreviated(String value) {
      Optional<String> uri = abbreviations.get(value);
      return uri == null || uri.isEmpty() ? value : uri.get();
    }

    /** The context of {@code document} (an EPCISDocument or EPCISQueryDocument). */
    public static DocumentContext of(JsonNode document) {
      return of(document, Set.of());
    }

    /**
     * The same, leaving out of every event the top-level members named in {@code ignored} (as
     * written, prefix included): members a repository adds to an event it passes on.
     */
    public static DocumentContext of(JsonNode document, Set<String> ignored) {
      Map<String, String> namespaces = new HashMap<>();
      JsonNode context = document.get("@context");
      if (context != null && context.isArray()) {
        for (JsonNode c : context) {
          if (c.isString()) {
            namespaces.put(c.stringValue(), c.stringValue());
          } else if (c.isObject()) {
            for (var e : c.properties()) {
              if (e.getValue().isString()) {
                namespaces.put(e.getKey(), e.getValue().stringValue());
              }
            }
          }
        }
      }
      Set<String> uris = new HashSet<>();
      collectVocabulary(document, null, uris);
      return new DocumentContext(Map.copyOf(namespaces), Set.copyOf(uris), Set.copyOf(ignored));
    }
  }

  private EventHashId() {}

  /** The event hash ID of {@code event} within a document whose context is {@code context}. */
  public static String of(JsonNode event, DocumentContext context) {
    return "ni:///sha-256;" + sha256Hex(preHash(event, context)) + "?ver=CBV2.0";
  }

  /** The canonical pre-hash string of {@code event} (for diagnostics and tests). */
  public static String preHash(JsonNode event, DocumentContext context) {
    Map<String, String> namespaces = new HashMap<>(context.namespaces);
    Node root = toNode(event, context, namespaces, context.ignored);
    root = restructure(root);
    List<Object> children = root.children;
    StringBuilder out = new StringBuilder("eventType=").append(root.name);
    out.append(inOrder(children, ORDER));
    List<Object> rest = new ArrayList<>();
    for (Object c : children) {
      if (!(c instanceof Node n && List.of(EVENT_ONLY).contains(n.name))) {
        rest.add(c);
      }
    }
    out.append(rest.isEmpty() ? "" : generic(rest));
    return out.toString();
  }

  // ---- the document's vocabulary ----

  private static void collectVocabulary(JsonNode node, @Nullable String member, Set<String> out) {
    if (node.isObject()) {
      for (var e : node.properties()) {
        if (!e.getKey().equals("@context")) {
          collectVocabulary(e.getValue(), e.getKey(), out);
        }
      }
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        collectVocabulary(item, member, out);
      }
    } else if (node.isString()) {
      String value = node.stringValue();
      CbvVocabulary vocabulary = CbvVocabulary.bundled();
      if (member != null && vocabulary.isVocabularyMember(member)) {
        vocabulary.expand(member, value).ifPresent(out::add);
        value = CbvVocabulary.expandCurie(value);
      }
      if (value.startsWith("https://ref.gs1.org/cbv") || value.startsWith("https://gs1.org/voc")) {
        out.add(value);
      }
    }
  }

  // ---- the generic tree: a name, a value and children ----

  /** A member: its name, its text value (may be empty) and its children (Nodes or Pairs). */
  private static final class Node implements Comparable<Node> {
    String name;
    final String value;
    final List<Object> children;

    Node(String name, String value, List<Object> children) {
      this.name = name;
      this.value = value;
      this.children = children;
    }

    @Override
    public int compareTo(Node o) {
      int c = name.compareTo(o.name);
      if (c != 0) {
        return c;
      }
      c = value.compareTo(o.value);
      if (c != 0) {
        return c;
      }
      int n = Math.min(children.size(), o.children.size());
      for (int i = 0; i < n; i++) {
        c = ((Node) children.get(i)).compareTo((Node) o.children.get(i));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(children.size(), o.children.size());
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Node n && compareTo(n) == 0;
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }
  }

  /** One entry of a source, destination or business transaction list: its members as written. */
  private record Pair(List<Node> parts) {}

  private static Node toNode(
      JsonNode json, DocumentContext context, Map<String, String> namespaces, Set<String> ignored) {
    Node out = new Node("", "", new ArrayList<>());
    boolean sort = true;
    if (json.isArray()) {
      for (JsonNode item : json) {
        out.children.add(toNode(item, context, namespaces, Set.of()));
        if (item.isString() && UNSORTED_MEMBERS.contains(item.stringValue())) {
          sort = false;
        }
      }
    } else if (json.isObject()) {
      String name = json.has("type") ? scalar(json.get("type"), context) : "";
      String value = json.has("#text") ? scalar(json.get("#text"), context) : "";
      out = new Node(name, value, new ArrayList<>());
      for (var e : json.properties()) {
        String key = e.getKey();
        if (SKIPPED.contains(key) || ignored.contains(key)) {
          continue;
        }
        if (key.startsWith("@xmlns")) {
          namespaces.put(key.substring(Math.min(7, key.length())), e.getValue().asString(""));
          continue;
        }
        Node child = toNode(e.getValue(), context, namespaces, Set.of());
        String named = withNamespace(key, namespaces, false);
        if (e.getValue().isArray()) {
          for (Object element : child.children) {
            Node n = (Node) element;
            out.children.add(new Node(named, n.value, n.children));
          }
        } else {
          out.children.add(new Node(named, child.value, child.children));
        }
        if (UNSORTED_MEMBERS.contains(key)) {
          sort = false;
        }
      }
    } else {
      String text = scalar(json, context);
      return new Node("", withNamespace(text, namespaces, true), new ArrayList<>());
    }
    if (sort) {
      out.children.sort((a, b) -> ((Node) a).compareTo((Node) b));
    }
    return out;
  }

  /** A scalar as text: strings with bare CBV words written out, other values as Python prints. */
  private static String scalar(JsonNode json, DocumentContext context) {
    if (json.isString()) {
      return context.unabbreviated(json.stringValue());
    }
    if (json.isBoolean()) {
      return json.booleanValue() ? "True" : "False";
    }
    if (json.isNull()) {
      return "None";
    }
    if (json.isIntegralNumber()) {
      return json.bigIntegerValue().toString();
    }
    if (json.isNumber()) {
      return decimal(json.doubleValue());
    }
    return json.toString();
  }

  private static String withNamespace(String text, Map<String, String> namespaces, boolean value) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      return text;
    }
    String uri = namespaces.get(text.substring(0, colon));
    if (uri == null) {
      return text;
    }
    return value ? uri + text.substring(colon + 1) : "{" + uri + "}" + text.substring(colon + 1);
  }

  /** Renames members written differently in JSON and XML and groups list entries under lists. */
  private static Node restructure(Node node) {
    List<Object> children = node.children;
    Map<String, List<Node>> lists = new java.util.LinkedHashMap<>();
    for (Object o : new ArrayList<>(children)) {
      Node n = (Node) o;
      if (n.name.endsWith("List")) {
        lists
            .computeIfAbsent(n.name, k -> new ArrayList<>())
            .add(new Node(n.name.substring(0, n.name.length() - 4), n.value, n.children));
        children.remove(o);
      }
    }
    for (var list : lists.entrySet()) {
      if (PAIRED_LISTS.contains(list.getKey())) {
        List<Object> pairs = new ArrayList<>();
        for (Node entry : list.getValue()) {
          List<Node> parts = new ArrayList<>();
          for (Object part : entry.children.subList(0, Math.min(2, entry.children.size()))) {
            parts.add((Node) part);
          }
          pairs.add(new Pair(parts));
        }
        children.add(new Node(list.getKey(), "", pairs));
      } else {
        children.add(new Node(list.getKey(), "", new ArrayList<>(list.getValue())));
      }
    }
    List<Object> childEpcs = new ArrayList<>();
    for (Object o : new ArrayList<>(children)) {
      Node n = (Node) o;
      if (n.name.equals("childEPCs")) {
        childEpcs.add(new Node("epc", n.value, new ArrayList<>()));
        children.remove(o);
      }
    }
    if (!childEpcs.isEmpty()) {
      children.add(new Node("childEPCs", "", childEpcs));
    }
    List<Object> corrected = new ArrayList<>();
    for (Object o : children) {
      Node n = (Node) o;
      corrected.add(PAIRED_LISTS.contains(n.name) ? n : restructure(n));
    }
    String name = node.name;
    if (name.equals("inputEPC") || name.equals("outputEPC")) {
      name = "epc";
    } else if (name.equals("inputQuantity")
        || name.equals("outputQuantity")
        || name.equals("childQuantity")
        || (name.equals("quantity") && !corrected.isEmpty())) {
      name = "quantityElement";
    }
    return new Node(name, node.value, corrected);
  }

  // ---- the pre-hash string ----

  private static String inOrder(List<Object> children, List<Field> order) {
    String out = "";
    List<Object> extensions = extensions(children);
    for (Field field : order) {
      List<String> values = new ArrayList<>();
      for (Object o : new ArrayList<>(children)) {
        if (!(o instanceof Node child) || !child.name.equals(field.name())) {
          continue;
        }
        String text = member(child, field.inner());
        if (!text.isEmpty()) {
          values.add(text);
        }
        if (child.children.isEmpty()) {
          children.remove(o);
        }
      }
      values.sort(null);
      String joined = String.join("", values);
      if (!joined.isEmpty()) {
        out = out + joined;
      }
    }
    if (!extensions.isEmpty()) {
      out = out + generic(extensions);
    }
    return out;
  }

  /** Extension members of a nested member (namespaced names), taken out to come last. */
  private static List<Object> extensions(List<Object> children) {
    List<Object> out = new ArrayList<>();
    if (children.size() <= 1) {
      return out;
    }
    for (Object o : children) {
      if (o instanceof Node n && (n.name.contains("eventTime") || n.name.contains("action"))) {
        return out;
      }
    }
    for (Object o : children) {
      if (o instanceof Node n && n.name.contains("{") && n.name.contains("/}")) {
        out.add(o);
      }
    }
    children.removeAll(out);
    return out;
  }

  private static String member(Node child, List<Field> inner) {
    String nested = inner.isEmpty() ? "" : inOrder(child.children, inner);
    String text = "";
    if (!child.value.isEmpty()) {
      text = child.value.strip();
      String lower = child.name.toLowerCase(Locale.ROOT);
      text =
          lower.contains("time") && !lower.contains("offset") ? utcMillis(text) : canonical(text);
      if (!text.isEmpty()) {
        text = "=" + text;
      }
    }
    return text.isEmpty() && nested.isEmpty() ? "" : child.name + text + nested;
  }

  private static String generic(Collection<?> children) {
    List<String> values = new ArrayList<>();
    boolean sort = true;
    for (Object o : children) {
      if (o instanceof Pair pair) {
        values.add(generic(pair.parts()));
      } else {
        Node child = (Node) o;
        if (UNSORTED_MEMBERS.contains(child.name)) {
          sort = false;
        }
        String text = child.value.strip();
        if (!text.isEmpty()) {
          text = "=" + canonical(text);
        }
        values.add(child.name + text + generic(child.children));
      }
    }
    if (children.size() > 1 && sort) {
      values.sort(null);
    }
    return String.join("", values);
  }

  // ---- value canonicalisation ----

  private static String canonical(String value) {
    String text =
        value
            .replace("urn:epcglobal:cbv:bizstep:", "https://ref.gs1.org/cbv/BizStep-")
            .replace("urn:epcglobal:cbv:disp:", "https://ref.gs1.org/cbv/Disp-")
            .replace("urn:epcglobal:cbv:btt:", "https://ref.gs1.org/cbv/BTT-")
            .replace("urn:epcglobal:cbv:sdt:", "https://ref.gs1.org/cbv/SDT-")
            .replace("urn:epcglobal:cbv:er:", "https://ref.gs1.org/cbv/ER-");
    text = number(text);
    return DigitalLinks.canonical(text).orElse(text);
  }

  /** A number without leading zeros, a plus sign or a redundant fraction; other text as is. */
  static String number(String text) {
    if (!NUMBER.matcher(text).matches()) {
      return text;
    }
    double d;
    try {
      d = Double.parseDouble(text.strip().replace("_", ""));
    } catch (NumberFormatException e) {
      return text;
    }
    if (Double.isInfinite(d) || Double.isNaN(d)) {
      return text;
    }
    if (d == Math.rint(d)) {
      return new BigDecimal(d).toBigInteger().toString();
    }
    return decimal(d);
  }

  /** {@code d} as Python prints a float: shortest digits, exponent below 1e-4 or from 1e16. */
  static String decimal(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e16) {
      return new BigDecimal(d).toBigInteger() + ".0";
    }
    BigDecimal shortest = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    int exponent = shortest.precision() - shortest.scale() - 1;
    if (exponent < -4 || exponent >= 16) {
      String digits = shortest.unscaledValue().abs().toString();
      String mantissa =
          digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String sign = shortest.signum() < 0 ? "-" : "";
      String exp =
          (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
      return sign + mantissa + "e" + exp;
    }
    return shortest.toPlainString();
  }

  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT);

  /** A timestamp in UTC at millisecond precision (half-even on the microseconds), else as is. */
  static String utcMillis(String text) {
    OffsetDateTime t;
    try {
      t = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      return text;
    }
    long micros = t.getNano() / 1_000;
    long millis =
        new BigDecimal(micros)
            .movePointLeft(3)
            .setScale(0, java.math.RoundingMode.HALF_EVEN)
            .longValueExact();
    OffsetDateTime rounded = t.withNano(0).plusNanos(millis * 1_000_000L);
    return rounded.withOffsetSameInstant(ZoneOffset.UTC).format(MILLIS);
  }

  private static String sha256Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
