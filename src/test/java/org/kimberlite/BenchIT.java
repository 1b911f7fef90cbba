package org.kimberlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kimberlite.cli.KimberliteCommand;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A short {@code ./kimberlite bench --quick} inside the suite, on its cheap in-process parts: the
 * log (B2), the statistics summary (B5.a) and the due-diligence inbox (B5.b) on H2. Speed is never
 * asserted here; the JSON must hold the rows with sane fields.
 */
class BenchIT {
  @TempDir Path out;

  @Test
  void quickInProcessPartsWriteTheirRows() throws Exception {
    assertThat(
            KimberliteCommand.execute(
                KimberliteApplication::start,
                "bench",
                "--quick",
                "--only=B2,B5",
                "--entries=2000",
                "--samples=5",
                "--statistics=200",
                "--findings=2000",
                "--out=" + out))
        .isZero();
    JsonNode doc = JsonMapper.builder().build().readTree(out.resolve("latest.json").toFile());
    assertThat(doc.path("database").asString()).isEqualTo("h2");
    assertThat(doc.path("quick").asBoolean()).isTrue();
    assertThat(doc.path("command").asString()).startsWith("./kimberlite bench").contains("B2");
    assertThat(doc.path("commit").asString()).isNotBlank();
    assertThat(doc.path("machine").path("cores").asInt()).isPositive();
    Map<String, JsonNode> rows = new HashMap<>();
    for (JsonNode row : doc.path("rows")) {
      rows.put(row.path("id").asString(), row);
    }
    assertThat(rows).containsOnlyKeys("B2.a", "B2.b", "B2.c", "B5.a", "B5.b");
    for (String id : new String[] {"B2.a", "B2.b", "B2.c", "B5.a", "B5.b"}) {
      JsonNode row = rows.get(id);
      assertThat(row.path("measured").asBoolean()).as(id).isTrue();
      assertThat(row.path("figure").asDouble()).as(id).isPositive().isFinite();
      assertThat(row.path("unit").asString()).as(id).isNotBlank();
      assertThat(row.path("target").asString()).as(id).isNotBlank();
    }
    JsonNode commits = rows.get("B2.a");
    assertThat(commits.path("baseline").asDouble()).isPositive();
    assertThat(commits.path("ratio").asDouble())
        .isCloseTo(
            commits.path("figure").asDouble() / commits.path("baseline").asDouble(),
            org.assertj.core.data.Offset.offset(1e-9));
    assertThat(commits.path("met").isBoolean()).isTrue();
    assertThat(rows.get("B5.a").path("met").isBoolean()).isTrue();
    assertThat(rows.get("B2.c").path("met").isNull()).isTrue();
    assertThat(rows.get("B5.b").path("note").asString())
        .contains("company")
        .contains("authority")
        .contains("secretariat")
        .contains("(50 shown)");
    try (var files = Files.list(out)) {
      assertThat(files.filter(p -> p.getFileName().toString().startsWith("bench-"))).hasSize(1);
    }
  }
}
