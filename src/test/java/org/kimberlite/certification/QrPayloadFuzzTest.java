package org.kimberlite.certification;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target for the QR payload a phone reads from a printed certificate: {@link
 * QrPayload#fromJson(byte[])} returns a payload or throws an IllegalArgumentException, and a
 * payload it accepts writes back to JSON that reads as the same payload.
 *
 * <p>Kept inputs:
 * src/test/resources/org/kimberlite/certification/QrPayloadFuzzTestInputs/fromJson/; to fuzz:
 * {@code JAZZER_FUZZ=1 ./mvnw -B test -Dtest='QrPayloadFuzzTest' -Djazzer.max_duration=60s}.
 */
class QrPayloadFuzzTest {
  @FuzzTest
  void fromJson(byte[] input) {
    QrPayload payload;
    try {
      payload = QrPayload.fromJson(input);
    } catch (IllegalArgumentException refused) {
      return;
    }
    assertThat(QrPayload.fromJson(payload.toJson())).isEqualTo(payload);
  }
}
