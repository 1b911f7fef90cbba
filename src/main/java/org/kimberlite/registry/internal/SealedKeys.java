package org.kimberlite.registry.internal;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.registry.Jwk;
import org.kimberlite.registry.internal.SigningKeyRepository.KeyRow;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.keys.MasterKey;
import org.kimberlite.shared.keys.MasterKeys;
import org.kimberlite.shared.keys.SealedSecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The key store: makes keys, seals their seeds under the master key before they reach the database,
 * and signs with a stored key by opening its seed for that one signature. No seed leaves this class
 * in clear. A seed is sealed as the secret of purpose {@code registry.signing-key.<PURPOSE>} of its
 * key id (see {@link MasterKey}) under the keyring's sealing key, whose id the row records; seeds
 * still in the format before Tink are re-sealed on start-up, seeds under an older master key by the
 * master-key rotation ({@link #resealBatch}).
 */
@Component
public class SealedKeys implements SmartInitializingSingleton, SealedSecrets {
  private static final Logger log = LoggerFactory.getLogger(SealedKeys.class);
  private final MasterKeys masterKeys;
  private final SigningKeyRepository repository;

  public SealedKeys(MasterKeys masterKeys, SigningKeyRepository repository) {
    this.masterKeys = masterKeys;
    this.repository = repository;
  }

  /** The purpose a seed of a key of {@code purpose} ({@code AUTHORITY}, ...) is sealed under. */
  static String sealPurpose(String purpose) {
    return "registry.signing-key." + purpose;
  }

  /** Makes a key, stores it sealed and active for {@code owner}, and returns its row. */
  public KeyRow create(
      String purpose,
      @Nullable UUID organisationId,
      @Nullable ParticipantCode participant,
      String owner,
      Instant at) {
    SealedSeed seed = SealedSeed.generate();
    MasterKey master = masterKeys.current();
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
              seal(master, purpose, kid, seed),
              master.primaryId(),
              owner,
              at));
      return repository.find(kid).orElseThrow();
    } finally {
      seed.destroy();
    }
  }

  private static byte[] seal(MasterKey master, String purpose, String kid, SealedSeed seed) {
    byte[] clear = seed.bytes(SeedAccess.INSTANCE);
    try {
      return master.seal(sealPurpose(purpose), kid, clear);
    } finally {
      Arrays.fill(clear, (byte) 0);
    }
  }

  private SealedSeed open(KeyRow key) {
    return open(masterKeys.current(), key);
  }

  private static SealedSeed open(MasterKey master, KeyRow key) {
    byte[] nonce = key.nonce();
    byte[] clear =
        key.sealFormat() == SigningKeyRepository.PRE_TINK && nonce != null
            ? master.openPreTink(key.kid(), key.sealedSeed(), nonce)
            : master.open(sealPurpose(key.purpose()), key.kid(), key.sealedSeed());
    try {
      SealedSeed seed = SealedSeed.of(clear);
      if (!MessageDigest.isEqual(seed.publicKey(), key.publicKey())) {
        seed.destroy();
        throw new IllegalStateException(
            "The sealed seed of key " + key.kid() + " does not belong to its public key");
      }
      return seed;
    } finally {
      Arrays.fill(clear, (byte) 0);
    }
  }

  /** Signs {@code message} with the stored key {@code key}. */
  public byte[] sign(KeyRow key, byte[] message) {
    SealedSeed seed = open(key);
    try {
      return seed.sign(message);
    } finally {
      seed.destroy();
    }
  }

  /**
   * Re-seals every seed still in the format before Tink (data directories made by earlier
   * versions); returns how many it re-sealed. Idempotent, and safe when two servers start at once.
   */
  public int resealBeforeTink() {
    int count = 0;
    MasterKey master = masterKeys.current();
    for (KeyRow key : repository.sealedBeforeTink()) {
      SealedSeed seed = open(master, key);
      try {
        count +=
            repository.reseal(
                key.kid(), seal(master, key.purpose(), key.kid(), seed), master.primaryId());
      } finally {
        seed.destroy();
      }
    }
    if (count > 0) {
      log.info("Re-sealed {} signing key seed(s) with Tink AEAD", count);
    }
    return count;
  }

  @Override
  public String name() {
    return "signing keys";
  }

  /**
   * Re-seals under the sealing key up to {@code max} seeds (Tink format) sealed under another key
   * of {@code master} or under a key not recorded yet; a row changed meanwhile is left to the next
   * batch.
   */
  @Override
  public int resealBatch(MasterKey master, int max) {
    int count = 0;
    for (KeyRow key : repository.toReseal(master.primaryId(), master.ids(), max)) {
      SealedSeed seed = open(master, key);
      try {
        count +=
            repository.resealed(
                key.kid(),
                key.sealedSeed(),
                seal(master, key.purpose(), key.kid(), seed),
                master.primaryId());
      } finally {
        seed.destroy();
      }
    }
    return count;
  }

  @Override
  public Map<String, Long> countBySealingKey(MasterKey master) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Map.Entry<Integer, Long> e : repository.countByMasterKey().entrySet()) {
      String key = e.getKey() == null ? UNKNOWN : MasterKey.hex(e.getKey());
      counts.merge(key, e.getValue(), Long::sum);
    }
    return counts;
  }

  /** Opens every stored seed once; returns how many opened (a check after retiring old keys). */
  public int openAll() {
    int opened = 0;
    for (String purpose :
        List.of(SigningKeyRepository.AUTHORITY, SigningKeyRepository.TRUST_LIST)) {
      for (KeyRow key : repository.all(purpose)) {
        open(key).destroy();
        opened++;
      }
    }
    return opened;
  }

  @Override
  public void afterSingletonsInstantiated() {
    resealBeforeTink();
  }
}
