package org.kimberlite.ledger.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.kimberlite.ledger.LedgerProperties;
import org.kimberlite.ledger.NoteSigner;
import org.kimberlite.ledger.NoteVerifier;
import org.kimberlite.shared.keys.KeysProperties;
import org.kimberlite.shared.keys.MasterKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The log's signing key: given as {@code kimberlite.ledger.key} (a signed-note private key), or
 * kept sealed under the master key in {@code kimberlite.ledger.key-file}, created with owner-only
 * permissions on first start. Its name must be the log's origin.
 *
 * <p>The key file has three lines: {@value #HEADER}, the public verifier key ({@code
 * <name>+<hash>+<base64>}), and the base64 of the signed-note private key ({@code PRIVATE+KEY+...},
 * UTF-8) sealed by {@link MasterKey#seal} as the secret of purpose {@value #PURPOSE} of that
 * verifier key. A key file of earlier versions (the private key in clear) is re-sealed on start.
 */
@Component
public class LogKeys {
  static final String HEADER = "kimberlite-sealed-log-key-v1";
  static final String PURPOSE = "ledger.log-key";
  private static final String CLEAR_PREFIX = "PRIVATE+KEY+";
  private static final Logger log = LoggerFactory.getLogger(LogKeys.class);
  private final NoteSigner signer;

  public LogKeys(LedgerProperties properties, KeysProperties keys) {
    this.signer = load(properties, keys);
    if (!signer.name().equals(properties.origin())) {
      throw new IllegalStateException(
          "The log key is named "
              + signer.name()
              + " but the log's origin is "
              + properties.origin()
              + "; they must be the same");
    }
  }

  private static NoteSigner load(LedgerProperties properties, KeysProperties keys) {
    if (!properties.key().isBlank()) {
      return NoteSigner.parse(properties.key().strip());
    }
    Path file = Path.of(properties.keyFile());
    MasterKey master = MasterKey.load(keys);
    try {
      if (Files.exists(file)) {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (text.startsWith(CLEAR_PREFIX)) {
          NoteSigner clear = NoteSigner.parse(text);
          write(file, sealed(master, clear));
          log.info("Re-sealed the log key in {} under the master key", file);
          return clear;
        }
        return open(master, text, file);
      }
      NoteSigner generated = NoteSigner.generate(properties.origin());
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      write(file, sealed(master, generated));
      log.info("Created a new log key in {}", file);
      return generated;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the log key " + file, e);
    }
  }

  /** The key file's text for {@code signer}. */
  static String sealed(MasterKey master, NoteSigner signer) {
    byte[] clear = signer.skey().getBytes(StandardCharsets.UTF_8);
    try {
      return HEADER
          + "\n"
          + signer.vkey()
          + "\n"
          + Base64.getEncoder().encodeToString(master.seal(PURPOSE, signer.vkey(), clear))
          + "\n";
    } finally {
      Arrays.fill(clear, (byte) 0);
    }
  }

  static NoteSigner open(MasterKey master, String text, Path file) {
    List<String> lines = text.lines().map(String::strip).toList();
    if (lines.size() != 3 || !lines.get(0).equals(HEADER)) {
      throw new IllegalStateException(
          "The log key file " + file + " is neither a sealed log key nor a clear one");
    }
    String vkey = lines.get(1);
    byte[] sealed;
    try {
      sealed = Base64.getDecoder().decode(lines.get(2));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("The sealed log key in " + file + " is not base64", e);
    }
    byte[] clear = master.open(PURPOSE, vkey, sealed);
    try {
      NoteSigner signer = NoteSigner.parse(new String(clear, StandardCharsets.UTF_8));
      if (!signer.vkey().equals(vkey)) {
        throw new IllegalStateException("The log key in " + file + " is not the one it names");
      }
      return signer;
    } finally {
      Arrays.fill(clear, (byte) 0);
    }
  }

  /** Writes {@code text} owner-only to a fresh file beside {@code file}, then moves it in place. */
  private static void write(Path file, String text) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path temporary;
    try {
      temporary =
          Files.createTempFile(
              dir,
              file.getFileName() + ".",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      temporary = Files.createTempFile(dir, file.getFileName() + ".", ".tmp");
      log.warn("Could not restrict the permissions of {}", file);
    }
    try {
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      try {
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  public NoteSigner signer() {
    return signer;
  }

  public NoteVerifier verifier() {
    return NoteVerifier.parse(signer.vkey());
  }
}
