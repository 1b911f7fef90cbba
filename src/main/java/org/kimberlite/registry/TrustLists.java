package org.kimberlite.registry;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.platform.web.WebProperties;
import org.kimberlite.registry.internal.SealedKeys;
import org.kimberlite.registry.internal.SigningKeyRepository;
import org.kimberlite.registry.internal.SigningKeyRepository.KeyRow;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the trust list: every authority key, signed by the platform's own trust-list key (an
 * Ed25519 key kept sealed like the authorities' keys, made on first use and committed to the log).
 */
@Service
public class TrustLists {
  static final String PLATFORM_OWNER = "platform:trust-list";

  private final SigningKeyRepository repository;
  private final SealedKeys vault;
  private final TransparencyLog log;
  private final Clock clock;
  private final TransactionTemplate tx;
  private final TransactionTemplate readOnly;
  private final String issuer;

  TrustLists(
      SigningKeyRepository repository,
      SealedKeys vault,
      TransparencyLog log,
      Clock clock,
      PlatformTransactionManager transactions,
      WebProperties web) {
    this.repository = repository;
    this.vault = vault;
    this.log = log;
    this.clock = clock;
    this.tx = new TransactionTemplate(transactions);
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
    String url = web.publicUrl();
    this.issuer = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** The platform origin named as the list's issuer. */
  public String issuer() {
    return issuer;
  }

  /** The list as of now: every authority key of every participant. */
  public TrustList current() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    return readOnly.execute(
        s ->
            new TrustList(
                issuer,
                now,
                repository.all(SigningKeyRepository.AUTHORITY).stream()
                    .map(Signatures::trusted)
                    .toList()));
  }

  /** The current list as a JWS signed with the platform's trust-list key. */
  public String publish() {
    return sign(current());
  }

  /** Signs {@code list} with the platform's trust-list key. */
  public String sign(TrustList list) {
    KeyRow key = platformKey();
    return Jws.sign(
        Jws.header(key.kid(), TrustList.TYPE),
        list.toJson().getBytes(StandardCharsets.UTF_8),
        input -> vault.sign(key, input));
  }

  /**
   * Signs another platform document (the federation directory) with the trust-list key, as a JWS of
   * type {@code typ}; read it back with {@link SignedDocuments#open}.
   */
  public String signDocument(String typ, byte[] payload) {
    if (typ.equals(TrustList.TYPE) || !typ.startsWith("kimberlite-")) {
      throw new IllegalArgumentException("A platform document has its own kimberlite- type");
    }
    KeyRow key = platformKey();
    return Jws.sign(Jws.header(key.kid(), typ), payload, input -> vault.sign(key, input));
  }

  /** The platform's trust-list public key, raw (32 bytes). */
  public byte[] platformPublicKey() {
    return platformKey().publicKey();
  }

  /** The platform's trust-list public key as a JWK with its kid, use and alg. */
  public Map<String, String> platformJwk() {
    KeyRow key = platformKey();
    Map<String, String> jwk = new LinkedHashMap<>(Jwk.publicJwk(key.publicKey()));
    jwk.put("kid", key.kid());
    jwk.put("use", "sig");
    jwk.put("alg", Jws.ALGORITHM);
    return jwk;
  }

  /** The platform's active trust-list key, made (and committed to the log) on first use. */
  KeyRow platformKey() {
    var existing = readOnly.execute(s -> repository.active(PLATFORM_OWNER));
    if (existing != null && existing.isPresent()) {
      return existing.get();
    }
    try {
      KeyRow made =
          tx.execute(
              s ->
                  repository
                      .active(PLATFORM_OWNER)
                      .orElseGet(
                          () -> {
                            KeyRow row =
                                vault.create(
                                    SigningKeyRepository.TRUST_LIST,
                                    null,
                                    null,
                                    PLATFORM_OWNER,
                                    clock.instant().truncatedTo(ChronoUnit.MILLIS));
                            log.record(SigningKeyRecords.commitment(row));
                            return row;
                          }));
      if (made == null) {
        throw new IllegalStateException("No trust-list key");
      }
      return made;
    } catch (DuplicateKeyException raced) {
      // another process or request made it at the same moment: use theirs
      var theirs = readOnly.execute(s -> repository.active(PLATFORM_OWNER));
      if (theirs == null || theirs.isEmpty()) {
        throw raced;
      }
      return theirs.get();
    }
  }
}
