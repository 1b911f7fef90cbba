package org.kimberlite.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeds sealed under the master key: they open only with that key, that kid and those bytes. */
class SealedSeedTest {
  static final String KID = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k";
  static final byte[] SEED =
      HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

  @Test
  void aSealedSeedOpensToTheSameKey() {
    MasterKey master = MasterKey.generate();
    SealedSeed seed = SealedSeed.of(SEED);
    MasterKey.Sealed sealed = master.seal(KID, seed);
    assertThat(sealed.ciphertext()).hasSize(48);
    assertThat(sealed.nonce()).hasSize(12);
    SealedSeed opened = master.open(KID, sealed.ciphertext(), sealed.nonce());
    assertThat(opened.bytes(SeedAccess.INSTANCE)).isEqualTo(SEED);
    assertThat(opened.publicKey()).isEqualTo(seed.publicKey());
    assertThat(opened.sign(new byte[] {42})).isEqualTo(seed.sign(new byte[] {42}));
  }

  @Test
  void everySealIsFreshAndHidesTheSeed() {
    MasterKey master = MasterKey.generate();
    SealedSeed seed = SealedSeed.of(SEED);
    MasterKey.Sealed one = master.seal(KID, seed);
    MasterKey.Sealed two = master.seal(KID, seed);
    assertThat(one.nonce()).isNotEqualTo(two.nonce());
    assertThat(one.ciphertext()).isNotEqualTo(two.ciphertext());
    assertThat(HexFormat.of().formatHex(one.ciphertext()))
        .doesNotContain(HexFormat.of().formatHex(SEED, 0, 8));
  }

  @Test
  void aWrongMasterKeyDoesNotOpenIt() {
    MasterKey.Sealed sealed = MasterKey.generate().seal(KID, SealedSeed.of(SEED));
    assertThatThrownBy(() -> MasterKey.generate().open(KID, sealed.ciphertext(), sealed.nonce()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not open");
  }

  @Test
  void anotherKidDoesNotOpenIt() {
    MasterKey master = MasterKey.generate();
    MasterKey.Sealed sealed = master.seal(KID, SealedSeed.of(SEED));
    assertThatThrownBy(() -> master.open(KID + "x", sealed.ciphertext(), sealed.nonce()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void everyFlippedBitOfCiphertextOrNonceIsDetected() {
    MasterKey master = MasterKey.generate();
    MasterKey.Sealed sealed = master.seal(KID, SealedSeed.of(SEED));
    byte[] ciphertext = sealed.ciphertext();
    for (int bit = 0; bit < ciphertext.length * 8; bit++) {
      byte[] flipped = ciphertext.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThatThrownBy(() -> master.open(KID, flipped, sealed.nonce()))
          .as("ciphertext bit %d", bit)
          .isInstanceOf(IllegalStateException.class);
    }
    byte[] nonce = sealed.nonce();
    for (int bit = 0; bit < nonce.length * 8; bit++) {
      byte[] flipped = nonce.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThatThrownBy(() -> master.open(KID, ciphertext, flipped))
          .as("nonce bit %d", bit)
          .isInstanceOf(IllegalStateException.class);
    }
    assertThatThrownBy(() -> master.open(KID, java.util.Arrays.copyOf(ciphertext, 47), nonce))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void nothingPrintsTheSeedOrTheMasterKey() {
    SealedSeed seed = SealedSeed.of(SEED);
    MasterKey master = MasterKey.of(SEED);
    for (String printed : new String[] {seed.toString(), master.toString(), String.valueOf(seed)}) {
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

  @Test
  void theMasterKeyFileIsMadeOnceWithOwnerOnlyPermissions(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("data/master.key");
    KeysProperties properties = new KeysProperties("", file.toString());
    MasterKey first = MasterKey.load(properties);
    assertThat(file).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
    MasterKey.Sealed sealed = first.seal(KID, SealedSeed.of(SEED));
    MasterKey again = MasterKey.load(properties);
    assertThat(again.open(KID, sealed.ciphertext(), sealed.nonce()).publicKey())
        .isEqualTo(SealedSeed.of(SEED).publicKey());
  }

  @Test
  void aGivenMasterKeyWinsOverTheFile(@TempDir Path dir) {
    byte[] key = new byte[32];
    key[0] = 7;
    String given = Base64.getEncoder().encodeToString(key);
    Path file = dir.resolve("master.key");
    MasterKey master = MasterKey.load(new KeysProperties(given, file.toString()));
    assertThat(file).doesNotExist();
    MasterKey.Sealed sealed = MasterKey.of(key).seal(KID, SealedSeed.of(SEED));
    assertThat(master.open(KID, sealed.ciphertext(), sealed.nonce()).bytes(SeedAccess.INSTANCE))
        .isEqualTo(SEED);
    assertThatThrownBy(
            () ->
                MasterKey.load(
                    new KeysProperties(
                        Base64.getEncoder().encodeToString(new byte[16]), file.toString())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> MasterKey.load(new KeysProperties("not*base64", file.toString())))
        .isInstanceOf(IllegalStateException.class);
  }
}
