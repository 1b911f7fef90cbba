package org.kimberlite.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;
import org.kimberlite.federation.HttpMessageSignatures.Reason;
import org.kimberlite.federation.HttpMessageSignatures.Refused;
import org.kimberlite.registry.Ed25519;

/**
 * RFC 9421 signatures as nodes sign their deliveries: the RFC's ed25519 example, then tampering.
 */
class HttpMessageSignaturesTest {
  /** RFC 9421 appendix B.1.4, test-key-ed25519: the seed of its PKCS#8 private key. */
  static final byte[] RFC_SEED =
      Arrays.copyOfRange(
          Base64.getDecoder()
              .decode("MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF"),
          16,
          48);

  /** RFC 9421 appendix B.1.4: the raw key of its SubjectPublicKeyInfo. */
  static final byte[] RFC_PUBLIC =
      Arrays.copyOfRange(
          Base64.getDecoder()
              .decode("MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs="),
          12,
          44);

  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  static final String URI = "https://kp.example.eu/api/v1/federation/deliveries";
  static final byte[] BODY = "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8);

  static byte[] sign(byte[] seed, byte[] message) {
    Ed25519Signer s = new Ed25519Signer();
    s.init(true, new Ed25519PrivateKeyParameters(seed, 0));
    s.update(message, 0, message.length);
    return s.generateSignature();
  }

  @Test
  void theRfcEd25519ExampleHasTheRfcSignatureBaseAndSignature() {
    // RFC 9421 appendix B.2.6, "Signing a Request Using ed25519".
    Map<String, String> components = new LinkedHashMap<>();
    components.put("date", "Tue, 20 Apr 2021 02:07:55 GMT");
    components.put("@method", "POST");
    components.put("@path", "/foo");
    components.put("@authority", "example.com");
    components.put("content-type", "application/json");
    components.put("content-length", "18");
    String params =
        HttpMessageSignatures.signatureParams(
            List.copyOf(components.keySet()), 1618884473, "test-key-ed25519", null);
    String base = HttpMessageSignatures.signatureBase(components, params);
    assertThat(base)
        .isEqualTo(
            """
            "date": Tue, 20 Apr 2021 02:07:55 GMT
            "@method": POST
            "@path": /foo
            "@authority": example.com
            "content-type": application/json
            "content-length": 18
            "@signature-params": ("date" "@method" "@path" "@authority" "content-type" \
            "content-length");created=1618884473;keyid="test-key-ed25519\"""");
    byte[] expected =
        Base64.getDecoder()
            .decode(
                "wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==");
    byte[] message = base.getBytes(StandardCharsets.UTF_8);
    assertThat(sign(RFC_SEED, message)).isEqualTo(expected);
    assertThat(Ed25519.verify(RFC_PUBLIC, message, expected)).isTrue();
  }

