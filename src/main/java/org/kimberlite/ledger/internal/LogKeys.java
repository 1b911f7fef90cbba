package org.kimberlite.ledger.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.kimberlite.ledger.LedgerProperties;
import org.kimberlite.ledger.NoteSigner;
import org.kimberlite.ledger.NoteVerifier;
import org.kimberlite.shared.keys.MasterKey;
import org.kimberlite.shared.keys.MasterKeys;
import org.kimberlite.shared.keys.SealedKeyFile;
import org.kimberlite.shared.keys.SealedSecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The log's signing key: given as {@code kimberlite.ledger.key} (a signed-note private key), or
 * kept sealed under the master key in {@code kimberlite.ledger.key-file}, created with owner-only
 * permissions on first start. Its name must be the log's origin.
 *
 * <p>The key file is a {@link SealedKeyFile}: {@value #HEADER}, the public verifier key ({@code
 * <name>+<hash>+<base64>}), and the base64 of the signed-note private key ({@code PRIVATE+KEY+...},
 * UTF-8) sealed as the secret of purpose {@value #PURPOSE} of that verifier key. A key file of
 * earlier versions (the private key in clear) is re-sealed on start; a file sealed under an older
 * master key is re-sealed under the sealing key by the master-key rotation.
 */
@Component
public class LogKeys implements SealedSecrets {
  static final String HEADER = "kimberlite-sealed-log-key-v1";
  static final String PURPOSE = "ledger.log-key";
  private static final String CLEAR_PREFIX = "PRIVATE+KEY+";
  private static final Logger log = LoggerFactory.getLogger(LogKeys.class);
  private final NoteSigner signer;
  private final boolean inFile;
  private final SealedKeyFile file;

  public LogKeys(LedgerProperties properties, MasterKeys keys) {
    this.inFile = properties.key().isBlank();
    this.file = new SealedKeyFile(Path.of(properties.keyFile()), HEADER, PURPOSE);
    this.signer = load(properties, keys.current());
    if (!signer.name().equals(properties.origin())) {
      throw new IllegalStateException(
          "The log key is named "
              + signer.name()
              + " but the log's origin is "
              + properties.origin()
              + "; they must be the same");
    }
  }

  private NoteSigner load(LedgerProperties properties, MasterKey master) {
    if (!inFile) {
      return NoteSigner.parse(properties.key().strip());
    }
    Path path = file.file();
    try {
      if (Files.exists(path)) {
        String text = Files.readString(path, StandardCharsets.UTF_8).strip();
        if (text.startsWith(CLEAR_PREFIX)) {
          NoteSigner clear = NoteSigner.parse(text);
          file.write(master, clear.vkey(), clear.skey());
          log.info("Re-sealed the log key in {} under the master key", path);
          return clear;
        }
        return open(master, text);
      }
      NoteSigner generated = NoteSigner.generate(properties.origin());
      file.write(master, generated.vkey(), generated.skey());
      log.info("Created a new log key in {}", path);
      return generated;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the log key " + path, e);
    }
  }

  private NoteSigner open(MasterKey master, String text) {
    SealedKeyFile.Opened opened = file.open(master, text);
    NoteSigner parsed = NoteSigner.parse(opened.secret());
    if (!parsed.vkey().equals(opened.publicName())) {
      throw new IllegalStateException("The log key in " + file.file() + " is not the one it names");
    }
    return parsed;
  }

  @Override
  public String name() {
    return "log key";
  }

  /** Re-seals the key file under the sealing key if another key of {@code master} sealed it. */
  @Override
  public synchronized int resealBatch(MasterKey master, int max) {
    if (!inFile || max < 1) {
      return 0;
    }
    try {
      return file.reseal(master, signer.vkey(), signer.skey()) ? 1 : 0;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot re-seal the log key " + file.file(), e);
    }
  }

  @Override
  public Map<String, Long> countBySealingKey(MasterKey master) {
    if (!inFile) {
      return Map.of();
    }
    try {
      return file.countBySealingKey(master);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the log key " + file.file(), e);
    }
  }

  public NoteSigner signer() {
    return signer;
  }

  public NoteVerifier verifier() {
    return NoteVerifier.parse(signer.vkey());
  }
}
