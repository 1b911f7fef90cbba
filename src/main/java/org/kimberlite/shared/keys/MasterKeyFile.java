package org.kimberlite.shared.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Changes to the master key file: a new sealing key in front ({@link #rotate}), old keys retired
 * ({@link #retire}). The file is rewritten beside itself, owner-only, and moved into place, so a
 * running server that re-reads it sees the old or the new keyring, never half of one.
 */
public final class MasterKeyFile {
  static final String HEADER =
      "# Kimberlite master keyring: the first key seals, every key opens. Back it up.";

  private MasterKeyFile() {}

  /**
   * Puts a new random key in front of the keyring in {@code file}: it seals from now on, the others
   * still open. Returns the new key's id.
   */
  public static int rotate(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    MasterKey.parse(text, file.toString()); // refuse to extend a damaged file
    byte[] key = MasterKey.newKey();
    try {
      int id = MasterKey.idOf(key);
      List<String> lines = new ArrayList<>();
      lines.add(HEADER);
      lines.add(Base64.getEncoder().encodeToString(key));
      text.lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .forEach(lines::add);
      SecretFiles.write(file, String.join("\n", lines) + "\n");
      return id;
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /**
   * Removes every key but the sealing one from the keyring in {@code file}, leaving a {@code
   * retired <id>} line for each. Returns the ids retired. The caller makes sure nothing is still
   * sealed under them.
   */
  public static Set<Integer> retire(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    MasterKey ring = MasterKey.parse(text, file.toString());
    List<Integer> ids = ring.ids();
    Set<Integer> retired = Set.copyOf(ids.subList(1, ids.size()));
    if (retired.isEmpty()) {
      return retired;
    }
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    boolean primaryKept = false;
    for (String line : text.lines().map(String::strip).toList()) {
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(MasterKey.RETIRED)) {
        if (line.startsWith(MasterKey.RETIRED)) {
          lines.add(line);
        }
        continue;
      }
      int from = 0;
      while (from <= line.length()) {
        int comma = line.indexOf(',', from);
        int to = comma < 0 ? line.length() : comma;
        String token = line.substring(from, to).strip();
        if (!token.isEmpty()) {
          byte[] key = Base64.getDecoder().decode(token);
          int id = MasterKey.idOf(key);
          Arrays.fill(key, (byte) 0);
          if (!primaryKept && id == ring.primaryId()) {
            lines.add(1, token);
            primaryKept = true;
          } else {
            lines.add(MasterKey.RETIRED + MasterKey.hex(id));
          }
        }
        from = to + 1;
      }
    }
    SecretFiles.write(file, String.join("\n", lines) + "\n");
    return retired;
  }
}
