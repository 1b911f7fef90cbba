package org.kimberlite.registry;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kimberlite.ledger.Commitment;
import org.kimberlite.ledger.CommittedRecords;
import org.kimberlite.registry.internal.SigningKeyRepository;
import org.kimberlite.registry.internal.SigningKeyRepository.KeyRow;
import org.springframework.stereotype.Component;

/**
 * Signing keys in the transparency log: every key event (created, retired, revoked) commits the
 * key's public record in the same transaction, so the log shows which keys an authority held and
 * when; the audit recomputes each record from the {@code signing_key} table.
 */
@Component
public class SigningKeyRecords implements CommittedRecords {
  public static final String SIGNING_KEY = "registry.signing-key";

  /** The issuer of the platform's own (trust-list) key records. */
  public static final String PLATFORM_ISSUER = "kimberlite-platform";

  private final SigningKeyRepository repository;

  SigningKeyRecords(SigningKeyRepository repository) {
    this.repository = repository;
  }

  /** The committed shape of a key: its public part and its life so far. */
  static Map<String, @Nullable Object> record(KeyRow k) {
    Map<String, @Nullable Object> r = new LinkedHashMap<>();
    r.put("kid", k.kid());
    r.put("purpose", k.purpose());
    r.put("event", event(k));
    r.put("organisationId", k.organisationId() == null ? null : k.organisationId().toString());
    r.put("participant", k.participant() == null ? null : k.participant().code());
    r.put("jwk", Jwk.publicJwk(k.publicKey()));
    r.put("createdAt", k.createdAt().toString());
    r.put("retiredAt", k.retiredAt() == null ? null : k.retiredAt().toString());
    r.put("revokedAt", k.revokedAt() == null ? null : k.revokedAt().toString());
    r.put("revocationReason", k.revocationReason());
    if (k.compromisedAt() != null) {
      // only when the revocation named one, so records committed before this member stay the same
      r.put("compromisedAt", k.compromisedAt().toString());
    }
    return r;
  }

  private static String event(KeyRow k) {
    return switch (k.status()) {
      case ACTIVE -> "created";
      case RETIRED -> "retired";
      case REVOKED -> "revoked";
    };
  }

  /** The commitment of the key's latest event. */
  static Commitment commitment(KeyRow k) {
    Instant at =
        k.revokedAt() != null
            ? k.revokedAt()
            : k.retiredAt() != null ? k.retiredAt() : k.createdAt();
    String issuer = k.organisationId() == null ? PLATFORM_ISSUER : k.organisationId().toString();
    return Commitment.publicRecord(SIGNING_KEY, k.kid(), issuer, at, record(k));
  }

  @Override
  public Set<String> types() {
    return Set.of(SIGNING_KEY);
  }

  @Override
  public Optional<Map<String, ?>> current(String type, String recordId) {
    if (!type.equals(SIGNING_KEY)) {
      return Optional.empty();
    }
    return repository.find(recordId).map(SigningKeyRecords::record);
  }

  @Override
  public List<String> ids(String type) {
    return type.equals(SIGNING_KEY) ? repository.kids() : List.of();
  }
}
