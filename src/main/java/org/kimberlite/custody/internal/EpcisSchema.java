package org.kimberlite.custody.internal;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The GS1 EPCIS 2.0 JSON Schema (draft-07, bundled with the server), with format assertions on
 * ({@code date-time}, {@code uri}) and no network: every reference resolves inside the bundled
 * file.
 */
public final class EpcisSchema {
  public static final String ID = "https://gs1.github.io/EPCIS/EPCIS-JSON-Schema.json";
  private static final Pattern EVENT_PATH =
      Pattern.compile("^/epcisBody/(?:eventList|queryResults/resultsBody/eventList)/(\\d+)(/.*)?$");

  private static final EpcisSchema BUNDLED = load();

  private final Schema schema;

  private EpcisSchema(Schema schema) {
    this.schema = schema;
  }

  public static EpcisSchema bundled() {
    return BUNDLED;
  }

  /**
   * A place where the document breaks the schema.
   *
   * @param eventIndex the event at fault, or {@code null} when the fault is outside any event
   * @param pointer JSON pointer into the document
   */
  public record Violation(@Nullable Integer eventIndex, String pointer, String message) {}

  /** Every violation of the schema in {@code document} (empty when it is valid). */
  public List<Violation> validate(JsonNode document) {
    List<Violation> out = new ArrayList<>();
    for (Error e : schema.validate(document)) {
      String pointer = pointer(e);
      Matcher m = EVENT_PATH.matcher(pointer);
      Integer index = m.matches() ? Integer.valueOf(m.group(1)) : null;
      out.add(new Violation(index, pointer, message(e, pointer)));
    }
    return out;
  }

  private static String pointer(Error e) {
    String path = e.getInstanceLocation().toString();
    // The library writes "$.a.b[0].c" or "/a/b/0/c" depending on its path type; answer pointers.
    if (path.startsWith("$")) {
      StringBuilder out = new StringBuilder();
      Matcher m = Pattern.compile("\\.([^.\\[]+)|\\[(\\d+)]|\\['([^']*)']").matcher(path);
      while (m.find()) {
        String part =
            m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        out.append('/').append(part.replace("~", "~0").replace("/", "~1"));
      }
      path = out.toString();
    }
    String property = e.getProperty();
    if (property != null && "required".equals(e.getKeyword())) {
      path = path + "/" + property;
    }
    return path;
  }

  /** The library's message without its own rendering of the location (we give the pointer). */
  private static String message(Error e, String pointer) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return "does not match the EPCIS 2.0 schema (" + e.getKeyword() + ")";
    }
    int colon = message.indexOf(": ");
    if (message.startsWith("$") && colon > 0) {
      message = message.substring(colon + 2);
    }
    return message;
  }

  private static EpcisSchema load() {
    try (InputStream in =
        EpcisSchema.class.getResourceAsStream("/custody/epcis/EPCIS-JSON-Schema.json")) {
      if (in == null) {
        throw new IllegalStateException("The bundled EPCIS schema is missing");
      }
      JsonNode node = JsonMapper.builder().build().readTree(in);
      SchemaRegistry registry =
          SchemaRegistry.withDefaultDialect(
              SpecificationVersion.DRAFT_7,
              b ->
                  b.schemaLoader(l -> l.fetchRemoteResources(false))
                      .schemaRegistryConfig(
                          SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
      return new EpcisSchema(registry.getSchema(SchemaLocation.of(ID), node));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