  @Test
  void theRfcContentDigestExampleIsReproduced() {
    // RFC 9530 section 2: {"hello": "world"} has this sha-256 digest.
    assertThat(
            HttpMessageSignatures.contentDigest(
                "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:");
  }

  HttpMessageSignatures.Signed signed() {
    return HttpMessageSignatures.sign("POST", URI, BODY, NOW, "node-kid", m -> sign(RFC_SEED, m));
  }

  void verify(HttpMessageSignatures.Signed s, String method, String uri, byte[] body, Instant now) {
    HttpMessageSignatures.verify(
        HttpMessageSignatures.parse(s.signatureInput(), s.signature()),
        method,
        uri,
        s.contentDigest(),
        body,
        RFC_PUBLIC,
        now,
        Duration.ofMinutes(5));
  }

  @Test
  void aSignedDeliveryVerifiesAndNamesItsKey() {
    HttpMessageSignatures.Signed s = signed();
    assertThat(s.signatureInput())
        .isEqualTo(
            "sig1=(\"@method\" \"@target-uri\" \"content-digest\");created="
                + NOW.getEpochSecond()
                + ";keyid=\"node-kid\";alg=\"ed25519\"");
    verify(s, "POST", URI, BODY, NOW);
    verify(s, "post", URI, BODY, NOW.plus(Duration.ofMinutes(5)));
    assertThat(HttpMessageSignatures.parse(s.signatureInput(), s.signature()).keyid())
        .isEqualTo("node-kid");
  }

  @Test
  void aChangedBodyMethodUriOrTimeIsRefused() {
    HttpMessageSignatures.Signed s = signed();
    byte[] changed = "{\"hello\":\"World\"}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> verify(s, "POST", URI, changed, NOW))
        .isInstanceOfSatisfying(
            Refused.class, e -> assertThat(e.reason()).isEqualTo(Reason.DIGEST_MISMATCH));
    // the digest sent along with the changed body: the signature no longer covers it
    HttpMessageSignatures.Signed forged =
        new HttpMessageSignatures.Signed(
            s.signatureInput(), s.signature(), HttpMessageSignatures.contentDigest(changed));
    assertThatThrownBy(() -> verify(forged, "POST", URI, changed, NOW))
        .isInstanceOfSatisfying(
            Refused.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    assertThatThrownBy(() -> verify(s, "PUT", URI, BODY, NOW))
        .isInstanceOfSatisfying(
            Refused.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    assertThatThrownBy(() -> verify(s, "POST", URI + "x", BODY, NOW))
        .isInstanceOfSatisfying(
            Refused.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    assertThatThrownBy(
            () -> verify(s, "POST", URI, BODY, NOW.plus(Duration.ofMinutes(5)).plusSeconds(1)))
        .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.reason()).isEqualTo(Reason.STALE));
  }

  @Test
  void anotherKeyOrAChangedSignatureInputIsRefused() {
    HttpMessageSignatures.Signed s = signed();
    byte[] otherSeed = new byte[32];
    otherSeed[0] = 1;
    HttpMessageSignatures.Signed other =
        HttpMessageSignatures.sign("POST", URI, BODY, NOW, "node-kid", m -> sign(otherSeed, m));
    assertThatThrownBy(() -> verify(other, "POST", URI, BODY, NOW))
        .isInstanceOfSatisfying(
            Refused.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    HttpMessageSignatures.Signed renamed =
        new HttpMessageSignatures.Signed(
            s.signatureInput().replace("node-kid", "other-kid"), s.signature(), s.contentDigest());
    assertThatThrownBy(() -> verify(renamed, "POST", URI, BODY, NOW))
        .isInstanceOfSatisfying(
            Refused.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
  }

  @Test
  void missingOrMalformedHeadersAreRefusedAsMalformed() {
    HttpMessageSignatures.Signed s = signed();
    for (String[] headers :
        new String[][] {
          {null, s.signature()},
          {s.signatureInput(), null},
          {s.signatureInput().replace("sig1=", "sig2="), s.signature()},
          {s.signatureInput().replace(";created=" + NOW.getEpochSecond(), ""), s.signature()},
          {s.signatureInput(), "sig1=:not base64!:"},
          {"sig1=(\"@method\")", s.signature()},
        }) {
      assertThatThrownBy(() -> HttpMessageSignatures.parse(headers[0], headers[1]))
          .as(Arrays.toString(headers))
          .isInstanceOfSatisfying(
              Refused.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }
    // a signature that leaves out the content digest is not accepted for a delivery
    String withoutDigest =
        "sig1=(\"@method\" \"@target-uri\");created=1;keyid=\"k\";alg=\"ed25519\"";
    assertThatThrownBy(
            () ->
                HttpMessageSignatures.verify(
                    HttpMessageSignatures.parse(withoutDigest, s.signature()),
                    "POST",
                    URI,
                    s.contentDigest(),
                    BODY,
                    RFC_PUBLIC,
                    Instant.ofEpochSecond(1),
                    Duration.ofMinutes(5)))
        .isInstanceOfSatisfying(
            Refused.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
  }
}
