package org.kimberlite.ledger.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.kimberlite.ledger.LedgerProperties;
import org.kimberlite.ledger.NoteSigner;
import org.kimberlite.ledger.NoteVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The log's signing key: given as {@code kimberlite.ledger.key} (a signed-note private key), or
 * kept in {@code kimberlite.ledger.key-file}, created with owner-only permissions on first start.
 * Its name must be the log's origin.
 */
@Component
public class LogKeys {
  private static final Logger log = LoggerFactory.getLogger(LogKeys.class);
  private final NoteSigner signer;

  public LogKeys(LedgerProperties properties) {
    this.signer = load(properties);
    if (!signer.name().equals(properties.origin())) {
      throw new IllegalStateException(
          "The log key is named "
              + signer.name()
              + " but the log's origin is "
              + properties.origin()
              + "; they must be the same");
    }
  }

  private static NoteSigner load(LedgerProperties properties) {
    if (!properties.key().isBlank()) {
      return NoteSigner.parse(properties.key().strip());
    }
    Path file = Path.of(properties.keyFile());
    try {
      if (Files.exists(file)) {
        return NoteSigner.parse(Files.readString(file, StandardCharsets.UTF_8).strip());
      }
      NoteSigner generated = NoteSigner.generate(properties.origin());
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(
          file,
          generated.skey() + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        log.warn("Could not restrict the permissions of {}", file);
      }
      log.info("Created a new log key in {}", file);
      return generated;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the log key " + file, e);
    }
  }

  public NoteSigner signer() {
    return signer;
  }

  public NoteVerifier verifier() {
    return NoteVerifier.parse(signer.vkey());
  }
}
