package org.kimberlite.federation.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kimberlite.federation.ExchangeProperties;
import org.kimberlite.ledger.NoteSigner;
import org.kimberlite.registry.Jwk;
import org.kimberlite.shared.keys.MasterKey;
import org.kimberlite.shared.keys.MasterKeys;
import org.kimberlite.shared.keys.SealedKeyFile;
import org.kimberlite.shared.keys.SealedSecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * This node's transport key (Ed25519), kept sealed under the master key in {@code
 * kimberlite.federation.exchange.node-key-file}; made on first use, so that a single node (which
 * never uses it) has no such file. Its public part is listed in the directory; its kid is the RFC
 * 7638 thumbprint of its JWK.
 */
@Component
public class NodeKeys implements SealedSecrets {
  static final String HEADER = "kimberlite-sealed-node-key-v1";
  static final String PURPOSE = "federation.node-key";
  private static final String NAME = "kimberlite-node";
  private static final Logger log = LoggerFactory.getLogger(NodeKeys.class);

  private final SealedKeyFile file;
  private final MasterKeys keys;
  private @Nullable NoteSigner signer;

  public NodeKeys(ExchangeProperties properties, MasterKeys keys) {
    this.file = new SealedKeyFile(Path.of(properties.nodeKeyFile()), HEADER, PURPOSE);
    this.keys = keys;
  }

  /** The key, made and sealed on first use. */
  synchronized NoteSigner signer() {
    if (signer == null) {
      signer = load(keys.current());
    }
    return signer;
  }

  private NoteSigner load(MasterKey master) {
    Path path = file.file();
    try {
      if (!Files.exists(path)) {
        NoteSigner generated = NoteSigner.generate(NAME);
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        file.write(master, generated.vkey(), generated.skey());
        log.info("Created a new node transport key {} in {}", kid(generated), path);
        return generated;
      }
      SealedKeyFile.Opened opened = file.open(master, file.read());
      NoteSigner parsed = NoteSigner.parse(opened.secret());
      if (!parsed.vkey().equals(opened.publicName())) {
        throw new IllegalStateException("The node key in " + path + " is not the one it names");
      }
      return parsed;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the node key " + path, e);
    }
  }

  /** The raw public key. */
  public byte[] publicKey() {
    return signer().publicKey();
  }

  /** The key id: the RFC 7638 thumbprint of the public JWK. */
  public String kid() {
    return kid(signer());
  }

  /** An Ed25519 signature of {@code message}. */
  public byte[] sign(byte[] message) {
    return signer().sign(message);
  }

  private static String kid(NoteSigner s) {
    return Jwk.thumbprint(s.publicKey());
  }

  @Override
  public String name() {
    return "node key";
  }

  @Override
  public synchronized int resealBatch(MasterKey master, int max) {
    if (max < 1 || !Files.exists(file.file())) {
      return 0;
    }
    NoteSigner s = signer();
    try {
      return file.reseal(master, s.vkey(), s.skey()) ? 1 : 0;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot re-seal the node key " + file.file(), e);
    }
  }

  @Override
  public Map<String, Long> countBySealingKey(MasterKey master) {
    if (!Files.exists(file.file())) {
      return Map.of();
    }
    try {
      return file.countBySealingKey(master);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the node key " + file.file(), e);
    }
  }
}
