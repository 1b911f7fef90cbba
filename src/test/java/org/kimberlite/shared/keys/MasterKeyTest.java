package org.kimberlite.shared.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets sealed under the master key open only with that key, purpose, key id and bytes. */
class MasterKeyTest {
  static final String PURPOSE = "registry.signing-key.AUTHORITY";
  static final String KID = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k";
  static final byte[] SEED =
      HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

  @Test
  void aSealedSecretOpensToTheSameBytes() {
    MasterKey master = MasterKey.generate();
    byte[] sealed = master.seal(PURPOSE, KID, SEED);
    assertThat(sealed).hasSize(SEED.length + MasterKey.OVERHEAD);
    assertThat(master.open(PURPOSE, KID, sealed)).isEqualTo(SEED);
  }

  @Test
  void theFormatIsTinkAesGcmWithoutPrefix() throws Exception {
    byte[] key = new byte[32];
    key[3] = 9;
    byte[] sealed = MasterKey.of(key).seal(PURPOSE, KID, SEED);
    // IV || ciphertext || tag, associated data "kimberlite-sealed-secret-v1\n<purpose>\n<kid>"
    Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
    aes.init(
        Cipher.DECRYPT_MODE,
        new SecretKeySpec(key, "AES"),
        new GCMParameterSpec(128, Arrays.copyOf(sealed, 12)));
    aes.updateAAD(
        ("kimberlite-sealed-secret-v1\n" + PURPOSE + "\n" + KID).getBytes(StandardCharsets.UTF_8));
    assertThat(aes.doFinal(sealed, 12, sealed.length - 12)).isEqualTo(SEED);
  }

  @Test
  void everySealIsFreshAndHidesTheSecret() {
    MasterKey master = MasterKey.generate();
    byte[] one = master.seal(PURPOSE, KID, SEED);
    byte[] two = master.seal(PURPOSE, KID, SEED);
    assertThat(Arrays.copyOf(one, 12)).isNotEqualTo(Arrays.copyOf(two, 12));
    assertThat(one).isNotEqualTo(two);
    assertThat(HexFormat.of().formatHex(one)).doesNotContain(HexFormat.of().formatHex(SEED, 0, 8));
  }

  @Test
  void aWrongMasterKeyDoesNotOpenIt() {
    byte[] sealed = MasterKey.generate().seal(PURPOSE, KID, SEED);
    assertThatThrownBy(() -> MasterKey.generate().open(PURPOSE, KID, sealed))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not open");
  }

