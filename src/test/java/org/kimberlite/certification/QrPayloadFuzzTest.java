package org.kimberlite.certification;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.kimberlite.support.FuzzRuns;

/**
 * Fuzz target for the QR payload a phone reads from a printed certificate: {@link
 * QrPayload#fromJson(byte[])} returns a payload or throws an IllegalArgumentException, and a
 * payload it accepts writes back to JSON that reads as the same payload.
 *
 * <p>Kept inputs:
 * src/test/resources/org/kimberlite/certification/QrPayloadFuzzTestInputs/fromJson/; to fuzz:
 * {@code JAZZER_FUZZ=1 ./mvnw -B test -Dtest='QrPayloadFuzzTest' -Djazzer.hooks=true} (30 s, the
 * maxDuration of the annotation).
 */
class QrPayloadFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void fromJson(byte[] input) {
    FuzzRuns.count("QrPayloadFuzzTest#fromJson");
    QrPayload payload;
    try {
      payload = QrPayload.fromJson(input);
    } catch (IllegalArgumentException refused) {
      return;
    }
    assertThat(QrPayload.fromJson(payload.toJson())).isEqualTo(payload);
  }
}
