package org.kimberlite.shared.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writing files that hold keys: owner-only, written beside the target and moved into place. */
public final class SecretFiles {
  private static final Logger log = LoggerFactory.getLogger(SecretFiles.class);

  private SecretFiles() {}

  /** Writes {@code text} owner-only to a fresh file beside {@code file}, then moves it in place. */
  public static void write(Path file, String text) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
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
}