  @Test
  void anotherKeyIdOrPurposeDoesNotOpenIt() {
    MasterKey master = MasterKey.generate();
    byte[] sealed = master.seal(PURPOSE, KID, SEED);
    assertThatThrownBy(() -> master.open(PURPOSE, KID + "x", sealed))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> master.open("registry.signing-key.TRUST_LIST", KID, sealed))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> master.open("ledger.log-key", KID, sealed))
        .isInstanceOf(IllegalStateException.class);
    // the separator cannot be smuggled into either part
    assertThatThrownBy(() -> master.seal(PURPOSE + "\nx", KID, SEED))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> master.seal(PURPOSE, "", SEED))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyFlippedBitIsDetected() {
    MasterKey master = MasterKey.generate();
    byte[] sealed = master.seal(PURPOSE, KID, SEED);
    for (int bit = 0; bit < sealed.length * 8; bit++) {
      byte[] flipped = sealed.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThatThrownBy(() -> master.open(PURPOSE, KID, flipped))
          .as("bit %d", bit)
          .isInstanceOf(IllegalStateException.class);
    }
    assertThatThrownBy(() -> master.open(PURPOSE, KID, Arrays.copyOf(sealed, sealed.length - 1)))
        .isInstanceOf(IllegalStateException.class);
  }

  /** The hand-written format before Tink: ciphertext and tag, a separate nonce, the kid as AAD. */
  static byte[][] sealPreTink(byte[] key, String kid, byte[] secret) throws Exception {
    byte[] nonce = new byte[12];
    new java.security.SecureRandom().nextBytes(nonce);
    Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
    aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
    aes.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
    return new byte[][] {aes.doFinal(secret), nonce};
  }

  @Test
  void aSecretSealedBeforeTinkStillOpens() throws Exception {
    byte[] key = new byte[32];
    key[0] = 1;
    byte[][] old = sealPreTink(key, KID, SEED);
    assertThat(old[0]).hasSize(48);
    MasterKey master = MasterKey.of(key);
    assertThat(master.openPreTink(KID, old[0], old[1])).isEqualTo(SEED);
    assertThatThrownBy(() -> master.openPreTink(KID + "x", old[0], old[1]))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> MasterKey.generate().openPreTink(KID, old[0], old[1]))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void nothingPrintsTheMasterKey() {
    assertThat(MasterKey.of(SEED).toString())
        .doesNotContain(HexFormat.of().formatHex(SEED).substring(0, 6))
        .doesNotContain(Base64.getEncoder().encodeToString(SEED).substring(0, 6))
        .contains("redacted");
    assertThat(new KeysProperties(Base64.getEncoder().encodeToString(SEED), "f").toString())
        .doesNotContain(Base64.getEncoder().encodeToString(SEED).substring(0, 6));
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
    byte[] sealed = first.seal(PURPOSE, KID, SEED);
    assertThat(MasterKey.load(properties).open(PURPOSE, KID, sealed)).isEqualTo(SEED);
  }

  @Test
  void aGivenMasterKeyWinsOverTheFile(@TempDir Path dir) {
    byte[] key = new byte[32];
    key[0] = 7;
    String given = Base64.getEncoder().encodeToString(key);
    Path file = dir.resolve("master.key");
    MasterKey master = MasterKey.load(new KeysProperties(given, file.toString()));
    assertThat(file).doesNotExist();
    byte[] sealed = MasterKey.of(key).seal(PURPOSE, KID, SEED);
    assertThat(master.open(PURPOSE, KID, sealed)).isEqualTo(SEED);
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

  @Test
  void aKeyringSealsWithItsFirstKeyAndOpensWithEvery(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("master.key");
    KeysProperties properties = new KeysProperties("", file.toString());
    MasterKey old = MasterKey.load(properties);
    byte[] sealedOld = old.seal(PURPOSE, KID, SEED);

    int added = MasterKeyFile.rotate(file);
    MasterKey ring = MasterKey.load(properties);
    assertThat(ring.primaryId()).isEqualTo(added).isNotEqualTo(old.primaryId());
    assertThat(ring.ids()).containsExactly(added, old.primaryId());
    assertThat(ring.open(PURPOSE, KID, sealedOld)).isEqualTo(SEED);
    assertThat(ring.sealedUnder(PURPOSE, KID, sealedOld)).hasValue(old.primaryId());
    byte[] sealedNew = ring.seal(PURPOSE, KID, SEED);
    assertThat(sealedNew).hasSize(SEED.length + MasterKey.OVERHEAD);
    assertThat(ring.sealedUnder(PURPOSE, KID, sealedNew)).hasValue(added);
    assertThatThrownBy(() -> old.open(PURPOSE, KID, sealedNew))
        .isInstanceOf(IllegalStateException.class);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");

    assertThat(MasterKeyFile.retire(file)).containsExactly(old.primaryId());
    MasterKey retired = MasterKey.load(properties);
    assertThat(retired.ids()).containsExactly(added);
    assertThat(retired.retiredIds()).containsExactly(old.primaryId());
    assertThat(Files.readString(file)).contains("retired " + MasterKey.hex(old.primaryId()));
    assertThat(retired.open(PURPOSE, KID, sealedNew)).isEqualTo(SEED);
    assertThat(retired.sealedUnder(PURPOSE, KID, sealedOld)).isEmpty();
    assertThatThrownBy(() -> retired.open(PURPOSE, KID, sealedOld))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("retired master key")
        .hasMessageContaining(MasterKey.hex(old.primaryId()));
    assertThat(MasterKeyFile.retire(file)).isEmpty();
  }

  @Test
  void aGivenKeyringListsKeysSeparatedByCommas() {
    byte[] one = new byte[32];
    byte[] two = new byte[32];
    one[0] = 1;
    two[0] = 2;
    String b64one = Base64.getEncoder().encodeToString(one);
    String b64two = Base64.getEncoder().encodeToString(two);
    MasterKey ring = MasterKey.load(new KeysProperties(b64two + ", " + b64one, "unused"));
    assertThat(ring.ids()).containsExactly(MasterKey.idOf(two), MasterKey.idOf(one));
    assertThat(ring.open(PURPOSE, KID, MasterKey.of(one).seal(PURPOSE, KID, SEED))).isEqualTo(SEED);
    assertThat(ring.sealedUnder(PURPOSE, KID, ring.seal(PURPOSE, KID, SEED)))
        .hasValue(MasterKey.idOf(two));
    assertThatThrownBy(() -> MasterKey.load(new KeysProperties(b64one + "," + b64one, "unused")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("twice");
    assertThat(ring.toString()).doesNotContain(b64one.substring(0, 6)).contains("redacted");
  }
}
