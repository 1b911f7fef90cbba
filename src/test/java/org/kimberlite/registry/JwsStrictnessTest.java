package org.kimberlite.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.kimberlite.registry.SignatureException.Reason;
import org.kimberlite.registry.internal.SealedSeed;

/** What the JWS reader refuses, and why: only EdDSA, only alg/kid/typ, one encoding. */
class JwsStrictnessTest {
  static final SealedSeed KEY = SealedSeed.generate();
  static final byte[] PUBLIC = KEY.publicKey();
  static final String KID = Jwk.thumbprint(PUBLIC);

  static String b64(String s) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  static String signed(String header, String payload) {
    return Jws.sign(
        header.getBytes(StandardCharsets.UTF_8),
        payload.getBytes(StandardCharsets.UTF_8),
        KEY::sign);
  }

  static Reason refusal(String compact) {
    SignatureException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            SignatureException.class, () -> Jws.verify(Jws.parse(compact), PUBLIC));
    assertThat(e).as(compact).isNotNull();
    return e.reason();
  }

  @Test
  void theHeaderThePlatformWritesIsExact() {
    assertThat(new String(Jws.header(KID, "kp-certificate+jwt"), StandardCharsets.UTF_8))
        .isEqualTo("{\"alg\":\"EdDSA\",\"kid\":\"" + KID + "\",\"typ\":\"kp-certificate+jwt\"}");
    String ok = Jws.sign(Jws.header(KID, "t"), new byte[] {1, 2, 3}, KEY::sign);
    Jws.Parsed parsed = Jws.parse(ok);
    Jws.verify(parsed, PUBLIC);
    assertThat(parsed.kid()).isEqualTo(KID);
    assertThat(parsed.typ()).isEqualTo("t");
    assertThat(parsed.payload()).containsExactly(1, 2, 3);
  }

  @Test
  void onlyEdDsaIsAccepted() {
    assertThat(refusal(b64("{\"alg\":\"none\"}") + "." + b64("x") + "."))
        .isEqualTo(Reason.WRONG_ALGORITHM);
    assertThat(refusal(signed("{\"alg\":\"HS256\"}", "x"))).isEqualTo(Reason.WRONG_ALGORITHM);
    assertThat(refusal(signed("{\"alg\":\"Ed25519\"}", "x"))).isEqualTo(Reason.WRONG_ALGORITHM);
    assertThat(refusal(signed("{\"alg\":\"eddsa\"}", "x"))).isEqualTo(Reason.WRONG_ALGORITHM);
    assertThat(refusal(signed("{\"typ\":\"JWT\"}", "x"))).isEqualTo(Reason.MALFORMED);
    assertThat(refusal(signed("{\"alg\":1}", "x"))).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void keysInTheHeaderAndOtherMembersAreRefused() {
    String x = Jwk.publicJwk(PUBLIC).get("x");
    for (String extra :
        new String[] {
          "\"jwk\":{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + x + "\"}",
          "\"jku\":\"https://attacker.example/keys\"",
          "\"x5u\":\"https://attacker.example/cert\"",
          "\"x5c\":[\"AAAA\"]",
          "\"crit\":[\"b64\"]",
          "\"b64\":false",
          "\"cty\":\"JWT\""
        }) {
      assertThat(refusal(signed("{\"alg\":\"EdDSA\"," + extra + "}", "x")))
          .as(extra)
          .isEqualTo(Reason.MALFORMED);
    }
  }

  @Test
  void duplicateOrBadlyTypedMembersAreRefused() {
    assertThat(refusal(signed("{\"alg\":\"EdDSA\",\"alg\":\"EdDSA\"}", "x")))
        .isEqualTo(Reason.MALFORMED);
    assertThat(refusal(signed("{\"alg\":\"EdDSA\",\"kid\":7}", "x"))).isEqualTo(Reason.MALFORMED);
    assertThat(refusal(signed("{\"alg\":\"EdDSA\",\"typ\":\"\"}", "x")))
        .isEqualTo(Reason.MALFORMED);
    assertThat(refusal(signed("[\"alg\",\"EdDSA\"]", "x"))).isEqualTo(Reason.MALFORMED);
    assertThat(refusal(signed("{\"alg\":\"EdDSA\"} {}", "x"))).isEqualTo(Reason.MALFORMED);
    byte[] latin1 = "{\"alg\":\"EdDSA\",\"typ\":\"\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(refusal(Jws.sign(latin1, new byte[0], KEY::sign))).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void theStructureAndTheEncodingMustBeExact() {
    String ok = signed("{\"alg\":\"EdDSA\"}", "hello");
    Jws.verify(Jws.parse(ok), PUBLIC);
    String[] parts = ok.split("\\.");
    assertThat(refusal(parts[0] + "." + parts[1])).isEqualTo(Reason.MALFORMED);
    assertThat(refusal(ok + ".")).isEqualTo(Reason.MALFORMED);
    assertThat(refusal(ok + "." + parts[2])).isEqualTo(Reason.MALFORMED);
    assertThat(refusal(parts[0] + "=." + parts[1] + "." + parts[2])).isEqualTo(Reason.MALFORMED);
    assertThat(refusal(" " + ok)).isEqualTo(Reason.MALFORMED);
    assertThat(refusal(ok + "\n")).isEqualTo(Reason.MALFORMED);
    String standard = Base64.getEncoder().withoutPadding().encodeToString(new byte[] {(byte) 0xfb});
    assertThat(refusal(parts[0] + "." + standard + "." + parts[2])).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void aWrongSignatureIsABadSignature() {
    String ok = signed("{\"alg\":\"EdDSA\"}", "hello");
    String[] parts = ok.split("\\.");
    assertThat(refusal(parts[0] + "." + b64("hellp") + "." + parts[2]))
        .isEqualTo(Reason.BAD_SIGNATURE);
    assertThat(refusal(parts[0] + "." + parts[1] + "." + parts[2].substring(0, 84)))
        .isEqualTo(Reason.BAD_SIGNATURE);
    assertThat(refusal(parts[0] + "." + parts[1] + ".")).isEqualTo(Reason.BAD_SIGNATURE);
    SealedSeed other = SealedSeed.generate();
    String byOther =
        Jws.sign("{\"alg\":\"EdDSA\"}".getBytes(StandardCharsets.UTF_8), new byte[0], other::sign);
    assertThat(refusal(byOther)).isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void jwksAreReadStrictly() {
    String x = Jwk.publicJwk(PUBLIC).get("x");
    assertThat(Jwk.parsePublic("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + x + "\"}"))
        .isEqualTo(PUBLIC);
    assertThat(
            Jwk.parsePublic(
                "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\""
                    + x
                    + "\",\"kid\":\""
                    + KID
                    + "\",\"use\":\"sig\",\"alg\":\"EdDSA\"}"))
        .isEqualTo(PUBLIC);
    for (String bad :
        new String[] {
          "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + x + "\",\"kid\":\"other\"}",
          "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + x + "\",\"d\":\"" + x + "\"}",
          "{\"kty\":\"OKP\",\"crv\":\"X25519\",\"x\":\"" + x + "\"}",
          "{\"kty\":\"EC\",\"crv\":\"Ed25519\",\"x\":\"" + x + "\"}",
          "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + x + "A\"}",
          "{\"kty\":\"OKP\",\"crv\":\"Ed25519\"}",
          "not json"
        }) {
      assertThatThrownBy(() -> Jwk.parsePublic(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
