package org.kimberlite.shared.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Properties of RFC 8785 canonical JSON over generated trees: the output parses back to the same
 * tree, canonicalising it again gives the same text, object keys come sorted by UTF-16 code units
 * (RFC 8785 section 3.2.3), and anything outside the value model is refused with an
 * IllegalArgumentException.
 */
class CanonicalJsonPropertiesTest {
  private static final JsonMapper STRICT =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();
  private static final long MAX_SAFE = (1L << 53) - 1;

  @Property
  void outputParsesBackToTheSameTreeAndIsIdempotent(@ForAll("trees") @Nullable Object tree) {
    String text = CanonicalJson.string(tree);
    JsonNode parsed = STRICT.readTree(text);
    assertThat(plain(parsed)).isEqualTo(tree);
    assertThat(CanonicalJson.string(plain(parsed))).isEqualTo(text);
    assertKeysSorted(parsed);
    assertThat(text).doesNotContain("\n").doesNotContain(" :").doesNotContain(", ");
  }

  @Property
  void anyStringIsWrittenOrRefusedForALoneSurrogate(@ForAll String s) {
    boolean wellFormed = wellFormed(s);
    try {
      String text = CanonicalJson.string(s);
      assertThat(wellFormed).isTrue();
      assertThat(STRICT.readTree(text).stringValue()).isEqualTo(s);
    } catch (IllegalArgumentException refused) {
      assertThat(wellFormed).isFalse();
    }
  }

  @Property
  void longsOutsideTheSafeRangeAreRefused(@ForAll long n) {
    boolean safe = n >= -MAX_SAFE && n <= MAX_SAFE;
    try {
      assertThat(CanonicalJson.string(n)).isEqualTo(Long.toString(n));
      assertThat(safe).isTrue();
    } catch (IllegalArgumentException refused) {
      assertThat(safe).isFalse();
    }
  }

  private static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static void assertKeysSorted(JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>(node.propertyNames());
      List<String> sorted = new ArrayList<>(names);
      sorted.sort(String::compareTo);
      assertThat(names).isEqualTo(sorted);
    }
    for (JsonNode child : node) {
      assertKeysSorted(child);
    }
  }

  /** A parsed tree as the plain Java values CanonicalJson takes (integers as Long). */
  private static @Nullable Object plain(JsonNode n) {
    if (n.isNull()) {
      return null;
    }
    if (n.isString()) {
      return n.stringValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isIntegralNumber()) {
      return n.longValue();
    }
    if (n.isArray()) {
      List<@Nullable Object> list = new ArrayList<>();
      for (JsonNode item : n) {
        list.add(plain(item));
      }
      return list;
    }
    if (n.isObject()) {
      Map<String, @Nullable Object> map = new LinkedHashMap<>();
      for (String name : n.propertyNames()) {
        map.put(name, plain(n.get(name)));
      }
      return map;
    }
    throw new AssertionError("unexpected node " + n);
  }

  @Provide
  Arbitrary<@Nullable Object> trees() {
    return tree(3);
  }

  private static Arbitrary<String> texts() {
    // Keys and strings from a small alphabet (so keys collide and sort), with escapes, non-ASCII,
    // a supplementary character (sorted by UTF-16 code units, not code points) and U+FFFF.
    return Arbitraries.oneOf(
        List.of(
            Arbitraries.strings()
                .withChars("aAb_\"\\\n\t\u0000\u001f\u007fé€\uffff")
                .withChars("\ud83d\ude00")
                .ofMaxLength(6)
                .filter(CanonicalJsonPropertiesTest::wellFormed),
            Arbitraries.of("", "a", "b", "aa", "\u00e9", "\ud83d\ude00", "\uff61", "1")));
  }

  private static Arbitrary<@Nullable Object> tree(int depth) {
    Arbitrary<@Nullable Object> leaf =
        Arbitraries.oneOf(
                List.<Arbitrary<?>>of(
                    texts(),
                    Arbitraries.of(true, false),
                    Arbitraries.longs().between(-MAX_SAFE, MAX_SAFE),
                    Arbitraries.just("null-placeholder")))
            .map(v -> "null-placeholder".equals(v) ? null : v);
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<@Nullable Object> child = Arbitraries.lazy(() -> tree(depth - 1));
    Arbitrary<@Nullable Object> list = child.list().ofMaxSize(4).map(l -> (Object) l);
    Arbitrary<@Nullable Object> map =
        Arbitraries.maps(texts(), child)
            .ofMaxSize(5)
            .map(m -> (Object) new LinkedHashMap<String, @Nullable Object>(m));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, leaf),
        net.jqwik.api.Tuple.of(1, list),
        net.jqwik.api.Tuple.of(1, map));
  }
}
