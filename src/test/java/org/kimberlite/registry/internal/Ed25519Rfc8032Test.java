package org.kimberlite.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kimberlite.registry.Ed25519;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** RFC 8032 section 7.1: signing from the seed reproduces every published signature exactly. */
class Ed25519Rfc8032Test {
  private static final HexFormat HEX = HexFormat.of();

  record Vector(String name, byte[] seed, byte[] publicKey, byte[] message, byte[] signature) {}

  static List<Vector> vectors() throws IOException {
    try (InputStream in =
        Ed25519Rfc8032Test.class.getResourceAsStream(
            "/vectors/crypto/rfc8032-ed25519-test-vectors.json")) {
      JsonNode root = JsonMapper.builder().build().readTree(in);
      List<Vector> out = new ArrayList<>();
      for (JsonNode v : root.get("vectors")) {
        out.add(
            new Vector(
                v.get("name").asString(),
                HEX.parseHex(v.get("secretKeyHex").asString()),
                HEX.parseHex(v.get("publicKeyHex").asString()),
                HEX.parseHex(v.get("messageHex").asString()),
                HEX.parseHex(v.get("signatureHex").asString())));
      }
      return out;
    }
  }

  @Test
  void theFiveVectorsAreThere() throws IOException {
    assertThat(vectors())
        .extracting(Vector::name)
        .containsExactly("TEST 1", "TEST 2", "TEST 3", "TEST 1024", "TEST SHA(abc)");
    assertThat(vectors().get(3).message()).hasSize(1023);
  }

  @TestFactory
  Stream<DynamicTest> signingReproducesEverySignatureAndVerificationAcceptsIt() throws IOException {
    return vectors().stream()
        .map(
            v ->
                DynamicTest.dynamicTest(
                    v.name(),
                    () -> {
                      SealedSeed seed = SealedSeed.of(v.seed());
                      assertThat(seed.publicKey()).isEqualTo(v.publicKey());
                      assertThat(HEX.formatHex(seed.sign(v.message())))
                          .isEqualTo(HEX.formatHex(v.signature()));
                      assertThat(Ed25519.verify(v.publicKey(), v.message(), v.signature()))
                          .isTrue();
                      byte[] longer = Arrays.copyOf(v.message(), v.message().length + 1);
                      assertThat(Ed25519.verify(v.publicKey(), longer, v.signature())).isFalse();
                      seed.destroy();
                    }));
  }
}
