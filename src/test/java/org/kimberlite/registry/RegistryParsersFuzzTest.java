package org.kimberlite.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import org.kimberlite.registry.internal.SealedSeed;
import org.kimberlite.support.FuzzRuns;

/**
 * Fuzz targets for the signed data the registry reads from outside: JWS compact serialisations and
 * trust lists (signed, or their JSON payload). Each returns a value or throws a {@link
 * SignatureException} and nothing else; a trust list it accepts writes back to JSON that reads as
 * the same list.
 *
 * <p>Kept inputs: src/test/resources/org/kimberlite/registry/RegistryParsersFuzzTestInputs/
 * &lt;method&gt;/; to fuzz one: {@code JAZZER_FUZZ=1 ./mvnw -B test
 * -Dtest='RegistryParsersFuzzTest#jws' -Djazzer.hooks=true} (30 s, the maxDuration of the
 * annotation).
 */
class RegistryParsersFuzzTest {
  /** A fixed platform key, so that kept inputs signed with it verify in every run. */
  static final SealedSeed PLATFORM = SealedSeed.of(new byte[32]);

  static final PublicKey PLATFORM_KEY = Jwk.toPublicKey(PLATFORM.publicKey());

  @FuzzTest(maxDuration = "30s")
  void jws(byte[] input) {
    FuzzRuns.count("RegistryParsersFuzzTest#jws");
    Jws.Parsed parsed;
    try {
      parsed = Jws.parse(new String(input, StandardCharsets.UTF_8));
    } catch (SignatureException malformed) {
      return;
    }
    try {
      Jws.verify(parsed, PLATFORM.publicKey());
    } catch (SignatureException bad) {
      // documented
    }
  }

  @FuzzTest(maxDuration = "30s")
  void signedTrustList(byte[] input) {
    FuzzRuns.count("RegistryParsersFuzzTest#signedTrustList");
    String jws = new String(input, StandardCharsets.UTF_8);
    try {
      TrustList read = TrustList.parse(jws, null);
      assertThat(TrustList.fromJson(read.toJson().getBytes(StandardCharsets.UTF_8)))
          .isEqualTo(read);
    } catch (SignatureException refused) {
      // documented
    }
    try {
      TrustList.parse(jws, PLATFORM_KEY);
    } catch (SignatureException refused) {
      // documented
    }
  }

  @FuzzTest(maxDuration = "30s")
  void trustListJson(byte[] input) {
    FuzzRuns.count("RegistryParsersFuzzTest#trustListJson");
    TrustList read;
    try {
      read = TrustList.fromJson(input);
    } catch (SignatureException refused) {
      return;
    }
    assertThat(TrustList.fromJson(read.toJson().getBytes(StandardCharsets.UTF_8))).isEqualTo(read);
  }
}
