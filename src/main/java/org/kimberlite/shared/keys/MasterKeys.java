package org.kimberlite.shared.keys;

import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The server's current master keyring. Given in configuration it stays as given; kept in a file it
 * is re-read by {@link #reload()}, so a new sealing key added by {@code ./kimberlite keys
 * rotate-master} is taken up while the server runs.
 */
@Component
public class MasterKeys {
  private static final Logger log = LoggerFactory.getLogger(MasterKeys.class);
  private final KeysProperties properties;
  private volatile MasterKey current;
  private volatile String text;

  public MasterKeys(KeysProperties properties) {
    this.properties = properties;
    this.text = MasterKey.text(properties);
    this.current = MasterKey.parse(text, MasterKey.where(properties));
  }

  /** The keyring as last read. */
  public MasterKey current() {
    return current;
  }

  public KeysProperties properties() {
    return properties;
  }

  /** The key file, when the keyring is kept in one (not given in configuration). */
  public Optional<Path> file() {
    return properties.masterKey().isBlank()
        ? Optional.of(Path.of(properties.masterKeyFile()))
        : Optional.empty();
  }

  /**
   * Re-reads the key file; returns whether the keyring changed. A file that does not read as a
   * keyring leaves the current one in place (and says so in the log).
   */
  public synchronized boolean reload() {
    if (file().isEmpty()) {
      return false;
    }
    String now;
    MasterKey parsed;
    try {
      now = MasterKey.text(properties);
      if (now.equals(text)) {
        return false;
      }
      parsed = MasterKey.parse(now, MasterKey.where(properties));
    } catch (RuntimeException e) {
      log.error(
          "The master key file cannot be read; keeping the keyring in use: {}", e.getMessage());
      return false;
    }
    MasterKey before = current;
    current = parsed;
    text = now;
    log.info(
        "Master keyring re-read: sealing key {} (was {}), {} key(s), {} retired",
        MasterKey.hex(parsed.primaryId()),
        MasterKey.hex(before.primaryId()),
        parsed.ids().size(),
        parsed.retiredIds().size());
    return true;
  }
}
