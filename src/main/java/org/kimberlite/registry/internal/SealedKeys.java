package org.kimberlite.registry.internal;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.registry.Jwk;
import org.kimberlite.registry.internal.SigningKeyRepository.KeyRow;
import org.springframework.stereotype.Component;

/**
 * The key store: makes keys, seals their seeds under the master key before they reach the database,
 * and signs with a stored key by opening its seed for that one signature. No seed leaves this class
 * in clear.
 */
@Component
public class SealedKeys {
  private final MasterKey master;
  private final SigningKeyRepository repository;

  public SealedKeys(KeysProperties properties, SigningKeyRepository repository) {
    this.master = MasterKey.load(properties);
    this.repository = repository;
  }

  /** Makes a key, stores it sealed and active for {@code owner}, and returns its row. */
  public KeyRow create(
      String purpose,
      @Nullable UUID organisationId,
      @Nullable String participant,
      String owner,
      Instant at) {
    SealedSeed seed = SealedSeed.generate();
    try {
      byte[] publicKey = seed.publicKey();
      String kid = Jwk.thumbprint(publicKey);
      repository.insert(
          new SigningKeyRepository.NewKey(
              kid,
              purpose,
              organisationId,
              participant,
              publicKey,
              master.seal(kid, seed),
              owner,
              at));
      return repository.find(kid).orElseThrow();
    } finally {
      seed.destroy();
    }
  }

  /** Signs {@code message} with the stored key {@code key}. */
  public byte[] sign(KeyRow key, byte[] message) {
    SealedSeed seed = master.open(key.kid(), key.sealedSeed(), key.nonce());
    try {
      if (!MessageDigest.isEqual(seed.publicKey(), key.publicKey())) {
        throw new IllegalStateException(
            "The sealed seed of key " + key.kid() + " does not belong to its public key");
      }
      return seed.sign(message);
    } finally {
      seed.destroy();
    }
  }
}
