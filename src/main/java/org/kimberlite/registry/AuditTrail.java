package org.kimberlite.registry;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.ledger.Commitment;
import org.kimberlite.ledger.CommittedRecords;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.registry.internal.AuditRepository;
import org.kimberlite.shared.json.CanonicalJson;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audit records of administrative actions: every change to the registry made by a person
 * (participants, status decisions, compliant zones, organisations, accounts, tokens, signing keys)
 * writes who did what and when, in the same transaction as the change, and commits it to the
 * transparency log as a {@value #AUDIT_RECORD} record (private: the public log shows only that the
 * organisation did something at that time). The secretariat reads every record, an organisation's
 * administrators their own organisation's; the audit recomputes each one from its row.
 */
@Service
public class AuditTrail implements CommittedRecords {
  public static final String AUDIT_RECORD = "registry.audit-record";
  public static final int MAX_PAGE_SIZE = 500;
  public static final int MAX_PAGE = 100_000;

  private final AuditRepository repository;
  private final TransparencyLog log;
  private final Clock clock;

  AuditTrail(AuditRepository repository, TransparencyLog log, Clock clock) {
    this.repository = repository;
    this.log = log;
    this.clock = clock;
  }

  /** Records an action of {@code who}; must run in the action's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public AuditRecord record(
      Caller who, String action, String subject, Map<String, ? extends @Nullable Object> details) {
    AuditRecord r =
        new AuditRecord(
            UUID.randomUUID(),
            clock.instant().truncatedTo(ChronoUnit.MILLIS),
            who.accountId(),
            who.username(),
            who.organisationId(),
            action,
            subject,
            CanonicalJson.string(details));
    repository.insert(r);
    log.record(
        Commitment.privateRecord(
            AUDIT_RECORD,
            r.id().toString(),
            r.organisationId().toString(),
            r.recordedAt(),
            committed(r),
            Set.of(r.organisationId())));
    return r;
  }

  /** The committed shape of a record. */
  static Map<String, Object> committed(AuditRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id().toString());
    m.put("recordedAt", r.recordedAt().toString());
    m.put("accountId", r.accountId().toString());
    m.put("username", r.username());
    m.put("organisationId", r.organisationId().toString());
    m.put("action", r.action());
    m.put("subject", r.subject());
    m.put("details", r.details());
    return m;
  }

  /**
   * A page of records, newest first: every record for the secretariat, the own organisation's for
   * an administrator of any other organisation; refused for anyone else.
   */
  @Transactional(readOnly = true)
  public AuditPage read(Caller caller, int page, int size) {
    if (size < 1 || size > MAX_PAGE_SIZE) {
      return new AuditPage.Invalid("size", "size from 1 to " + MAX_PAGE_SIZE);
    }
    if (page < 0 || page > MAX_PAGE) {
      return new AuditPage.Invalid("page", "page from 0 to " + MAX_PAGE);
    }
    if (caller.has(OrganisationRole.KP_SECRETARIAT)) {
      return new AuditPage.Listed(repository.page(null, page, size));
    }
    if (caller.admin()) {
      return new AuditPage.Listed(repository.page(caller.organisationId(), page, size));
    }
    return new AuditPage.NotAllowed();
  }

  @Override
  public Set<String> types() {
    return Set.of(AUDIT_RECORD);
  }

  @Override
  public Optional<Map<String, ?>> current(String type, String recordId) {
    if (!type.equals(AUDIT_RECORD)) {
      return Optional.empty();
    }
    return CommittedRecords.uuid(recordId)
        .flatMap(id -> repository.find(id).map(AuditTrail::committed));
  }

  @Override
  public List<String> ids(String type) {
    return type.equals(AUDIT_RECORD)
        ? repository.ids().stream().map(UUID::toString).toList()
        : List.of();
  }
}
