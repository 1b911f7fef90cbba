package org.kimberlite.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kimberlite.support.Api;
import org.kimberlite.support.Api.Answer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Problem {@code type} URIs are dereferenceable: every rule ID and problem type the code answers
 * with has its section in docs/rules.md (as bundled in the jar), and {@code /problems/{id}} shows
 * it to anyone, as HTML or Markdown; an unknown ID is a 404 problem.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "kimberlite.data-dir=target/it-data")
class RuleDocsIT {
  static final Pattern RULE_ID = Pattern.compile("\"((?:KP|STAT|SOW|LGD|NOM|CUS|DD|VAL)-\\d{2})\"");
  static final Pattern MODULE_TYPE = Pattern.compile("\"((?:ledger|registry)/[a-z-]+)\"");
  static final Set<String> GENERIC_TYPES =
      Set.of(
          "kp-rules",
          "validation",
          "malformed-request",
          "unauthorized",
          "forbidden",
          "not-found",
          "method-not-allowed",
          "not-acceptable",
          "unsupported-media-type",
          "payload-too-large",
          "duplicate",
          "concurrent-change",
          "internal-error",
          "http-404");

  @LocalServerPort int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url",
        () ->
            "jdbc:h2:mem:rule-docs-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
  }

  Api anonymous() {
    return new Api("http://127.0.0.1:" + port);
  }

  /** Every quoted rule ID and module problem type in the main sources. */
  static Set<String> typesInCode() throws IOException {
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String text = Files.readString(f);
        for (Pattern p : new Pattern[] {RULE_ID, MODULE_TYPE}) {
          Matcher m = p.matcher(text);
          while (m.find()) {
            found.add(m.group(1));
          }
        }
      }
    }
    return found;
  }

  @Test
  void everyRuleIdAndProblemTypeOfTheCodeHasAnAnchorInTheBundledRulesPage() throws IOException {
    String rules =
        new ClassPathResource("docs/rules.md").getContentAsString(StandardCharsets.UTF_8);
    Set<String> types = typesInCode();
    assertThat(types).contains("KP-01", "KP-11", "STAT-02", "ledger/bad-checkpoint");
    for (String type : types) {
      assertThat(rules).as(type).contains("<a id=\"" + type + "\"></a>");
    }
    assertThat(RuleDocs.sections(rules).keySet()).containsAll(types);
  }

  @Test
  void aRulePageShowsTheRuleToAnyone() {
    Answer page = anonymous().get("/problems/KP-03");
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body())
        .contains("KP-03", "both participants are in good standing", "self-suspended")
        .contains("href=\"/problems\"")
        .doesNotContain("KP-04 · origin");
  }

  @Test
  void aRuleIsMarkdownWhenAskedFor() throws Exception {
    HttpResponse<String> md =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/problems/KP-11"))
                    .header("Accept", "text/markdown")
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(md.statusCode()).isEqualTo(200);
    assertThat(md.headers().firstValue("Content-Type").orElse("")).startsWith("text/markdown");
    assertThat(md.body())
        .startsWith("<a id=\"KP-11\"></a>\n### KP-11")
        .contains("kimberlite.valuation.plausibility-factor")
        .doesNotContain("STAT-01");
  }

  @Test
  void everyProblemTypeOfTheCodeAndTheGenericOnesAnswer() throws IOException {
    Set<String> all = new TreeSet<>(typesInCode());
    all.addAll(GENERIC_TYPES);
    for (String type : all) {
      Answer page = anonymous().get("/problems/" + type);
      assertThat(page.status()).as(type).isEqualTo(200);
    }
  }

  @Test
  void theListHasEveryRule() {
    Answer page = anonymous().getPage("/problems");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"KP-01\"", "id=\"STAT-04\"", "id=\"VAL-02\"");
  }

  @Test
  void anUnknownIdIsANotFoundProblem() {
    Answer answer = anonymous().get("/problems/NOPE-99");
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get("type").asString()).isEqualTo("/problems/not-found");
    assertThat(anonymous().get("/problems/ledger/nope").status()).isEqualTo(404);
    assertThat(anonymous().get("/problems/..%2F..%2Fetc").status()).isIn(400, 404);
  }
}
