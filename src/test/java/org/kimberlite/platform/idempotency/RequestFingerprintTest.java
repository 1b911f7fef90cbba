package org.kimberlite.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What counts as the same request, and which keys are accepted. */
class RequestFingerprintTest {
  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static final String BASE = RequestFingerprint.of("POST", "/api/v1/x", null, bytes("{\"a\":1}"));

  @Test
  void theSameRequestHasTheSameFingerprint() {
    assertThat(RequestFingerprint.of("POST", "/api/v1/x", null, bytes("{\"a\":1}")))
        .isEqualTo(BASE)
        .hasSize(64)
        .matches("[0-9a-f]{64}");
  }

  @Test
  void everyPartOfTheRequestCounts() {
    assertThat(RequestFingerprint.of("PUT", "/api/v1/x", null, bytes("{\"a\":1}")))
        .isNotEqualTo(BASE);
    assertThat(RequestFingerprint.of("POST", "/api/v1/y", null, bytes("{\"a\":1}")))
        .isNotEqualTo(BASE);
    assertThat(RequestFingerprint.of("POST", "/api/v1/x", "wait=1s", bytes("{\"a\":1}")))
        .isNotEqualTo(BASE);
    assertThat(RequestFingerprint.of("POST", "/api/v1/x", null, bytes("{\"a\":2}")))
        .isNotEqualTo(BASE);
    // Bytes, not meaning: other spacing is another request.
    assertThat(RequestFingerprint.of("POST", "/api/v1/x", null, bytes("{\"a\": 1}")))
        .isNotEqualTo(BASE);
  }

  @Test
  void anEmptyQueryIsNotAnAbsentOneAndFieldsCannotSlide() {
    assertThat(RequestFingerprint.of("POST", "/p", "", new byte[0]))
        .isNotEqualTo(RequestFingerprint.of("POST", "/p", null, new byte[0]));
    // Moving a character from the path into the query is another request.
    assertThat(RequestFingerprint.of("POST", "/ab", "c", new byte[0]))
        .isNotEqualTo(RequestFingerprint.of("POST", "/a", "bc", new byte[0]));
    assertThat(RequestFingerprint.of("POST", "/a", "b", bytes("c")))
        .isNotEqualTo(RequestFingerprint.of("POST", "/a", "bc", new byte[0]));
  }

  @Test
  void aFormIsItsParametersInNameOrderWithoutTheCsrfToken() {
    Map<String, String[]> one = new LinkedHashMap<>();
    one.put("reason", new String[] {"lost"});
    one.put("_csrf", new String[] {"token-1"});
    one.put("date", new String[] {"2026-01-01"});
    Map<String, String[]> two = new LinkedHashMap<>();
    two.put("_csrf", new String[] {"token-2"});
    two.put("date", new String[] {"2026-01-01"});
    two.put("reason", new String[] {"lost"});
    assertThat(RequestFingerprint.formBody(one)).isEqualTo(RequestFingerprint.formBody(two));

    Map<String, String[]> other = new LinkedHashMap<>(two);
    other.put("reason", new String[] {"stolen"});
    assertThat(RequestFingerprint.formBody(other)).isNotEqualTo(RequestFingerprint.formBody(two));
    // Values are framed: ["ab"] and ["a", "b"] differ, and so do a=bc and ab=c.
    assertThat(RequestFingerprint.formBody(Map.of("x", new String[] {"ab"})))
        .isNotEqualTo(RequestFingerprint.formBody(Map.of("x", new String[] {"a", "b"})));
    assertThat(RequestFingerprint.formBody(Map.of("a", new String[] {"bc"})))
        .isNotEqualTo(RequestFingerprint.formBody(Map.of("ab", new String[] {"c"})));
  }

  @Test
  void keysArePrintableAsciiUpTo255Characters() {
    assertThat(RequestFingerprint.key("8e03978e-40d5-43e8-bc93-6894a57f9324"))
        .contains("8e03978e-40d5-43e8-bc93-6894a57f9324");
    assertThat(RequestFingerprint.key("\"8e03978e-40d5\"")).contains("8e03978e-40d5");
    assertThat(RequestFingerprint.key("x".repeat(255))).isPresent();
    assertThat(RequestFingerprint.key("\"" + "x".repeat(255) + "\"")).isPresent();
    assertThat(RequestFingerprint.key("a b")).contains("a b");

    assertThat(RequestFingerprint.key("x".repeat(256))).isEmpty();
    assertThat(RequestFingerprint.key("")).isEmpty();
    assertThat(RequestFingerprint.key("   ")).isEmpty();
    assertThat(RequestFingerprint.key("\"\"")).isEmpty();
    assertThat(RequestFingerprint.key("a\"b")).isEmpty();
    assertThat(RequestFingerprint.key("a\\b")).isEmpty();
    assertThat(RequestFingerprint.key("a\u0000b")).isEmpty();
    assertThat(RequestFingerprint.key("a\u007fb")).isEmpty();
    assertThat(RequestFingerprint.key("caf\u00e9")).isEmpty();
    assertThat(RequestFingerprint.key("a\u202eb")).isEmpty();
  }
}
