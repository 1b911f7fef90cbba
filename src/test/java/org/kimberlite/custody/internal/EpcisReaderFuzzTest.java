package org.kimberlite.custody.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kimberlite.custody.EventHashId;
import org.kimberlite.custody.ParsedEvent;
import org.kimberlite.support.FuzzRuns;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fuzz target for what the capture worker does with a body before any check or store: read it
 * ({@link EpcisDocuments#parse}), validate it against the bundled EPCIS 2.0 schema, read each valid
 * event and compute its CBV 2.0 hash ID. Only the declared refusals may end a run ({@link
 * EpcisDocuments.NotADocument}, schema violations, {@link EventReader.Unreadable}); an event that
 * reads has a well-formed hash ID, and the same document written back and read again gives the same
 * events with the same hash IDs (the hash cannot depend on how the bytes were spelled).
 *
 * <p>Kept inputs (the examples of docs/examples/custody and what fuzzing found):
 * src/test/resources/org/kimberlite/custody/internal/EpcisReaderFuzzTestInputs/read/; to fuzz:
 * {@code JAZZER_FUZZ=1 ./mvnw -B test -Dtest='EpcisReaderFuzzTest' -Djazzer.hooks=true} (60 s, the
 * maxDuration of the annotation).
 */
class EpcisReaderFuzzTest {
  private static final String HASH_ID = "ni:///sha-256;[0-9a-f]{64}\\?ver=CBV2\\.0";

  @FuzzTest(maxDuration = "60s")
  void read(byte[] input) throws EpcisDocuments.NotADocument {
    FuzzRuns.count("EpcisReaderFuzzTest#read");
    String body = new String(input, StandardCharsets.UTF_8);
    JsonNode document;
    try {
      document = EpcisDocuments.parse(body);
    } catch (EpcisDocuments.NotADocument refused) {
      assertThat(refused.getMessage()).isNotBlank().doesNotContain("Exception");
      return;
    }
    List<String> first = hashIds(document);
    if (first == null) {
      return;
    }
    first.forEach(id -> assertThat(id).matches(HASH_ID));
    JsonNode again = EpcisDocuments.parse(EpcisDocuments.mapper().writeValueAsString(document));
    assertThat(hashIds(again)).isEqualTo(first);
  }

  /**
   * Structure-aware: start from a valid example document and overwrite one member of its first
   * event (chosen by the fuzzer) with a fuzzed string, number, boolean, null, array or object, so
   * that runs reach the schema, the reader and the hash rather than stopping at the JSON parser.
   */
  @FuzzTest(maxDuration = "60s")
  void mutate(FuzzedDataProvider data) throws EpcisDocuments.NotADocument {
    FuzzRuns.count("EpcisReaderFuzzTest#mutate");
    JsonNode document = EpcisDocuments.parse(EXAMPLES.get(data.consumeInt(0, EXAMPLES.size() - 1)));
    ObjectNode event = (ObjectNode) EpcisDocuments.events(document).getFirst();
    int depth = data.consumeInt(0, 3);
    JsonNode at = event;
    for (int i = 0; i < depth && at.isContainer() && !at.isEmpty(); i++) {
      JsonNode next =
          at.isObject()
              ? at.get(at.propertyNames().stream().toList().get(data.consumeInt(0, at.size() - 1)))
              : at.get(data.consumeInt(0, at.size() - 1));
      if (!next.isContainer() || next.isEmpty()) {
        break;
      }
      at = next;
    }
    JsonNode value =
        switch (data.consumeInt(0, 5)) {
          case 0 -> NODES.stringNode(data.consumeString(200));
          case 1 -> NODES.numberNode(data.consumeLong());
          case 2 -> NODES.booleanNode(data.consumeBoolean());
          case 3 -> NODES.nullNode();
          case 4 -> NODES.arrayNode().add(data.consumeString(100));
          default -> NODES.objectNode().put(data.consumeString(30), data.consumeString(100));
        };
    if (at instanceof ObjectNode object) {
      String member =
          data.consumeBoolean() && !object.isEmpty()
              ? object.propertyNames().stream().toList().get(data.consumeInt(0, object.size() - 1))
              : data.consumeString(30);
      object.set(member, value);
    } else if (at instanceof ArrayNode array) {
      array.set(data.consumeInt(0, array.size() - 1), value);
    }
    read(EpcisDocuments.mapper().writeValueAsString(document).getBytes(StandardCharsets.UTF_8));
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> EXAMPLES = examples();

  private static List<String> examples() {
    Path folder =
        Path.of(
            "src/test/resources/org/kimberlite/custody/internal/EpcisReaderFuzzTestInputs/read");
    try (var files = Files.list(folder)) {
      List<String> out = new ArrayList<>();
      for (Path f : files.sorted().toList()) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        if (text.contains("\"eventList\"") && text.startsWith("{")) {
          try {
            if (!EpcisDocuments.events(EpcisDocuments.parse(text)).isEmpty()) {
              out.add(text);
            }
          } catch (EpcisDocuments.NotADocument notOne) {
            // a kept input the fuzzer found: not a starting point
          }
        }
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The hash IDs of the events that read, or null when the document as a whole is refused. */
  private static @Nullable List<String> hashIds(JsonNode document) {
    Set<Integer> refused = new HashSet<>();
    for (EpcisSchema.Violation v : EpcisSchema.bundled().validate(document)) {
      assertThat(v.pointer()).matches("|/.*");
      assertThat(v.message()).isNotBlank();
      if (v.eventIndex() == null) {
        return null;
      }
      refused.add(v.eventIndex());
    }
    List<JsonNode> events = EpcisDocuments.events(document);
    EventHashId.DocumentContext context = EventHashId.DocumentContext.of(document);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      if (refused.contains(i)) {
        continue;
      }
      try {
        ParsedEvent event = EventReader.read(i, events.get(i), context);
        ids.add(event.hashId());
      } catch (EventReader.Unreadable unreadable) {
        assertThat(unreadable.pointer()).startsWith("/");
      }
    }
    return ids;
  }
}
