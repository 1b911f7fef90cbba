package org.kimberlite.custody.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading capture documents: well-formed JSON with bounds, and the parts of one we use. */
public final class EpcisDocuments {
  /** The EPCIS 2.0 JSON-LD context as GS1 publishes it (bundled: never fetched). */
  public static final String CONTEXT =
      "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

  private static final JsonMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(64)
                          .maxStringLength(1_000_000)
                          .maxNumberLength(100)
                          .build())
                  .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private EpcisDocuments() {}

  public static JsonMapper mapper() {
    return JSON;
  }

  /** Why a body is not a capture document. */
  public static final class NotADocument extends Exception {
    private static final long serialVersionUID = 1L;

    NotADocument(String message) {
      super(message);
    }
  }

  /** The body as a JSON tree, refused when it is not well-formed JSON or not an EPCISDocument. */
  public static JsonNode parse(String body) throws NotADocument {
    JsonNode document;
    try {
      document = JSON.readTree(body);
    } catch (StreamReadException e) {
      var at = e.getLocation();
      String message = String.valueOf(e.getOriginalMessage());
      if (message.startsWith("Duplicate Object property")) {
        throw new NotADocument(
            "The body names a member twice in one object (line "
                + (at == null ? "?" : at.getLineNr())
                + ").");
      }
      throw new NotADocument(
          at == null || at.getLineNr() < 0
              ? "The body is not well-formed JSON."
              : "The body is not well-formed JSON (line "
                  + at.getLineNr()
                  + ", column "
                  + at.getColumnNr()
                  + ").");
    } catch (JacksonException e) {
      throw new NotADocument("The body is not well-formed JSON.");
    }
    if (document == null || !document.isObject()) {
      throw new NotADocument("The body is not a JSON object; send one EPCISDocument.");
    }
    if (!"EPCISDocument".equals(document.path("type").asString(""))) {
      throw new NotADocument("The body is not an EPCISDocument (member \"type\").");
    }
    JsonNode list = document.path("epcisBody").get("eventList");
    if (list == null || !list.isArray()) {
      throw new NotADocument("The EPCISDocument has no epcisBody.eventList array.");
    }
    return document;
  }

  /** The events of a capture or query document, in order. */
  public static List<JsonNode> events(JsonNode document) {
    JsonNode body = document.path("epcisBody");
    JsonNode list =
        body.has("eventList")
            ? body.get("eventList")
            : body.path("queryResults").path("resultsBody").path("eventList");
    return list.isArray() ? list.valueStream().toList() : List.of();
  }

  /** The namespace prefixes a {@code @context} value declares (strings map to themselves). */
  public static Set<String> prefixes(@Nullable JsonNode context) {
    Set<String> out = new HashSet<>();
    if (context == null) {
      return out;
    }
    List<JsonNode> parts = context.isArray() ? context.valueStream().toList() : List.of(context);
    for (JsonNode part : parts) {
      if (part.isObject()) {
        out.addAll(part.propertyNames());
      }
    }
    return out;
  }
}
