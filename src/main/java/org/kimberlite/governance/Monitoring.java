package org.kimberlite.governance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.ExportConfirmation;
import org.kimberlite.certification.ExportConfirmations;
import org.kimberlite.governance.internal.MonitoringPolicy;
import org.kimberlite.governance.internal.RecommendationRecords;
import org.kimberlite.governance.internal.RecommendationRepository;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.registry.AuditTrail;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.ParticipantDetail;
import org.kimberlite.registry.ParticipantHistory;
import org.kimberlite.registry.Participants;
import org.kimberlite.shared.ParticipantCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-entry monitoring (docs/governance.md, "Re-entry monitoring"): a participant's exports over a
 * period, each matched with its import confirmation and flagged against the confirmation deadline
 * and against the compliant zones in force on its day; and the recommendations to lift the
 * participant's restrictions, each with the figures it rests on frozen into it. The participant's
 * monitoring team and the secretariat read and recommend; members of the Working Group on
 * Monitoring read.
 */
@Service
public class Monitoring {
  /** The most exports one report reads; a longer period's figures cover the oldest only. */
  public static final int MAX_EXPORTS = 5_000;

  /** The longest period a report covers, in days. */
  public static final long MAX_DAYS = ExportConfirmations.MAX_DAYS;

  private static final int PAGE = 1_000;

  private final ExportConfirmations exports;
  private final RecommendationRepository recommendations;
  private final Memberships memberships;
  private final Participants participants;
  private final TransparencyLog log;
  private final AuditTrail audit;
  private final MonitoringProperties properties;
  private final Clock clock;

