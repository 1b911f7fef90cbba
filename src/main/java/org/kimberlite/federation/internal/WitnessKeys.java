package org.kimberlite.federation.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.kimberlite.federation.FederationProperties;
import org.kimberlite.ledger.Cosigner;
import org.kimberlite.shared.keys.MasterKey;
import org.kimberlite.shared.keys.MasterKeys;
import org.kimberlite.shared.keys.SealedKeyFile;
import org.kimberlite.shared.keys.SealedSecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * This node's witness key (Ed25519 {@code cosignature/v1}): given as {@code
 * kimberlite.federation.witness-key}, or kept sealed under the master key in {@code
 * kimberlite.federation.witness-key-file}, created on first start with the name {@code
 * kimberlite.federation.witness-name}. The file has the format of the {@code witness} command's key
 * file, so one key can serve both.
 */
@Component
public class WitnessKeys implements SealedSecrets {
  static final String HEADER = "kimberlite-sealed-witness-key-v1";
  static final String PURPOSE = "ledger.witness-key";
  private static final Logger log = LoggerFactory.getLogger(WitnessKeys.class);
  private final Cosigner cosigner;
  private final boolean inFile;
  private final SealedKeyFile file;

  public WitnessKeys(FederationProperties properties, MasterKeys keys) {
    this.inFile = properties.witnessKey().isBlank();
    this.file = new SealedKeyFile(Path.of(properties.witnessKeyFile()), HEADER, PURPOSE);
    this.cosigner =
        inFile
            ? load(properties.witnessName(), keys.current())
            : Cosigner.parse(properties.witnessKey().strip());
  }

  private Cosigner load(String name, MasterKey master) {
    Path path = file.file();
    try {
      if (!Files.exists(path)) {
        Cosigner generated = Cosigner.generate(name);
        file.write(master, generated.vkey(), generated.skey());
        log.info("Created a new witness key {} in {}", generated.vkey(), path);
        return generated;
      }
      SealedKeyFile.Opened opened = file.open(master, file.read());
      Cosigner parsed = Cosigner.parse(opened.secret());
      if (!parsed.vkey().equals(opened.publicName())) {
        throw new IllegalStateException("The witness key in " + path + " is not the one it names");
      }
      return parsed;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the witness key " + path, e);
    }
  }

  public Cosigner cosigner() {
    return cosigner;
  }

  @Override
  public String name() {
    return "witness key";
  }

  @Override
  public synchronized int resealBatch(MasterKey master, int max) {
    if (!inFile || max < 1) {
      return 0;
    }
    try {
      return file.reseal(master, cosigner.vkey(), cosigner.skey()) ? 1 : 0;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot re-seal the witness key " + file.file(), e);
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
      throw new UncheckedIOException("Cannot read the witness key " + file.file(), e);
    }
  }
}
