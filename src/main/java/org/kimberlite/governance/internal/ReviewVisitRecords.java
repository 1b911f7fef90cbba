package org.kimberlite.governance.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.kimberlite.governance.ActionItem;
import org.kimberlite.governance.ReviewVisit;
import org.kimberlite.governance.ReviewVisitId;
import org.kimberlite.governance.ReviewVisitResponse;
import org.kimberlite.governance.VisitFinding;
import org.kimberlite.governance.VisitTeamMember;
import org.kimberlite.ledger.Commitment;
import org.kimberlite.ledger.CommittedRecords;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A visit's report in the transparency log: the team's findings when they are recorded, and the
 * participant's response with its action plan when it is recorded, each a private record (the
 * public sees that a report was made, the team, the secretariat and the participant read it). The
 * audit recomputes both from the visit's tables.
 */
@Component
public class ReviewVisitRecords implements CommittedRecords {
  /** The record type of a visit's findings. */
  public static final String FINDINGS = "governance.review-visit-findings";

  /** The record type of a participant's response and action plan. */
  public static final String RESPONSE = "governance.review-visit-response";

  private final ReviewVisitRepository repository;

  ReviewVisitRecords(ReviewVisitRepository repository) {
    this.repository = repository;
  }

  /** The committed shape of the findings. */
  public static Map<String, Object> findings(ReviewVisit v) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("visit", v.id().toString());
    r.put("participant", v.participant().code());
    r.put("startsOn", v.startsOn().toString());
    r.put("endsOn", v.endsOn().toString());
    r.put(
        "team",
        v.team().stream()
            .map(m -> Map.of("organisationId", m.organisationId().toString(), "lead", m.lead()))
            .toList());
    r.put("findings", v.findings().stream().map(ReviewVisitRecords::finding).toList());
    r.put("recordedBy", String.valueOf(v.conductedBy()));
    r.put("recordedAt", String.valueOf(v.conductedAt()));
    return r;
  }

  /** The committed shape of the response and its plan. */
  public static Map<String, Object> response(ReviewVisit v, ReviewVisitResponse response) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("visit", v.id().toString());
    r.put("participant", v.participant().code());
    r.put("response", response.text());
    r.put("organisationId", response.organisationId().toString());
    r.put("respondedBy", response.respondedBy());
    r.put("respondedAt", response.respondedAt().toString());
    r.put("actions", v.actions().stream().map(ReviewVisitRecords::action).toList());
    return r;
  }

  /** The commitment of a visit's findings, once recorded. */
  public static Commitment findingsCommitment(ReviewVisit v) {
    return Commitment.privateRecord(
        FINDINGS,
        v.id().toString(),
        v.plannedByOrganisation().toString(),
        v.conductedAt() == null ? v.plannedAt() : v.conductedAt(),
        findings(v),
        audience(v));
  }

  /** The commitment of a visit's response and plan, once recorded. */
  public static Commitment responseCommitment(ReviewVisit v, ReviewVisitResponse response) {
    Set<UUID> audience = new HashSet<>(audience(v));
    audience.add(response.organisationId());
    return Commitment.privateRecord(
        RESPONSE,
        v.id().toString(),
        response.organisationId().toString(),
        response.respondedAt(),
        response(v, response),
        audience);
  }

  private static Set<UUID> audience(ReviewVisit v) {
    Set<UUID> audience = new HashSet<>();
    audience.add(v.plannedByOrganisation());
    v.team().stream().map(VisitTeamMember::organisationId).forEach(audience::add);
    return audience;
  }

  private static Map<String, Object> finding(VisitFinding f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("number", f.number());
    m.put("requirement", f.requirement().code());
    m.put("observation", f.observation());
    m.put("recommendation", f.recommendation());
    return m;
  }

  private static Map<String, Object> action(ActionItem a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("number", a.number());
    m.put("finding", a.finding());
    m.put("description", a.description());
    m.put("dueOn", a.dueOn().toString());
    return m;
  }

  @Override
  public Set<String> types() {
    return Set.of(FINDINGS, RESPONSE);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Map<String, ?>> current(String type, String recordId) {
    Optional<ReviewVisit> visit = ReviewVisitId.parse(recordId).flatMap(repository::find);
    if (visit.isEmpty()) {
      return Optional.empty();
    }
    ReviewVisit v = visit.get();
    if (type.equals(FINDINGS) && v.conductedAt() != null) {
      return Optional.of(findings(v));
    }
    ReviewVisitResponse response = v.response();
    if (type.equals(RESPONSE) && response != null) {
      return Optional.of(response(v, response));
    }
    return Optional.empty();
  }

  @Override
  @Transactional(readOnly = true)
  public List<String> ids(String type) {
    if (!types().contains(type)) {
      return List.of();
    }
    return repository.ids(type.equals(RESPONSE)).stream().map(ReviewVisitId::toString).toList();
  }
}