  Monitoring(
      ExportConfirmations exports,
      RecommendationRepository recommendations,
      Memberships memberships,
      Participants participants,
      TransparencyLog log,
      AuditTrail audit,
      MonitoringProperties properties,
      Clock clock) {
    this.exports = exports;
    this.recommendations = recommendations;
    this.memberships = memberships;
    this.participants = participants;
    this.log = log;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /**
   * Whether the caller may follow some participant's monitoring at all: the secretariat, a member
   * of the Working Group on Monitoring or of a monitoring team, a KP authority (its own
   * participant's). Asked before reading a request.
   */
  @Transactional(readOnly = true)
  public boolean followsAny(Caller caller) {
    return caller.has(OrganisationRole.KP_SECRETARIAT)
        || caller.has(OrganisationRole.KP_AUTHORITY)
        || !memberships.of(caller).isEmpty();
  }

  /**
   * Whether the caller reads {@code participant}'s monitoring: the secretariat, a member of the
   * Working Group on Monitoring, or of the participant's monitoring team, and the participant's own
   * KP authority, which is told how its exports are judged (it records no recommendation).
   */
  @Transactional(readOnly = true)
  public boolean reads(Caller caller, ParticipantCode participant) {
    return recommends(caller, participant)
        || (caller.has(OrganisationRole.KP_AUTHORITY) && participant.equals(caller.participant()))
        || memberships.sits(caller, Body.WORKING_GROUP_ON_MONITORING, null);
  }

  /**
   * Whether the caller records recommendations on {@code participant}: its team, the secretariat.
   */
  @Transactional(readOnly = true)
  public boolean recommends(Caller caller, ParticipantCode participant) {
    return caller.has(OrganisationRole.KP_SECRETARIAT)
        || memberships.sits(caller, Body.MONITORING_TEAM, participant);
  }

  /** The participant's exports issued from {@code from} to {@code to}, matched and flagged. */
  @Transactional(readOnly = true)
  public MonitoringOutcome report(
      Caller caller, ParticipantCode participant, LocalDate from, LocalDate to) {
    if (!reads(caller, participant)) {
      return new MonitoringOutcome.NotAllowed();
    }
    Map<String, String> errors = period(from, to);
    if (!errors.isEmpty()) {
      return new MonitoringOutcome.Invalid(errors);
    }
    return history(participant)
        .<MonitoringOutcome>map(h -> new MonitoringOutcome.Report(compute(h, from, to)))
        .orElseGet(() -> new MonitoringOutcome.Unknown(participant.code()));
  }

  /**
   * Records a recommendation to lift the participant's restrictions, computing the monitoring
   * figures over the stated period and freezing them into it; committed to the transparency log and
   * audited.
   */
  @Transactional
  public MonitoringOutcome recommend(
      Caller caller, ParticipantCode participant, NewRecommendation request) {
    if (!recommends(caller, participant)) {
      return new MonitoringOutcome.NotAllowed();
    }
    Optional<ParticipantHistory> history = history(participant);
    if (history.isEmpty()) {
      return new MonitoringOutcome.Unknown(participant.code());
    }
    Map<String, String> errors = check(request, today());
    if (!errors.isEmpty()) {
      return new MonitoringOutcome.Invalid(errors);
    }
    Recommendation r =
        freeze(
            UUID.randomUUID(),
            history.get(),
            request,
            caller.organisationId(),
            caller.organisationName(),
            caller.username());
    recommendations.insert(r);
    Set<UUID> audience = new HashSet<>();
    audience.add(caller.organisationId());
    memberships.list().stream()
        .filter(m -> m.body() == Body.MONITORING_TEAM && participant.equals(m.concerning()))
        .forEach(m -> audience.add(m.organisationId()));
    log.record(RecommendationRecords.commitment(r, caller.organisationId().toString(), audience));
    Map<String, @Nullable Object> details = new LinkedHashMap<>();
    details.put("participant", participant.code());
    details.put("recommendedOn", r.recommendedOn().toString());
    details.put("evidenceFrom", r.evidenceFrom().toString());
    details.put("evidenceTo", r.evidenceTo().toString());
    details.put("exports", r.evidence().exports());
    audit.record(caller, RecommendationRecords.RECOMMENDATION, r.id().toString(), details);
    return new MonitoringOutcome.Recorded(r);
  }

  /**
   * Records one of the KP's past recommendations from the seed, with the figures this platform
   * holds for its period. Idempotent: an id recorded already is left as it is.
   *
   * @return the recommendation, or empty when it was recorded already
   * @throws IllegalStateException when the seed names no known participant or breaks a rule
   */
  @Transactional
  public Optional<Recommendation> recordPast(
      UUID id, ParticipantCode participant, NewRecommendation request, String by, String issuer) {
    if (recommendations.exists(id)) {
      return Optional.empty();
    }
    ParticipantHistory history =
        history(participant)
            .orElseThrow(
                () -> new IllegalStateException("Seeded recommendation for " + participant));
    Map<String, String> errors = check(request, today());
    if (!errors.isEmpty()) {
      throw new IllegalStateException("Seeded recommendation " + id + ": " + errors);
    }
    Recommendation r = freeze(id, history, request, null, by, "seed");
    recommendations.insert(r);
    log.record(RecommendationRecords.commitment(r, issuer, Set.of()));
    return Optional.of(r);
  }

  /** The participant's recommendations, newest first; empty when the caller does not read them. */
  @Transactional(readOnly = true)
  public Optional<List<Recommendation>> recommendations(
      Caller caller, ParticipantCode participant) {
    if (!reads(caller, participant)) {
      return Optional.empty();
    }
    return Optional.of(recommendations.of(participant));
  }

  /** One recommendation, for those who read its participant's monitoring. */
  @Transactional(readOnly = true)
  public Optional<Recommendation> recommendation(Caller caller, UUID id) {
    return recommendations.find(id).filter(r -> reads(caller, r.participant()));
  }

  /** One recommendation, whoever asks (the system: a decision checking what it links). */
  @Transactional(readOnly = true)
  public Optional<Recommendation> recommendation(UUID id) {
    return recommendations.find(id);
  }

  /** The recommendation as asked, with the figures over its period computed now and frozen. */
  private Recommendation freeze(
      UUID id,
      ParticipantHistory history,
      NewRecommendation request,
      @Nullable UUID organisationId,
      String organisationName,
      String by) {
    MonitoringReport evidence =
        compute(
            history,
            java.util.Objects.requireNonNull(request.evidenceFrom()),
            java.util.Objects.requireNonNull(request.evidenceTo()));
    return new Recommendation(
        id,
        history.participant(),
        java.util.Objects.requireNonNull(request.recommendedOn()),
        java.util.Objects.requireNonNull(request.text()).strip(),
        evidence.from(),
        evidence.to(),
        evidence.asOf(),
        evidence.deadlineDays(),
        evidence.totals(),
        evidence.truncated(),
        blankToNull(request.source()),
        organisationId,
        organisationName,
        now(),
        by);
  }

  private MonitoringReport compute(ParticipantHistory history, LocalDate from, LocalDate to) {
    List<ExportConfirmation> read = new ArrayList<>();
    boolean more = true;
    while (more && read.size() < MAX_EXPORTS) {
      ExportConfirmations.Page page =
          exports.exports(
              history.participant(),
              from,
              to,
              read.size(),
              Math.min(PAGE, MAX_EXPORTS - read.size()));
      read.addAll(page.exports());
      more = page.more();
    }
    LocalDate today = today();
    int days = properties.deadlineDays();
    List<MonitoredExport> flagged = MonitoringPolicy.flag(read, history, days, today);
    return new MonitoringReport(
        history.participant(),
        from,
        to,
        today,
        days,
        flagged,
        MonitoringPolicy.totals(flagged),
        more);
  }

  private Optional<ParticipantHistory> history(ParticipantCode participant) {
    return participants
        .detail(participant)
        .map(
            (ParticipantDetail d) ->
                new ParticipantHistory(participant, d.history(), d.compliantZones()));
  }

  private static Map<String, String> period(@Nullable LocalDate from, @Nullable LocalDate to) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (from == null) {
      errors.put("from", "the first day of the period is required");
    }
    if (to == null) {
      errors.put("to", "the last day of the period is required");
    }
    if (from != null && to != null) {
      if (to.isBefore(from)) {
        errors.put("to", "must not be before from (" + from + ")");
      } else if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
        errors.put("to", "the period covers at most " + MAX_DAYS + " days");
      }
    }
    return errors;
  }

  private static Map<String, String> check(NewRecommendation r, LocalDate today) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (r.recommendedOn() == null) {
      errors.put("recommendedOn", "the day of the recommendation is required");
    } else if (r.recommendedOn().isAfter(today)) {
      errors.put("recommendedOn", "must not be after today (" + today + ")");
    }
    String text = r.text();
    if (text == null || text.isBlank()) {
      errors.put("text", "must not be blank");
    } else if (text.strip().length() > NewRecommendation.MAX_TEXT) {
      errors.put("text", "at most " + NewRecommendation.MAX_TEXT + " characters");
    }
    if (r.source() != null && r.source().length() > NewRecommendation.MAX_SOURCE) {
      errors.put("source", "at most " + NewRecommendation.MAX_SOURCE + " characters");
    }
    Map<String, String> period = period(r.evidenceFrom(), r.evidenceTo());
    period.forEach((k, v) -> errors.put(k.equals("from") ? "evidenceFrom" : "evidenceTo", v));
    if (r.evidenceTo() != null
        && r.evidenceTo().isAfter(today)
        && !errors.containsKey("evidenceTo")) {
      errors.put("evidenceTo", "must not be after today (" + today + ")");
    }
    return errors;
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
