package org.kimberlite.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Project Wycheproof's Ed25519 verification vectors: the platform's verification gives the expected
 * result for every one of the 151 tests (malleable S, non-canonical R, truncated and padded
 * signatures, edge-case values).
 */
class Ed25519WycheproofTest {
  private static final HexFormat HEX = HexFormat.of();

  record Case(
      int id,
      String comment,
      List<String> flags,
      byte[] key,
      byte[] msg,
      byte[] sig,
      boolean valid) {}

  static List<Case> cases() throws IOException {
    try (InputStream in =
        Ed25519WycheproofTest.class.getResourceAsStream(
            "/vectors/crypto/wycheproof/testvectors_v1/ed25519_test.json")) {
      JsonNode root = JsonMapper.builder().build().readTree(in);
      List<Case> out = new ArrayList<>();
      for (JsonNode group : root.get("testGroups")) {
        byte[] key = HEX.parseHex(group.get("publicKey").get("pk").asString());
        for (JsonNode t : group.get("tests")) {
          List<String> flags = new ArrayList<>();
          t.get("flags").forEach(f -> flags.add(f.asString()));
          String result = t.get("result").asString();
          assertThat(result).isIn("valid", "invalid");
          out.add(
              new Case(
                  t.get("tcId").asInt(),
                  t.get("comment").asString(),
                  flags,
                  key,
                  HEX.parseHex(t.get("msg").asString()),
                  HEX.parseHex(t.get("sig").asString()),
                  result.equals("valid")));
        }
      }
      return out;
    }
  }

  @Test
  void everyTestIdGetsItsExpectedResult() throws IOException {
    List<Case> cases = cases();
    assertThat(cases).hasSize(151);
    assertThat(cases.stream().filter(Case::valid)).hasSize(88);
    Map<Integer, Boolean> expected = new TreeMap<>();
    Map<Integer, Boolean> actual = new TreeMap<>();
    for (Case c : cases) {
      expected.put(c.id(), c.valid());
      actual.put(c.id(), Ed25519.verify(c.key(), c.msg(), c.sig()));
    }
    assertThat(actual).hasSize(151).isEqualTo(expected);
  }

  @TestFactory
  Stream<DynamicTest> eachTestOnItsOwn() throws IOException {
    return cases().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    "tcId " + c.id() + " " + c.flags() + " " + c.comment(),
                    () ->
                        assertThat(Ed25519.verify(c.key(), c.msg(), c.sig()))
                            .as("tcId %d", c.id())
                            .isEqualTo(c.valid())));
  }
}
