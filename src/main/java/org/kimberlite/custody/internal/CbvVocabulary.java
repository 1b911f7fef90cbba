package org.kimberlite.custody.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CBV bare words the EPCIS JSON-LD context defines for each vocabulary-typed member ({@code
 * bizStep}, {@code disposition}, the {@code type} of a business transaction, source, destination or
 * sensor report, {@code exception}, {@code component}, {@code reason}, {@code set}/{@code unset}),
 * read from the bundled context, with the full web URI each stands for.
 */
public final class CbvVocabulary {
  public static final String CBV = "https://ref.gs1.org/cbv/";
  public static final String GS1_VOC = "https://gs1.org/voc/";

  private static final CbvVocabulary BUNDLED = load();

  private final Map<String, Map<String, String>> byMember;
  private final java.util.Set<String> prefixes;

  private CbvVocabulary(Map<String, Map<String, String>> byMember, java.util.Set<String> prefixes) {
    this.byMember = byMember;
    this.prefixes = java.util.Set.copyOf(prefixes);
  }

  /** The namespace prefixes the EPCIS context itself declares ({@code cbvmda}, {@code gs1}, …). */
  public java.util.Set<String> contextPrefixes() {
    return prefixes;
  }

  /** The vocabulary of the context bundled with the server. */
  public static CbvVocabulary bundled() {
    return BUNDLED;
  }

  /** The full URI of {@code word} as the value of {@code member}, if the context defines it. */
  public Optional<String> expand(String member, String word) {
    Map<String, String> terms = byMember.get(member);
    if (terms != null && terms.containsKey(word)) {
      return Optional.of(terms.get(word));
    }
    return Optional.empty();
  }

  /**
   * {@code value} of {@code member} as a web URI: a bare CBV word or an EPCIS 1.x URN ({@code
   * urn:epcglobal:cbv:bizstep:shipping}) written out; anything else as given.
   */
  public String webUri(String member, String value) {
    Optional<String> word = expand(member, value);
    if (word.isPresent()) {
      return word.get();
    }
    for (String[] urn : URNS) {
      if (value.startsWith(urn[0])) {
        return urn[1] + value.substring(urn[0].length());
      }
    }
    return expandCurie(value);
  }

  private static final String[][] URNS = {
    {"urn:epcglobal:cbv:bizstep:", CBV + "BizStep-"},
    {"urn:epcglobal:cbv:disp:", CBV + "Disp-"},
    {"urn:epcglobal:cbv:btt:", CBV + "BTT-"},
    {"urn:epcglobal:cbv:sdt:", CBV + "SDT-"},
    {"urn:epcglobal:cbv:er:", CBV + "ER-"}
  };

  /** Whether {@code member} takes CBV words as values. */
  public boolean isVocabularyMember(String member) {
    return byMember.containsKey(member);
  }

  /** A CURIE with the {@code cbv:} or {@code gs1:} prefix written out in full; else as given. */
  public static String expandCurie(String value) {
    if (value.startsWith("cbv:")) {
      return CBV + value.substring(4);
    }
    if (value.startsWith("gs1:")) {
      return GS1_VOC + value.substring(4);
    }
    return value;
  }

  private static CbvVocabulary load() {
    try (InputStream in =
        CbvVocabulary.class.getResourceAsStream("/custody/epcis/epcis-context.jsonld")) {
      if (in == null) {
        throw new IllegalStateException("The bundled EPCIS context is missing");
      }
      JsonNode context = JsonMapper.builder().build().readTree(in).path("@context");
      Map<String, Map<String, String>> out = new HashMap<>();
      walk(context, Map.of(), out);
      java.util.Set<String> prefixes = new java.util.HashSet<>();
      for (var entry : context.properties()) {
        String value = entry.getValue().isString() ? entry.getValue().stringValue() : "";
        if (value.endsWith("/") || value.endsWith("#") || value.endsWith(":")) {
          prefixes.add(entry.getKey());
        }
      }
      return new CbvVocabulary(out, prefixes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Collects vocabulary members of one context scope and of the scopes nested in it. */
  private static void walk(
      JsonNode scope, Map<String, String> enclosing, Map<String, Map<String, String>> out) {
    List<JsonNode> parts = scope.isArray() ? scope.valueStream().toList() : List.of(scope);
    Map<String, String> local = new HashMap<>(enclosing);
    for (JsonNode part : parts) {
      for (var entry : part.properties()) {
        JsonNode def = entry.getValue();
        if (def.isString()
            && (def.stringValue().startsWith("cbv:") || def.stringValue().startsWith("gs1:"))) {
          local.put(entry.getKey(), expandCurie(def.stringValue()));
        }
      }
    }
    for (JsonNode part : parts) {
      for (var entry : part.properties()) {
        JsonNode def = entry.getValue();
        if (!def.isObject()) {
          continue;
        }
        JsonNode inner = def.get("@context");
        Map<String, String> own = new HashMap<>();
        if (inner != null) {
          collectTerms(inner, own);
        }
        if ("@vocab".equals(def.path("@type").asString(""))) {
          Map<String, String> terms = own.isEmpty() ? local : own;
          out.computeIfAbsent(entry.getKey(), k -> new HashMap<>()).putAll(terms);
        }
        if (inner != null) {
          walk(inner, own, out);
        }
      }
    }
  }

  private static void collectTerms(JsonNode scope, Map<String, String> into) {
    List<JsonNode> parts = scope.isArray() ? scope.valueStream().toList() : List.of(scope);
    for (JsonNode part : parts) {
      for (var entry : part.properties()) {
        JsonNode def = entry.getValue();
        if (def.isString()
            && (def.stringValue().startsWith("cbv:") || def.stringValue().startsWith("gs1:"))) {
          into.put(entry.getKey(), expandCurie(def.stringValue()));
        }
      }
    }
  }
}
