package org.kimberlite.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kimberlite.shared.json.CanonicalJson;

/** RFC 8785 canonical JSON: the RFC's own examples for strings and key order. */
class CanonicalJsonTest {

  @Test
  void stringsAreEscapedAsRfc8785Section322Shows() {
    // The "string" member of the RFC's example, with its expected canonical form.
    String input = "\u20ac$\u000f\nA'B\"\\\\\"/";
    assertThat(CanonicalJson.string(input)).isEqualTo("\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"");
  }

  @Test
  void keysAreSortedByUtf16CodeUnitsAsRfc8785Section323Shows() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("\u20ac", "Euro Sign");
    map.put("\r", "Carriage Return");
    map.put("\ufb33", "Hebrew Letter Dalet With Dagesh");
    map.put("1", "One");
    map.put("\ud83d\ude00", "Emoji: Grinning Face");
    map.put("\u0080", "Control");
    map.put("\u00f6", "Latin Small Letter O With Diaeresis");
    String canonical = CanonicalJson.string(map);
    List<String> order =
        Arrays.asList(
            "\"\\r\"",
            "\"1\"",
            "\"\u0080\"",
            "\"\u00f6\"",
            "\"\u20ac\"",
            "\"\ud83d\ude00\"",
            "\"\ufb33\"");
    int last = -1;
    for (String key : order) {
      int at = canonical.indexOf(key + ":");
      assertThat(at).as(key).isGreaterThan(last);
      last = at;
    }
  }

  @Test
  void literalsIntegersArraysAndNesting() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("b", List.of(1, -2L, true, false));
    map.put("a", java.util.Collections.singletonMap("z", null));
    assertThat(CanonicalJson.string(map)).isEqualTo("{\"a\":{\"z\":null},\"b\":[1,-2,true,false]}");
  }

  @Test
  void floatingPointAndUnsafeIntegersAreRefused() {
    assertThatThrownBy(() -> CanonicalJson.string(Map.of("x", 1.5)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CanonicalJson.string(Map.of("x", 1L << 60)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CanonicalJson.string("\ud800"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
