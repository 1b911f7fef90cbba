package org.kimberlite.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.registry.internal.OrganisationRepository;
import org.kimberlite.registry.internal.SealedKeys;
import org.kimberlite.registry.internal.SigningKeyRepository;
import org.kimberlite.registry.internal.SigningKeyRepository.KeyRow;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.problem.Problem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KP authorities' Ed25519 signing keys. Each authority has one active key, made on its first
 * signature; rotation retires it (its signatures keep verifying) and makes a new one; revocation
 * withdraws a key for good (its signatures are refused from then on). Every key event is committed
 * to the transparency log in the same transaction. Private keys stay sealed in {@link SealedKeys}.
 */
@Service
public class SigningKeys {
  static final int MAX_REASON = 500;

  private final SigningKeyRepository repository;
  private final SealedKeys vault;
  private final OrganisationRepository organisations;
  private final TransparencyLog log;
  private final Clock clock;
  private final AuditTrail audit;

  SigningKeys(
      SigningKeyRepository repository,
      SealedKeys vault,
      OrganisationRepository organisations,
      TransparencyLog log,
      Clock clock,
      AuditTrail audit) {
    this.audit = audit;
    this.repository = repository;
    this.vault = vault;
    this.organisations = organisations;
    this.log = log;
    this.clock = clock;
  }

  /** Key times are kept to the millisecond, as the databases and the log hold them. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * The authority's active key, made now if it has none (first signature, or after revoking its
   * active key).
   *
   * @throws Problem 404 for an unknown organisation, 403 when it is not a KP authority
   */
  @Transactional
  public SigningKey activeKey(UUID organisationId) {
    return key(activeRow(organisationId));
  }

  /** The active key's row, made if there is none; for signing. */
  KeyRow activeRow(UUID organisationId) {
    Organisation authority = authority(organisationId);
    String owner = organisationId.toString();
    Optional<KeyRow> active = repository.active(owner);
    if (active.isPresent()) {
      return active.get();
    }
    repository.lockOrganisation(organisationId);
    return repository.active(owner).orElseGet(() -> create(authority, now()));
  }

  /** Rotates the caller's authority's key: retires the active key and makes a new one. */
  @Transactional
  public KeyChange rotate(Caller caller) {
    if (!caller.has(OrganisationRole.KP_AUTHORITY)) {
      return new KeyChange.NotAllowed(Set.of(OrganisationRole.KP_AUTHORITY));
    }
    if (!caller.admin()) {
      return new KeyChange.NotAnAdministrator();
    }
    Optional<Organisation> found = organisations.directoryEntry(caller.organisationId());
    if (found.isEmpty()) {
      return new KeyChange.UnknownOrganisation(caller.organisationId());
    }
    Organisation authority = found.get();
    if (!authority.has(OrganisationRole.KP_AUTHORITY)) {
      return new KeyChange.NotAnAuthority(authority.name());
    }
    if (authority.participant() == null) {
      return new KeyChange.NoParticipant(authority.name());
    }
    repository.lockOrganisation(authority.id());
    Instant at = now();
    Optional<KeyRow> current = repository.active(authority.id().toString());
    if (current.isPresent()) {
      KeyRow old = current.get();
      if (repository.retire(old.kid(), old.version(), at) != 1) {
        return new KeyChange.ChangedMeanwhile();
      }
      log.record(SigningKeyRecords.commitment(repository.find(old.kid()).orElseThrow()));
    }
    KeyRow made = create(authority, at);
    audit.record(
        caller,
        "signing-key.rotation",
        made.kid(),
        Participants.details("retired", current.map(KeyRow::kid).orElse(null)));
    return new KeyChange.Changed(key(made));
  }

  /**
   * Revokes one of the caller's authority's keys, active or retired: from now on every signature
   * made with it is refused.
   */
  @Transactional
  public KeyChange revoke(Caller caller, String kid, String reason) {
    return revoke(caller, kid, reason, null);
  }

