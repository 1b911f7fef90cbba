package org.kimberlite.shared.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.OptionalInt;

/**
 * A file that keeps one private key sealed under the master key (the log's key, a witness's key).
 * Three lines: a header naming what it holds, the key's public name (its verifier key), and the
 * base64 of the private key's text (UTF-8) sealed by {@link MasterKey#seal} as the secret of {@code
 * purpose} of that public name.
 *
 * @param file where it is kept
 * @param header its first line, e.g. {@code kimberlite-sealed-log-key-v1}
 * @param purpose the purpose it is sealed under, e.g. {@code ledger.log-key}
 */
public record SealedKeyFile(Path file, String header, String purpose) {

  /** What a key file holds: the public name, the private key's text, and the key that sealed it. */
  public record Opened(String publicName, String secret, int sealedUnder) {
    @Override
    public String toString() {
      return "Opened[" + publicName + ", redacted]";
    }
  }

  /** Whether the file's content is sealed (starts with the header). */
  public boolean isSealed(String text) {
    return text.strip().startsWith(header);
  }

  /** The file's text holding {@code secret}, the private key of {@code publicName}. */
  public String sealed(MasterKey master, String publicName, String secret) {
    byte[] clear = secret.getBytes(StandardCharsets.UTF_8);
    try {
      return header
          + "\n"
          + publicName
          + "\n"
          + Base64.getEncoder().encodeToString(master.seal(purpose, publicName, clear))
          + "\n";
    } finally {
      Arrays.fill(clear, (byte) 0);
    }
  }

  /** Writes {@code secret} sealed, owner-only. */
  public void write(MasterKey master, String publicName, String secret) throws IOException {
    SecretFiles.write(file, sealed(master, publicName, secret));
  }

  /**
   * Opens the sealed {@code text} of this file.
   *
   * @throws IllegalStateException when it is not a sealed key file or does not open
   */
  public Opened open(MasterKey master, String text) {
    List<String> lines = text.strip().lines().map(String::strip).toList();
    if (lines.size() != 3 || !lines.get(0).equals(header)) {
      throw new IllegalStateException(
          "The key file " + file + " is not a sealed key (" + header + ")");
    }
    String publicName = lines.get(1);
    byte[] sealed;
    try {
      sealed = Base64.getDecoder().decode(lines.get(2));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("The sealed key in " + file + " is not base64", e);
    }
    byte[] clear = master.open(purpose, publicName, sealed);
    try {
      OptionalInt under = master.sealedUnder(purpose, publicName, sealed);
      return new Opened(
          publicName, new String(clear, StandardCharsets.UTF_8), under.orElse(master.primaryId()));
    } finally {
      Arrays.fill(clear, (byte) 0);
    }
  }

  /** Reads the file's text. */
  public String read() throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /**
   * Re-seals the file under {@code master}'s sealing key if another key of {@code master} sealed
   * it; returns whether it was rewritten.
   */
  public boolean reseal(MasterKey master, String publicName, String secret) throws IOException {
    if (open(master, read()).sealedUnder() == master.primaryId()) {
      return false;
    }
    write(master, publicName, secret);
    return true;
  }

  /**
   * One secret, counted under the {@link MasterKey#hex} id of the key that sealed it, or under
   * {@link SealedSecrets#UNKNOWN} when no key of {@code master} opens it.
   */
  public java.util.Map<String, Long> countBySealingKey(MasterKey master) throws IOException {
    String text = read();
    try {
      return java.util.Map.of(MasterKey.hex(open(master, text).sealedUnder()), 1L);
    } catch (IllegalStateException e) {
      return java.util.Map.of(SealedSecrets.UNKNOWN, 1L);
    }
  }
}
