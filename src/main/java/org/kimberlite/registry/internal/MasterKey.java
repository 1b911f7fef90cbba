package org.kimberlite.registry.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master key that seals every private signing key at rest: AES-256-GCM with a random 12-byte
 * nonce per seal and the key id as associated data, so a sealed seed opens only under its own key
 * id. Given as {@code kimberlite.keys.master-key} (base64 of 32 bytes) or kept in {@code
 * kimberlite.keys.master-key-file}, created with owner-only permissions on first start.
 */
public final class MasterKey {
  public static final int SIZE = 32;
  public static final int NONCE_SIZE = 12;
  private static final int TAG_BITS = 128;
  private static final Logger log = LoggerFactory.getLogger(MasterKey.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  private MasterKey(byte[] key) {
    if (key.length != SIZE) {
      throw new IllegalArgumentException("The master key must be 32 bytes, not " + key.length);
    }
    this.key = new SecretKeySpec(key, "AES");
  }

  /** A master key of the given 32 bytes. */
  public static MasterKey of(byte[] key) {
    return new MasterKey(key);
  }

  /** A new random master key. */
  public static MasterKey generate() {
    byte[] key = new byte[SIZE];
    RANDOM.nextBytes(key);
    MasterKey master = new MasterKey(key);
    Arrays.fill(key, (byte) 0);
    return master;
  }

  /** The configured master key, or the one in the key file, created if there is none. */
  public static MasterKey load(KeysProperties properties) {
    if (!properties.masterKey().isBlank()) {
      return new MasterKey(decode(properties.masterKey(), "kimberlite.keys.master-key"));
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
      return new MasterKey(
          decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the master key " + file, e);
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
        "Created a new master key in {}: back it up, the signing keys open only with it", file);
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

  /** A sealed seed: the AES-GCM ciphertext with its tag (48 bytes) and the nonce (12 bytes). */
  public record Sealed(byte[] ciphertext, byte[] nonce) {
    public Sealed {
      ciphertext = ciphertext.clone();
      nonce = nonce.clone();
    }

    @Override
    public byte[] ciphertext() {
      return ciphertext.clone();
    }

    @Override
    public byte[] nonce() {
      return nonce.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Sealed s
          && Arrays.equals(s.ciphertext, ciphertext)
          && Arrays.equals(s.nonce, nonce);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(ciphertext) * 31 + Arrays.hashCode(nonce);
    }

    @Override
    public String toString() {
      return "Sealed[" + ciphertext.length + " bytes]";
    }
  }

  /** Seals {@code seed} for the key {@code kid}. */
  public Sealed seal(String kid, SealedSeed seed) {
    byte[] nonce = new byte[NONCE_SIZE];
    RANDOM.nextBytes(nonce);
    byte[] clear = seed.bytes(SeedAccess.INSTANCE);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
      return new Sealed(cipher.doFinal(clear), nonce);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot seal a signing key", e);
    } finally {
      Arrays.fill(clear, (byte) 0);
    }
  }

  /**
   * Opens the sealed seed of {@code kid}.
   *
   * @throws IllegalStateException when it does not open: another master key, another key id, or
   *     altered bytes
   */
  public SealedSeed open(String kid, byte[] ciphertext, byte[] nonce) {
    byte[] clear = null;
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
      clear = cipher.doFinal(ciphertext);
      return SealedSeed.of(clear);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "The sealed seed of key "
              + kid
              + " does not open: is this the master key its database was created with?",
          e);
    } finally {
      if (clear != null) {
        Arrays.fill(clear, (byte) 0);
      }
    }
  }

  @Override
  public String toString() {
    return "MasterKey[redacted]";
  }
}
