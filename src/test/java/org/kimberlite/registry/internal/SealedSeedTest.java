package org.kimberlite.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** A seed in clear: it signs, never prints, and gives its bytes only to the capability holder. */
class SealedSeedTest {
  static final byte[] SEED =
      HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

  @Test
  void nothingPrintsTheSeed() {
    SealedSeed seed = SealedSeed.of(SEED);
    for (String printed : new String[] {seed.toString(), String.valueOf(seed)}) {
      assertThat(printed)
          .doesNotContain(HexFormat.of().formatHex(SEED).substring(0, 6))
          .doesNotContain(Base64.getEncoder().encodeToString(SEED).substring(0, 6))
          .doesNotContain(Base64.getUrlEncoder().encodeToString(SEED).substring(0, 6))
          .doesNotContain("-99")
          .contains("redacted");
    }
  }

  @Test
  void readingTheBytesNeedsTheCapability() {
    SealedSeed seed = SealedSeed.of(SEED);
    assertThatThrownBy(() -> seed.bytes(null)).isInstanceOf(SecurityException.class);
    assertThat(seed.bytes(SeedAccess.INSTANCE)).isEqualTo(SEED);
  }

  @Test
  void aSeedIsACopyAndCanBeDestroyed() {
    byte[] mine = SEED.clone();
    SealedSeed seed = SealedSeed.of(mine);
    java.util.Arrays.fill(mine, (byte) 0);
    assertThat(seed.bytes(SeedAccess.INSTANCE)).isEqualTo(SEED);
    seed.destroy();
    assertThat(seed.isDestroyed()).isTrue();
    assertThatThrownBy(() -> seed.sign(new byte[0])).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> SealedSeed.of(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
