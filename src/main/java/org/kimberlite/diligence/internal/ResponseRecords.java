package org.kimberlite.diligence.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.diligence.Decision;
import org.kimberlite.diligence.Response;
import org.kimberlite.ledger.CommittedRecords;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Responses to findings in the transparency log (OECD step 3): each response commits this record
 * when it is recorded, and the audit recomputes it from {@code diligence_response}, so a response
 * edited or deleted behind the platform's back is found.
 */
@Component
public class ResponseRecords implements CommittedRecords {
  /** The record type of a response in the log. */
  public static final String TYPE = "diligence.response";

  private final FindingRepository repository;

  ResponseRecords(FindingRepository repository) {
    this.repository = repository;
  }

  /** The committed shape of a response to the finding {@code findingId} of {@code rule}. */
  public static Map<String, Object> record(
      UUID findingId,
      String rule,
      Decision decision,
      @Nullable String plan,
      @Nullable LocalDate reviewOn,
      UUID organisation,
      String responder,
      Instant at) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("finding", findingId.toString());
    record.put("rule", rule);
    record.put("decision", decision.name());
    record.put("plan", plan == null ? "" : plan);
    record.put("reviewOn", reviewOn == null ? "" : reviewOn.toString());
    record.put("organisation", organisation.toString());
    record.put("responder", responder);
    record.put("at", at.toString());
    return record;
  }

  private static Map<String, Object> record(FindingRepository.StoredResponse s) {
    Response r = s.response();
    return record(
        s.findingId(),
        s.rule(),
        r.decision(),
        r.plan(),
        r.reviewOn(),
        r.organisationId(),
        r.responder(),
        r.respondedAt());
  }

  @Override
  public Set<String> types() {
    return Set.of(TYPE);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Map<String, ?>> current(String type, String recordId) {
    if (!type.equals(TYPE)) {
      return Optional.empty();
    }
    return CommittedRecords.uuid(recordId)
        .flatMap(id -> repository.response(id).map(ResponseRecords::record));
  }

  @Override
  @Transactional(readOnly = true)
  public List<String> ids(String type) {
    return type.equals(TYPE)
        ? repository.responseIds().stream().map(UUID::toString).toList()
        : List.of();
  }
}
