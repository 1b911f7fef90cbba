package org.kimberlite.shared.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master key that seals every private key at rest, given as {@code kimberlite.keys.master-key}
 * (base64 of 32 bytes) or kept in {@code kimberlite.keys.master-key-file}, created with owner-only
 * permissions on first start.
 *
 * <p>Sealing is Google Tink's AEAD: an {@code AesGcmKey} (AES-256-GCM, 12-byte random IV, 16-byte
 * tag, no output prefix) made of the master key's 32 bytes. A sealed secret is {@code IV ||
 * ciphertext || tag}. Its associated data binds it to what it is for and to the key it belongs to
 * ({@link #associatedData}), so it opens only as that purpose's secret of that key id: a sealed
 * seed copied onto another key's row, or a log key sealed for a signing key, does not open.
 */
public final class MasterKey {
  public static final int SIZE = 32;

  /** IV (12) and tag (16) that sealing adds to a secret. */
  public static final int OVERHEAD = 28;

  /** The first line of the associated data: the version of the sealing scheme. */
  static final String SCHEME = "kimberlite-sealed-secret-v1";

  private static final Logger log = LoggerFactory.getLogger(MasterKey.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final AesGcmParameters AES256_GCM;

  static {
    try {
      AeadConfig.register();
      AES256_GCM =
          AesGcmParameters.builder()
              .setKeySizeBytes(SIZE)
              .setIvSizeBytes(12)
              .setTagSizeBytes(16)
              .setVariant(AesGcmParameters.Variant.NO_PREFIX)
              .build();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Aead aead;

  @com.google.crypto.tink.AccessesPartialKey // the master key is imported from its raw bytes
  private MasterKey(byte[] key) {
    if (key.length != SIZE) {
      throw new IllegalArgumentException("The master key must be 32 bytes, not " + key.length);
    }
    try {
      AesGcmKey aesGcm =
          AesGcmKey.builder()
              .setParameters(AES256_GCM)
              .setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get()))
              .build();
      this.aead =
          KeysetHandle.newBuilder()
              .addEntry(KeysetHandle.importKey(aesGcm).withRandomId().makePrimary())
              .build()
              .getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot make the master key's AEAD", e);
    }
  }

  /** A master key of the given 32 bytes. */
  public static MasterKey of(byte[] key) {
    return new MasterKey(key);
  }

  /** A new random master key. */
  public static MasterKey generate() {
    byte[] key = new byte[SIZE];
    RANDOM.nextBytes(key);
    try {
      return new MasterKey(key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** The configured master key, or the one in the key file, created if there is none. */
  public static MasterKey load(KeysProperties properties) {
    if (!properties.masterKey().isBlank()) {
      return fromBase64(properties.masterKey(), "kimberlite.keys.master-key");
    }
    Path file = Path.of(properties.masterKeyFile());
    try {
      if (!Files.exists(file)) {
        try {
          create(file);
        } catch (FileAlreadyExistsException raced) {
          // another process created it first: read theirs
        }
      }
      return fromBase64(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the master key " + file, e);
    }
  }

  private static MasterKey fromBase64(String text, String where) {
    byte[] key = decode(text, where);
    try {
      return new MasterKey(key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static void create(Path file) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    byte[] key = new byte[SIZE];
    RANDOM.nextBytes(key);
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(file);
      log.warn("Could not restrict the permissions of {}", file);
    }
    Files.writeString(
        file,
        Base64.getEncoder().encodeToString(key) + "\n",
        StandardCharsets.US_ASCII,
        StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.SYNC);
    Arrays.fill(key, (byte) 0);
    log.info(
        "Created a new master key in {}: back it up, the private keys open only with it", file);
  }

  private static byte[] decode(String text, String where) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(text.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("The master key in " + where + " is not base64", e);
    }
    if (key.length != SIZE) {
      throw new IllegalStateException(
          "The master key in " + where + " must be base64 of 32 bytes, not " + key.length);
    }
    return key;
  }

  /**
   * The associated data of a sealed secret: {@code "kimberlite-sealed-secret-v1\n" + purpose + "\n"
   * + keyId} in UTF-8. Neither part may hold a line break, so no two (purpose, key id) pairs share
   * it.
   */
  public static byte[] associatedData(String purpose, String keyId) {
    if (purpose.isEmpty() || keyId.isEmpty()) {
      throw new IllegalArgumentException("A sealed secret needs a purpose and a key id");
    }
    if (purpose.indexOf('\n') >= 0 || keyId.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("A purpose or key id has no line break");
    }
    return (SCHEME + "\n" + purpose + "\n" + keyId).getBytes(StandardCharsets.UTF_8);
  }

  /** Seals {@code secret} as the {@code purpose} secret of the key {@code keyId}. */
  public byte[] seal(String purpose, String keyId, byte[] secret) {
    try {
      return aead.encrypt(secret, associatedData(purpose, keyId));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot seal a secret", e);
    }
  }

  /**
   * Opens the {@code purpose} secret of the key {@code keyId}; the caller overwrites the returned
   * bytes when done.
   *
   * @throws IllegalStateException when it does not open: another master key, another purpose or key
   *     id, or altered bytes
   */
  public byte[] open(String purpose, String keyId, byte[] sealed) {
    return open(sealed, associatedData(purpose, keyId), purpose + " of key " + keyId);
  }

  /**
   * Opens a secret sealed before Tink (kept only to re-seal old data directories): AES-256-GCM
   * under the same master key with a separate 12-byte nonce and the bare key id as associated data.
   */
  public byte[] openPreTink(String keyId, byte[] ciphertext, byte[] nonce) {
    byte[] sealed =
        ByteBuffer.allocate(nonce.length + ciphertext.length).put(nonce).put(ciphertext).array();
    return open(sealed, keyId.getBytes(StandardCharsets.UTF_8), "old-format secret of " + keyId);
  }

  private byte[] open(byte[] sealed, byte[] associatedData, String what) {
    try {
      return aead.decrypt(sealed, associatedData);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "The sealed " + what + " does not open: is this the master key its data was sealed with?",
          e);
    }
  }

  @Override
  public String toString() {
    return "MasterKey[redacted]";
  }
}
