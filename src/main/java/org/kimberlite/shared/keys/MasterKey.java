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
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master keyring that seals every private key at rest: one or more AES-256 keys given as {@code
 * kimberlite.keys.master-key} (base64 of 32 bytes; several separated by commas, the first sealing)
 * or kept in {@code kimberlite.keys.master-key-file} (one base64 key a line, the first sealing),
 * created with owner-only permissions on first start.
 *
 * <p>Sealing is Google Tink's AEAD over a keyset: each key an {@code AesGcmKey} (AES-256-GCM,
 * 12-byte random IV, 16-byte tag, no output prefix) with the key's {@linkplain #idOf id}; the first
 * key is the keyset's primary and seals, every key opens. A sealed secret is {@code IV ||
 * ciphertext || tag}. Its associated data binds it to what it is for and to the key it belongs to
 * ({@link #associatedData}), so it opens only as that purpose's secret of that key id: a sealed
 * seed copied onto another key's row, or a log key sealed for a signing key, does not open.
 *
 * <p>A key file may also name keys retired from it ({@code retired <id>}): their material is gone,
 * and a secret still sealed under one of them is reported as such instead of as damaged.
 */
public final class MasterKey {
  public static final int SIZE = 32;

  /** IV (12) and tag (16) that sealing adds to a secret. */
  public static final int OVERHEAD = 28;

  /** The first line of the associated data: the version of the sealing scheme. */
  static final String SCHEME = "kimberlite-sealed-secret-v1";

  /** The prefix of a line of a key file that names a retired key. */
  static final String RETIRED = "retired ";

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

  private final Aead keyset;
  private final int primaryId;
  private final Map<Integer, Aead> byId;
  private final Set<Integer> retired;

  @com.google.crypto.tink.AccessesPartialKey // the master keys are imported from their raw bytes
  private MasterKey(List<byte[]> keys, Set<Integer> retired) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("A master keyring needs at least one key");
    }
    Map<Integer, Aead> aeads = new LinkedHashMap<>();
    try {
      KeysetHandle.Builder all = KeysetHandle.newBuilder();
      for (byte[] key : keys) {
        if (key.length != SIZE) {
          throw new IllegalArgumentException("The master key must be 32 bytes, not " + key.length);
        }
        int id = idOf(key);
        if (aeads.containsKey(id)) {
          throw new IllegalArgumentException("The master key " + hex(id) + " is listed twice");
        }
        AesGcmKey aesGcm =
            AesGcmKey.builder()
                .setParameters(AES256_GCM)
                .setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get()))
                .build();
        var entry = KeysetHandle.importKey(aesGcm).withFixedId(id);
        all.addEntry(aeads.isEmpty() ? entry.makePrimary() : entry);
        aeads.put(
            id,
            KeysetHandle.newBuilder()
                .addEntry(KeysetHandle.importKey(aesGcm).withFixedId(id).makePrimary())
                .build()
                .getPrimitive(RegistryConfiguration.get(), Aead.class));
      }
      this.keyset = all.build().getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot make the master key's AEAD", e);
    }
    this.byId = java.util.Collections.unmodifiableMap(aeads);
    this.primaryId = aeads.keySet().iterator().next();
    Set<Integer> gone = new java.util.TreeSet<>(retired);
    gone.removeAll(aeads.keySet());
    this.retired = Set.copyOf(gone);
  }

  /** A master key of the given 32 bytes. */
  public static MasterKey of(byte[] key) {
    return new MasterKey(List.of(key), Set.of());
  }

  /** A keyring of the given keys, the first sealing, and the ids of keys retired from it. */
  public static MasterKey of(List<byte[]> keys, Set<Integer> retired) {
    return new MasterKey(keys, retired);
  }

  /** A new random master key. */
  public static MasterKey generate() {
    byte[] key = newKey();
    try {
      return new MasterKey(List.of(key), Set.of());
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  static byte[] newKey() {
    byte[] key = new byte[SIZE];
    RANDOM.nextBytes(key);
    return key;
  }

  /**
   * A key's id: the first four bytes of SHA-256({@code "kimberlite-master-key-id\n"} || key), never
   * 0. It names the key in the key file, the database and messages without revealing it.
   */
  public static int idOf(byte[] key) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update("kimberlite-master-key-id\n".getBytes(StandardCharsets.US_ASCII));
      int id = ByteBuffer.wrap(sha256.digest(key)).getInt();
      return id == 0 ? 1 : id;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A key id as 8 hex digits. */
  public static String hex(int id) {
    return HexFormat.of().toHexDigits(id);
  }

  /** The id of the key that seals. */
  public int primaryId() {
    return primaryId;
  }

  /** The ids of the keys that open, the sealing one first. */
  public List<Integer> ids() {
    return List.copyOf(byId.keySet());
  }

  /** The ids of keys retired from the keyring (their material is gone). */
  public Set<Integer> retiredIds() {
    return retired;
  }

  /** The configured keyring, or the one in the key file, created if there is none. */
  public static MasterKey load(KeysProperties properties) {
    return parse(text(properties), where(properties));
  }

  /** Where the keyring comes from, for messages. */
  static String where(KeysProperties properties) {
    return properties.masterKey().isBlank()
        ? properties.masterKeyFile()
        : "kimberlite.keys.master-key";
  }

  /** The keyring's text: the configured value, or the key file's content (made if missing). */
  static String text(KeysProperties properties) {
    if (!properties.masterKey().isBlank()) {
      return properties.masterKey();
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
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the master key " + file, e);
    }
  }

  /**
   * Reads a keyring: base64 keys separated by line breaks or commas, the first sealing; {@code
   * retired <id>} lines; blank lines and lines starting with {@code #} are skipped.
   */
  static MasterKey parse(String text, String where) {
    List<byte[]> keys = new ArrayList<>();
    Set<Integer> retired = new java.util.TreeSet<>();
    try {
      for (String line : text.lines().map(String::strip).toList()) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        if (line.startsWith(RETIRED)) {
          try {
            retired.add(HexFormat.fromHexDigits(line.substring(RETIRED.length()).strip()));
          } catch (IllegalArgumentException e) {
            throw new IllegalStateException("A retired key line in " + where + " is malformed", e);
          }
          continue;
        }
        int from = 0;
        while (from <= line.length()) {
          int comma = line.indexOf(',', from);
          int to = comma < 0 ? line.length() : comma;
          String token = line.substring(from, to).strip();
          if (!token.isEmpty()) {
            keys.add(decode(token, where));
          }
          from = to + 1;
        }
      }
      if (keys.isEmpty()) {
        throw new IllegalStateException("The master key in " + where + " holds no key");
      }
      try {
        return new MasterKey(keys, retired);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("The master key in " + where + ": " + e.getMessage(), e);
      }
    } finally {
      keys.forEach(k -> Arrays.fill(k, (byte) 0));
    }
  }

  private static void create(Path file) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    byte[] key = newKey();
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
      return keyset.encrypt(secret, associatedData(purpose, keyId));
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
      return keyset.decrypt(sealed, associatedData);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "The sealed "
              + what
              + " does not open: is this the master key its data was sealed with?"
              + (retired.isEmpty()
                  ? ""
                  : " (it may be sealed only under a retired master key: "
                      + retired.stream().map(MasterKey::hex).toList()
                      + ")"),
          e);
    }
  }

  /**
   * The id of the key of this keyring that opens {@code sealed} as the {@code purpose} secret of
   * {@code keyId}, if one does.
   */
  public OptionalInt sealedUnder(String purpose, String keyId, byte[] sealed) {
    byte[] associatedData = associatedData(purpose, keyId);
    for (Map.Entry<Integer, Aead> key : byId.entrySet()) {
      try {
        byte[] clear = key.getValue().decrypt(sealed, associatedData);
        Arrays.fill(clear, (byte) 0);
        return OptionalInt.of(key.getKey());
      } catch (GeneralSecurityException e) {
        // not this key
      }
    }
    return OptionalInt.empty();
  }

  @Override
  public String toString() {
    return "MasterKey[redacted, primary " + hex(primaryId) + ", " + byId.size() + " key(s)]";
  }
}
