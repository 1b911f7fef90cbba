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
import org.kimberlite.registry.internal.ParticipantRepository;
import org.kimberlite.shared.ParticipantCode;
import org.springframework.stereotype.Component;

/**
 * The registry's records in the transparency log: every status decision and compliant zone is
 * committed when it is recorded, in the same transaction, and can be recomputed for the audit.
 */
@Component
public class RegistryRecords implements CommittedRecords {
  public static final String STATUS_CHANGE = "registry.status-change";
  public static final String COMPLIANT_ZONE = "registry.compliant-zone";

  private final ParticipantRepository repository;

  RegistryRecords(ParticipantRepository repository) {
    this.repository = repository;
  }

  /** The committed shape of a status decision. */
  static Map<String, @Nullable Object> statusChange(ParticipantCode participant, StatusChange c) {
    Map<String, @Nullable Object> r = new LinkedHashMap<>();
    r.put("participant", participant.code());
    r.put("change", c.type().name());
    r.put("status", c.status().name());
    r.put("effectiveOn", c.effectiveOn().toString());
    r.put("precision", c.precision().name());
    r.put("reason", c.reason());
    r.put("source", c.source());
    r.put("recordedAt", c.recordedAt().toString());
    r.put("recordedBy", c.recordedBy());
    return r;
  }

  /** The committed shape of a compliant zone. */
  static Map<String, @Nullable Object> zone(
      ParticipantCode participant, CompliantZone z, Instant recordedAt, String recordedBy) {
    Map<String, @Nullable Object> r = new LinkedHashMap<>();
    r.put("participant", participant.code());
    r.put("zone", z.name());
    r.put("effectiveFrom", z.effectiveFrom().toString());
    r.put("effectiveUntil", z.effectiveUntil() == null ? null : z.effectiveUntil().toString());
    r.put("precision", z.precision().name());
    r.put("reason", z.reason());
    r.put("recordedAt", recordedAt.toString());
    r.put("recordedBy", recordedBy);
    return r;
  }

  public static Commitment changeCommitment(
      long id, ParticipantCode participant, StatusChange c, String issuer) {
    return Commitment.publicRecord(
        STATUS_CHANGE, Long.toString(id), issuer, c.recordedAt(), statusChange(participant, c));
  }

  public static Commitment zoneCommitment(
      long id, ParticipantCode participant, CompliantZone z, Instant at, String by, String issuer) {
    return Commitment.publicRecord(
        COMPLIANT_ZONE, Long.toString(id), issuer, at, zone(participant, z, at, by));
  }

  @Override
  public Set<String> types() {
    return Set.of(STATUS_CHANGE, COMPLIANT_ZONE);
  }

  @Override
  public Optional<Map<String, ?>> current(String type, String recordId) {
    long id;
    try {
      id = Long.parseLong(recordId);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (type.equals(STATUS_CHANGE)) {
      return repository.change(id).map(e -> statusChange(e.getKey(), e.getValue()));
    }
    if (type.equals(COMPLIANT_ZONE)) {
      return repository
          .zoneRow(id)
          .map(
              row ->
                  zone(
                      (ParticipantCode) row.get("participant"),
                      (CompliantZone) row.get("zone"),
                      (Instant) row.get("recordedAt"),
                      (String) row.get("recordedBy")));
    }
    return Optional.empty();
  }

  @Override
  public List<String> ids(String type) {
    List<Long> ids =
        type.equals(STATUS_CHANGE)
            ? repository.changeIds()
            : type.equals(COMPLIANT_ZONE) ? repository.zoneIds() : List.of();
    return ids.stream().map(String::valueOf).toList();
  }
}
