package org.kimberlite.governance.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.governance.MonitoringTotals;
import org.kimberlite.governance.Recommendation;
import org.kimberlite.ledger.Commitment;
import org.kimberlite.ledger.CommittedRecords;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monitoring teams' recommendations in the transparency log: each is committed when recorded, with
 * its frozen evidence; the record is readable by the recording organisation and the participant's
 * monitoring team as seated then, the public sees its commitment.
 */
@Component
public class RecommendationRecords implements CommittedRecords {
  public static final String RECOMMENDATION = "governance.monitoring-recommendation";

  private final RecommendationRepository repository;

  RecommendationRecords(RecommendationRepository repository) {
    this.repository = repository;
  }

  /** The committed shape of a recommendation. */
  public static Map<String, @Nullable Object> committed(Recommendation r) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    m.put("id", r.id().toString());
    m.put("participant", r.participant().code());
    m.put("recommendedOn", r.recommendedOn().toString());
    m.put("text", r.text());
    Map<String, Object> evidence = new LinkedHashMap<>();
    MonitoringTotals t = r.evidence();
    evidence.put("from", r.evidenceFrom().toString());
    evidence.put("to", r.evidenceTo().toString());
    evidence.put("asOf", r.evidenceAsOf().toString());
    evidence.put("deadlineDays", r.deadlineDays());
    evidence.put("exports", t.exports());
    evidence.put("carats", t.carats().toString());
    evidence.put("valueUsd", t.valueUsd().toString());
    evidence.put("confirmed", t.confirmed());
    evidence.put("late", t.late());
    evidence.put("unconfirmed", t.unconfirmed());
    evidence.put("awaiting", t.awaiting());
    evidence.put("inZone", t.inZone());
    evidence.put("outsideZone", t.outsideZone());
    evidence.put("notUnderFramework", t.notUnderFramework());
    evidence.put("truncated", r.evidenceTruncated());
    m.put("evidence", evidence);
    m.put("source", r.source());
    m.put("organisationId", r.organisationId() == null ? null : r.organisationId().toString());
    m.put("organisationName", r.organisationName());
    m.put("recordedAt", r.recordedAt().toString());
    m.put("recordedBy", r.recordedBy());
    return m;
  }

  /** The commitment of a recommendation, readable in full by {@code audience}. */
  public static Commitment commitment(Recommendation r, String issuer, Set<UUID> audience) {
    return Commitment.privateRecord(
        RECOMMENDATION, r.id().toString(), issuer, r.recordedAt(), committed(r), audience);
  }

  @Override
  public Set<String> types() {
    return Set.of(RECOMMENDATION);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Map<String, ?>> current(String type, String recordId) {
    Optional<UUID> id = CommittedRecords.uuid(recordId);
    if (!type.equals(RECOMMENDATION) || id.isEmpty()) {
      return Optional.empty();
    }
    return repository.find(id.get()).map(RecommendationRecords::committed);
  }

  @Override
  @Transactional(readOnly = true)
  public List<String> ids(String type) {
    return type.equals(RECOMMENDATION)
        ? repository.ids().stream().map(UUID::toString).toList()
        : List.of();
  }
}