  /**
   * Revokes one of the caller's authority's keys, active or retired, as compromised from {@code
   * compromisedAt}: signatures shown to be made before it still verify, marked {@value
   * Verified#SIGNED_WITH_KEY_LATER_REVOKED}; later ones are refused. Without a compromise time
   * every signature of the key is refused. The revocation, with its time, compromise time and
   * reason, is committed to the log.
   */
  @Transactional
  public KeyChange revoke(
      Caller caller, String kid, String reason, @Nullable Instant compromisedAt) {
    if (!caller.has(OrganisationRole.KP_AUTHORITY)) {
      return new KeyChange.NotAllowed(Set.of(OrganisationRole.KP_AUTHORITY));
    }
    String why = reason.strip();
    if (why.isEmpty() || why.length() > MAX_REASON) {
      return new KeyChange.Refused(
          RuleBreach.invalid("reason", "must have 1 to " + MAX_REASON + " characters"));
    }
    if (ownKey(caller, kid).isEmpty()) {
      return new KeyChange.NotYours(kid);
    }
    if (!caller.admin()) {
      return new KeyChange.NotAnAdministrator();
    }
    repository.lockOrganisation(caller.organisationId());
    Optional<KeyRow> own = ownKey(caller, kid);
    if (own.isEmpty()) {
      return new KeyChange.NotYours(kid);
    }
    KeyRow key = own.get();
    if (key.revokedAt() != null) {
      return new KeyChange.AlreadyRevoked(kid, key.revokedAt());
    }
    Instant at = now();
    Instant compromise =
        compromisedAt == null ? null : compromisedAt.truncatedTo(ChronoUnit.MILLIS);
    if (compromise != null && (compromise.isBefore(key.createdAt()) || compromise.isAfter(at))) {
      return new KeyChange.Refused(
          RuleBreach.invalid(
              "compromisedAt",
              "must lie between the key's creation ("
                  + key.createdAt()
                  + ") and now ("
                  + at
                  + ")"));
    }
    if (repository.revoke(kid, caller.organisationId(), key.version(), at, compromise, why) != 1) {
      return new KeyChange.ChangedMeanwhile();
    }
    KeyRow revoked = repository.find(kid).orElseThrow();
    log.record(SigningKeyRecords.commitment(revoked));
    audit.record(caller, "signing-key.revocation", kid, Participants.details("reason", why));
    return new KeyChange.Changed(key(revoked));
  }

  /** An authority key by its id, in any status. */
  @Transactional(readOnly = true)
  public Optional<SigningKey> find(String kid) {
    return authorityRow(kid).map(SigningKeys::key);
  }

  /** Why a revoked key was revoked, as its authority said. */
  @Transactional(readOnly = true)
  public Optional<String> revocationReason(String kid) {
    return authorityRow(kid).map(KeyRow::revocationReason);
  }

  /** An organisation's keys, oldest first. */
  @Transactional(readOnly = true)
  public List<SigningKey> keysOf(UUID organisationId) {
    return repository.ofOrganisation(organisationId).stream().map(SigningKeys::key).toList();
  }

  /** Every authority key of every participant, in every status. */
  @Transactional(readOnly = true)
  public List<SigningKey> all() {
    return repository.all(SigningKeyRepository.AUTHORITY).stream().map(SigningKeys::key).toList();
  }

  Optional<KeyRow> authorityRow(String kid) {
    return repository.find(kid).filter(k -> SigningKeyRepository.AUTHORITY.equals(k.purpose()));
  }

  private Optional<KeyRow> ownKey(Caller caller, String kid) {
    return authorityRow(kid).filter(k -> caller.organisationId().equals(k.organisationId()));
  }

  private KeyRow create(Organisation authority, Instant at) {
    KeyRow row =
        vault.create(
            SigningKeyRepository.AUTHORITY,
            authority.id(),
            Objects.requireNonNull(authority.participant()),
            authority.id().toString(),
            at);
    log.record(SigningKeyRecords.commitment(row));
    return row;
  }

  private Organisation authority(UUID organisationId) {
    Organisation o =
        organisations
            .directoryEntry(organisationId)
            .orElseThrow(() -> Problem.notFound("No organisation " + organisationId + "."));
    if (!o.has(OrganisationRole.KP_AUTHORITY)) {
      throw Problem.forbidden(
          "Only a KP authority holds signing keys; " + o.name() + " is not one.");
    }
    if (o.participant() == null) {
      throw Problem.rule(
          "registry/no-participant",
          "No KP participant",
          "The authority " + o.name() + " belongs to no KP participant.");
    }
    return o;
  }

  static SigningKey key(KeyRow row) {
    UUID organisation = row.organisationId();
    ParticipantCode participant = row.participant();
    if (organisation == null || participant == null) {
      throw new IllegalStateException("Key " + row.kid() + " is not an authority key");
    }
    return new SigningKey(
        row.kid(),
        organisation,
        participant,
        row.publicKey(),
        row.createdAt(),
        row.retiredAt(),
        row.revokedAt(),
        row.effectiveCompromise());
  }
}
