package org.kimberlite.support;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The platform's OpenAPI 3.1 document, as served, and a check of real answers against it: the
 * answer's status is documented for the operation, and a JSON body validates against the schema the
 * document gives for that status and media type (JSON Schema 2020-12, as OpenAPI 3.1 says).
 */
public final class OpenApiDocument {
  private final JsonNode document;
  private final SchemaRegistry registry =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          b -> b.schemaLoader(l -> l.fetchRemoteResources(false)));
  private int checked;

  public OpenApiDocument(JsonNode document) {
    this.document = document;
  }

  public static OpenApiDocument of(Api api) {
    Api.Answer a = api.get("/v3/api-docs");
    if (a.status() != 200) {
      throw new AssertionError("GET /v3/api-docs answered " + a.status() + ": " + a.body());
    }
    return new OpenApiDocument(a.json());
  }

  public JsonNode json() {
    return document;
  }

  /** How many answers have been checked. */
  public int checked() {
    return checked;
  }

  /** The operation at {@code template} (a path as the document writes it) and method, if any. */
  public @Nullable JsonNode operation(String method, String template) {
    JsonNode item = document.path("paths").get(template);
    return item == null ? null : item.get(method.toLowerCase(Locale.ROOT));
  }

  /**
   * Problems with {@code answer} as an answer of {@code method template}: empty when the status is
   * documented and the body matches the schema documented for it.
   */
  public List<String> problems(String method, String template, Api.Answer answer) {
    checked++;
    List<String> out = new ArrayList<>();
    String what = method + " " + template + " -> " + answer.status();
    JsonNode op = operation(method, template);
    if (op == null) {
      out.add(what + ": no such operation in the document");
      return out;
    }
    JsonNode responses = op.path("responses");
    String status = Integer.toString(answer.status());
    JsonNode response = responses.get(status);
    if (response == null) {
      response = responses.get(status.charAt(0) + "XX");
    }
    if (response == null) {
      response = responses.get("default");
    }
    if (response == null) {
      out.add(what + ": status not documented (documented: " + names(responses) + ")");
      return out;
    }
    String contentType = answer.contentType();
    int semicolon = contentType.indexOf(';');
    String type =
        (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
            .strip()
            .toLowerCase(Locale.ROOT);
    if (answer.body() == null || answer.body().isEmpty()) {
      return out;
    }
    JsonNode content = response.path("content");
    JsonNode media = content.get(type);
    if (media == null) {
      media = content.get("*/*");
    }
    if (media == null) {
      out.add(what + ": content type " + type + " not documented (" + names(content) + ")");
      return out;
    }
    if (!type.endsWith("json")) {
      return out;
    }
    JsonNode schema = media.get("schema");
    if (schema == null) {
      return out;
    }
    // The schema with the document's components beside it, so its $refs resolve in place.
    ObjectNode wrapper = Api.JSON.createObjectNode();
    wrapper.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    wrapper.setAll((ObjectNode) schema.deepCopy());
    wrapper.set("components", document.path("components"));
    Schema validator =
        registry.getSchema(SchemaLocation.of("https://kimberlite.invalid/openapi"), wrapper);
    for (Error e : validator.validate(answer.json())) {
      out.add(what + ": " + e.getInstanceLocation() + " " + e.getMessage());
    }
    return out;
  }

  private static String names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.propertyNames().forEach(names::add);
    return String.join(", ", names);
  }
}
