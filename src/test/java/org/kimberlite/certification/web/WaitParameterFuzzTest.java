package org.kimberlite.certification.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.kimberlite.shared.problem.Problem;
import org.kimberlite.support.FuzzRuns;

/**
 * Fuzz target for the {@code ?wait} parameter of certificate issuing: a duration from 0 to 10 s, or
 * a 422 {@link Problem}; never another exception.
 *
 * <p>Kept inputs: src/test/resources/org/kimberlite/certification/web/WaitParameterFuzzTestInputs/
 * patience/; to fuzz: {@code JAZZER_FUZZ=1 ./mvnw -B test -Dtest='WaitParameterFuzzTest'
 * -Djazzer.hooks=true} (30 s, the maxDuration of the annotation).
 */
class WaitParameterFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void patience(byte[] input) {
    FuzzRuns.count("WaitParameterFuzzTest#patience");
    try {
      Duration d = CertificateApi.patience(new String(input, StandardCharsets.UTF_8));
      assertThat(d).isBetween(Duration.ZERO, Duration.ofSeconds(10));
    } catch (Problem refused) {
      assertThat(refused.getMessage()).isNotNull();
    }
  }
}
