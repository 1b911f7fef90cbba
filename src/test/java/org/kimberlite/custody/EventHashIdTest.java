package org.kimberlite.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CBV 2.0 event hash ID against the reference implementation's published vectors (vendored with
 * their MIT licence): every expected hash of every input document.
 */
class EventHashIdTest {
  private static final Path VECTORS =
      Path.of("src/test/resources/vectors/epcis-event-hash-generator/examples");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  static Stream<String> inputs() throws IOException {
    try (Stream<Path> files = Files.list(VECTORS)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".jsonld"))
          .filter(n -> Files.exists(VECTORS.resolve(n.replace(".jsonld", ".hashes"))))
          .sorted()
          .toList()
          .stream();
    }
  }

  @Test
  void everyVectorIsThere() throws IOException {
    assertThat(inputs().count()).isEqualTo(22);
  }

  @ParameterizedTest
  @MethodSource("inputs")
  void reproducesTheReferenceHashes(String name) throws IOException {
    JsonNode document =
        JSON.readTree(Files.readString(VECTORS.resolve(name), StandardCharsets.UTF_8));
    List<String> expected =
        Files.readAllLines(
                VECTORS.resolve(name.replace(".jsonld", ".hashes")), StandardCharsets.UTF_8)
            .stream()
            .map(String::strip)
            .filter(l -> !l.isEmpty())
            .toList();
    EventHashId.DocumentContext context =
        EventHashId.DocumentContext.of(document, ignored(document));
    List<String> actual = new ArrayList<>();
    List<String> pre = new ArrayList<>();
    for (JsonNode event : events(document)) {
      actual.add(EventHashId.of(event, context));
      pre.add(EventHashId.preHash(event, context));
    }
    assertThat(actual).as(String.join("\n", pre)).containsExactlyElementsOf(expected);
  }

  /** The members the vectors' documents ask a repository to leave out (their test convention). */
  private static Set<String> ignored(JsonNode document) {
    Set<String> out = new HashSet<>();
    for (JsonNode holder : List.of(document, document.path("epcisBody").path("queryResults"))) {
      holder
          .propertyNames()
          .forEach(
              n -> {
                if (n.endsWith(":ignoreFields")) {
                  holder.get(n).forEach(f -> out.add(f.stringValue()));
                }
              });
    }
    return out;
  }

  static List<JsonNode> events(JsonNode document) {
    JsonNode body = document.path("epcisBody");
    JsonNode list =
        body.has("eventList")
            ? body.get("eventList")
            : body.has("queryResults")
                ? body.path("queryResults").path("resultsBody").path("eventList")
                : null;
    List<JsonNode> out = new ArrayList<>();
    if (list == null) {
      out.add(body.path("event"));
    } else {
      list.forEach(out::add);
    }
    return out;
  }
}
