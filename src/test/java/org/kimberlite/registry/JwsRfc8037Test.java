package org.kimberlite.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kimberlite.registry.SignatureException.Reason;
import org.kimberlite.registry.internal.SealedSeed;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** RFC 8037 appendix A: the Ed25519 JWK, its thumbprint and the EdDSA JWS, exactly. */
class JwsRfc8037Test {
  static JsonNode a;
  static byte[] d;
  static byte[] x;
  static String jws;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in =
        JwsRfc8037Test.class.getResourceAsStream(
            "/vectors/crypto/rfc8037-appendix-a-eddsa-jws.json")) {
      a = JsonMapper.builder().build().readTree(in);
    }
    d = Base64.getUrlDecoder().decode(a.get("A.1_privateKeyJwk").get("d").asString());
    x = Base64.getUrlDecoder().decode(a.get("A.1_privateKeyJwk").get("x").asString());
    jws = a.get("A.4_jws").get("compactSerialization").asString();
  }

  @Test
  void a1ThePublicKeyFollowsFromThePrivateKey() {
    assertThat(SealedSeed.of(d).publicKey()).isEqualTo(x);
    Map<String, String> jwk = new HashMap<>();
    a.get("A.2_publicKeyJwk")
        .properties()
        .forEach(e -> jwk.put(e.getKey(), e.getValue().asString()));
    assertThat(Jwk.publicJwk(x)).isEqualTo(jwk);
  }

  @Test
  void a3TheThumbprintIsTheKid() {
    assertThat(Jwk.thumbprint(x))
        .isEqualTo(a.get("A.3_thumbprint").get("sha256Base64url").asString())
        .isEqualTo("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
  }

  @Test
  void a4SigningReproducesTheJwsExactly() {
    JsonNode a4 = a.get("A.4_jws");
    byte[] header = a4.get("protectedHeader").asString().getBytes(StandardCharsets.UTF_8);
    byte[] payload = a4.get("payload").asString().getBytes(StandardCharsets.UTF_8);
    SealedSeed seed = SealedSeed.of(d);
    assertThat(Jws.sign(header, payload, seed::sign)).isEqualTo(jws);
    assertThat(jws).startsWith(a4.get("signingInput").asString() + ".");
  }

  @Test
  void a5TheJwsVerifies() {
    byte[] key = Jwk.parsePublic(a.get("A.5_verification").get("publicKeyJwk").toString());
    Jws.Parsed parsed = Jws.parse(a.get("A.5_verification").get("jws").asString());
    Jws.verify(parsed, key);
    assertThat(new String(parsed.payload(), StandardCharsets.UTF_8))
        .isEqualTo("Example of Ed25519 signing");
    assertThat(parsed.kid()).isNull();
    assertThat(parsed.typ()).isNull();
  }

  /** Parse and verify with the A.2 key; a refusal is a SignatureException. */
  static void check(String compact) {
    Jws.verify(Jws.parse(compact), x);
  }

  @Test
  void everySingleCharacterChangeIsRefused() {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ";
    int changes = 0;
    Map<Reason, Integer> reasons = new HashMap<>();
    for (int i = 0; i < jws.length(); i++) {
      for (char c : alphabet.toCharArray()) {
        if (c == jws.charAt(i)) {
          continue;
        }
        String changed = jws.substring(0, i) + c + jws.substring(i + 1);
        SignatureException refused =
            catchThrowableOfType(SignatureException.class, () -> check(changed));
        assertThat(refused).as("position %d changed to '%c'", i, c).isNotNull();
        reasons.merge(refused.reason(), 1, Integer::sum);
        changes++;
      }
      // and deleting the character
      String shorter = jws.substring(0, i) + jws.substring(i + 1);
      assertThatThrownBy(() -> check(shorter)).isInstanceOf(SignatureException.class);
    }
    assertThat(changes).isEqualTo(jws.length() * 68);
    assertThat(reasons).containsKeys(Reason.MALFORMED, Reason.BAD_SIGNATURE);
    check(jws);
  }

  @Test
  void aPublicKeyRoundTripsThroughJca() {
    PublicKey key = Jwk.toPublicKey(x);
    assertThat(key.getAlgorithm()).isIn("Ed25519", "EdDSA");
    assertThat(Jwk.rawPublicKey(key)).isEqualTo(x);
  }
}
