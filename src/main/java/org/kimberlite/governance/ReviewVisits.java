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
import org.kimberlite.governance.internal.ReviewVisitPolicy;
import org.kimberlite.governance.internal.ReviewVisitPolicy.Step;
import org.kimberlite.governance.internal.ReviewVisitRecords;
import org.kimberlite.governance.internal.ReviewVisitRepository;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.registry.AuditTrail;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.Organisation;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Organisations;
import org.kimberlite.registry.Participants;
import org.kimberlite.shared.ParticipantCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Peer review visits (docs/governance.md): the secretariat plans a visit to a participant with a
 * team of organisations; the team lead (or the secretariat) records the findings against the KPCS
 * minimum requirements; the visited participant's KP authority responds with an action plan; the
 * secretariat (or the team lead) accepts the plan, follows each action and closes it; the visit
 * closes with its last action. The secretariat, members of the Working Group on Monitoring, the
 * team and the visited authority see a visit whole; anyone may know that it took place.
 */
@Service
public class ReviewVisits {
  public static final int MAX_TEAM = 12;
  public static final int MAX_FINDINGS = 50;
  public static final int MAX_ACTIONS = 100;
  public static final int MAX_TEXT = 4000;
  public static final int MAX_NOTE = 2000;
  public static final int MAX_SIZE = 100;
  public static final int MAX_PAGE = 10_000;

  /** The most visits the overdue list reads at once. */
  public static final int MAX_OVERDUE_VISITS = 500;

  private final ReviewVisitRepository repository;
  private final Memberships memberships;
  private final Organisations organisations;
  private final Participants participants;
  private final AuditTrail audit;
  private final TransparencyLog log;
  private final Clock clock;

  ReviewVisits(
      ReviewVisitRepository repository,
      Memberships memberships,
      Organisations organisations,
      Participants participants,
      AuditTrail audit,
      TransparencyLog log,
      Clock clock) {
    this.repository = repository;
    this.memberships = memberships;
    this.organisations = organisations;
    this.participants = participants;
    this.audit = audit;
    this.log = log;
    this.clock = clock;
  }

  /** The same use cases as of another clock (the demo dates its steps in the past). */
  public ReviewVisits on(Clock other) {
    return new ReviewVisits(
        repository, memberships, organisations, participants, audit, log, other);
  }

  /** Today, by this service's clock. */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  // ------------------------------------------------------------------ requests

  /** A visit to plan; {@code null} members are reported as missing. */
  public record Plan(
      @Nullable String participant,
      @Nullable LocalDate startsOn,
      @Nullable LocalDate endsOn,
      @Nullable String termsOfReference,
      @Nullable List<UUID> team,
      @Nullable UUID lead) {}

  /** A finding to record: a requirement's code, what was seen, what is recommended. */
  public record NewFinding(
      @Nullable String requirement,
      @Nullable String observation,
      @Nullable String recommendation) {}

  /** An action to propose: the finding it answers (its number), what, and by when. */
  public record NewAction(
      @Nullable Integer finding, @Nullable String description, @Nullable LocalDate dueOn) {}

  /** A page of the public list, or why the query was refused. */
  public sealed interface Listing {
    record Listed(List<ReviewVisitSummary> visits, int page, int size) implements Listing {
      public Listed {
        visits = List.copyOf(visits);
      }
    }

    record Invalid(String field, String message) implements Listing {}
  }

  /** The overdue actions, or a refusal for a caller who may not see the list. */
  public sealed interface OverdueList {
    record Listed(List<OverdueAction> actions) implements OverdueList {
      public Listed {
        actions = List.copyOf(actions);
      }
    }

    record NotAllowed() implements OverdueList {}
  }

  // ------------------------------------------------------------------ reading

  /** What anyone may know: that visits took place, newest first. */
  @Transactional(readOnly = true)
  public Listing list(
      @Nullable ParticipantCode participant, @Nullable VisitStatus status, int page, int size) {
    if (size < 1 || size > MAX_SIZE) {
      return new Listing.Invalid("size", "size from 1 to " + MAX_SIZE);
    }
    if (page < 0 || page > MAX_PAGE) {
      return new Listing.Invalid("page", "page from 0 to " + MAX_PAGE);
    }
    return new Listing.Listed(
        repository.summaries(participant, status, page * size, size), page, size);
  }

  /** The participant's latest visit (by its first day), as anyone may know it. */
  @Transactional(readOnly = true)
  public Optional<ReviewVisitSummary> latest(ParticipantCode participant) {
    return repository.summaries(participant, null, 0, 1).stream().findFirst();
  }

  /** The whole visit, for a caller who may see it; empty otherwise (the caller learns nothing). */
  @Transactional(readOnly = true)
  public Optional<ReviewVisit> get(Caller caller, ReviewVisitId id) {
    return repository.find(id).filter(v -> mayRead(caller, v)).map(this::asOfToday);
  }

  /**
   * Whether the caller sees the visit whole: the secretariat, a member of the Working Group on
   * Monitoring, an organisation on the team, or the visited participant's KP authority.
   */
  @Transactional(readOnly = true)
  public boolean mayRead(Caller caller, ReviewVisit v) {
    return caller.has(OrganisationRole.KP_SECRETARIAT)
        || v.onTeam(caller.organisationId())
        || visited(caller, v)
        || memberships.sits(caller, Body.WORKING_GROUP_ON_MONITORING, null);
  }

  /** Whether the caller records findings, accepts the plan and closes actions (if it sees). */
  public static boolean follows(Caller caller, ReviewVisit v) {
    return caller.has(OrganisationRole.KP_SECRETARIAT)
        || v.lead().map(l -> l.organisationId().equals(caller.organisationId())).orElse(false);
  }

  /** Whether the caller is the visited participant's KP authority. */
  public static boolean visited(Caller caller, ReviewVisit v) {
    return caller.has(OrganisationRole.KP_AUTHORITY)
        && v.participant().equals(caller.participant());
  }

  /** Whether the caller may see the overdue list: the secretariat and the WGM's members. */
  @Transactional(readOnly = true)
  public boolean escalatedTo(Caller caller) {
    return caller.has(OrganisationRole.KP_SECRETARIAT)
        || memberships.sits(caller, Body.WORKING_GROUP_ON_MONITORING, null);
  }

  /** Every action past its due date and not closed, the oldest due first. */
  @Transactional(readOnly = true)
  public OverdueList overdue(Caller caller) {
    if (!escalatedTo(caller)) {
      return new OverdueList.NotAllowed();
    }
    LocalDate today = today();
    List<OverdueAction> out = new ArrayList<>();
    for (ReviewVisitId id : repository.withOverdueActions(today, false, MAX_OVERDUE_VISITS)) {
      repository
          .find(id)
          .map(this::asOfToday)
          .ifPresent(
              v ->
                  v.actions().stream()
                      .filter(ActionItem::overdue)
                      .forEach(a -> out.add(new OverdueAction(v.id(), v.participant(), a))));
    }
    out.sort(
        java.util.Comparator.comparing((OverdueAction o) -> o.action().dueOn())
            .thenComparing(o -> o.visit().toString())
            .thenComparingInt(o -> o.action().number()));
    return new OverdueList.Listed(out);
  }

  // ------------------------------------------------------------------ writing

  /** Plans a visit (the secretariat only). */
  @Transactional
  public ReviewVisitOutcome plan(Caller caller, Plan p) {
    if (!caller.has(OrganisationRole.KP_SECRETARIAT)) {
      return new ReviewVisitOutcome.NotAllowed("Only the KP secretariat plans peer review visits.");
    }
    Map<String, String> errors = new LinkedHashMap<>();
    ParticipantCode participant = null;
    try {
      participant = p.participant() == null ? null : ParticipantCode.of(p.participant().strip());
    } catch (IllegalArgumentException e) {
      participant = null;
    }
    if (participant == null || participants.detail(participant).isEmpty()) {
      errors.put("participant", "a participant's code, such as CD");
      participant = null;
    }
    LocalDate startsOn = p.startsOn();
    LocalDate endsOn = p.endsOn();
    if (startsOn == null) {
      errors.put("startsOn", "the visit's first day, such as 2027-03-01");
    }
    if (endsOn == null) {
      errors.put("endsOn", "the visit's last day, such as 2027-03-05");
    }
    if (startsOn != null && endsOn != null) {
      ReviewVisitPolicy.datesRefusal(startsOn, endsOn, today())
          .ifPresent(m -> errors.put("endsOn", m));
    }
    String terms = text(p.termsOfReference(), MAX_TEXT);
    if (terms == null) {
      errors.put("termsOfReference", "the terms of reference, 1 to " + MAX_TEXT + " characters");
    }
    List<VisitTeamMember> team = team(p, participant, errors);
    if (!errors.isEmpty() || participant == null || startsOn == null || endsOn == null) {
      return new ReviewVisitOutcome.Invalid(errors);
    }
    ReviewVisitId id = ReviewVisitId.random();
    repository.insert(
        id,
        participant,
        startsOn,
        endsOn,
        Optional.ofNullable(terms).orElseThrow(),
        team,
        now(),
        caller.username(),
        caller.organisationId());
    Map<String, @Nullable Object> d = new LinkedHashMap<>();
    d.put("participant", participant.code());
    d.put("startsOn", startsOn.toString());
    d.put("endsOn", endsOn.toString());
    d.put(
        "team", team.stream().map(m -> m.organisationId() + (m.lead() ? " (lead)" : "")).toList());
    audit.record(caller, "governance.review-visit-planned", id.toString(), d);
    return done(id);
  }

  private List<VisitTeamMember> team(
      Plan p, @Nullable ParticipantCode participant, Map<String, String> errors) {
    List<UUID> ids = p.team() == null ? List.of() : p.team();
    if (ids.isEmpty() || ids.size() > MAX_TEAM) {
      errors.put("team", "from 1 to " + MAX_TEAM + " organisations");
      return List.of();
    }
    if (new HashSet<>(ids).size() != ids.size()) {
      errors.put("team", "each organisation once");
      return List.of();
    }
    if (p.lead() == null || !ids.contains(p.lead())) {
      errors.put("lead", "one of the team's organisations");
    }
    List<VisitTeamMember> team = new ArrayList<>();
    for (UUID id : ids) {
      if (id == null) {
        errors.put("team", "organisation ids");
        return List.of();
      }
      Optional<Organisation> o = organisations.forChecks(id);
      if (o.isEmpty()) {
        errors.put("team", "no such organisation: " + id);
        return List.of();
      }
      if (participant != null
          && o.get().has(OrganisationRole.KP_AUTHORITY)
          && participant.equals(o.get().participant())) {
        errors.put("team", "the visited participant's own authority is not on its review team");
        return List.of();
      }
      team.add(new VisitTeamMember(id, o.get().name(), id.equals(p.lead())));
    }
    return team;
  }

  /** The team lead or the secretariat records the visit's findings: the visit is conducted. */
  @Transactional
  public ReviewVisitOutcome recordFindings(
      Caller caller, ReviewVisitId id, @Nullable List<NewFinding> asked) {
    Gate gate = gate(caller, id, Step.RECORD_FINDINGS);
    if (!(gate instanceof Gate.Open(ReviewVisit v))) {
      return ((Gate.Shut) gate).outcome();
    }
    Map<String, String> errors = new LinkedHashMap<>();
    List<NewFinding> given = asked == null ? List.of() : asked;
    if (given.isEmpty() || given.size() > MAX_FINDINGS) {
      errors.put("findings", "from 1 to " + MAX_FINDINGS + " findings");
    }
    List<VisitFinding> findings = new ArrayList<>();
    for (int i = 0; i < given.size() && i < MAX_FINDINGS; i++) {
      NewFinding f = given.get(i);
      String at = "findings[" + i + "].";
      if (f == null) {
        errors.put("findings[" + i + "]", "a finding");
        continue;
      }
      Optional<MinimumRequirement> requirement =
          f.requirement() == null
              ? Optional.empty()
              : MinimumRequirement.of(f.requirement().strip());
      if (requirement.isEmpty()) {
        errors.put(at + "requirement", "the code of a minimum requirement, such as IC-SYSTEM");
      }
      String observation = text(f.observation(), MAX_TEXT);
      if (observation == null) {
        errors.put(at + "observation", "what the team found, 1 to " + MAX_TEXT + " characters");
      }
      String recommendation = text(f.recommendation(), MAX_TEXT);
      if (recommendation == null) {
        errors.put(
            at + "recommendation", "what the team recommends, 1 to " + MAX_TEXT + " characters");
      }
      if (requirement.isPresent() && observation != null && recommendation != null) {
        findings.add(new VisitFinding(i + 1, requirement.get(), observation, recommendation));
      }
    }
    if (!errors.isEmpty()) {
      return new ReviewVisitOutcome.Invalid(errors);
    }
    repository.recordFindings(
        id,
        findings,
        now(),
        caller.username(),
        ReviewVisitPolicy.after(v.status(), Step.RECORD_FINDINGS, false));
    ReviewVisit recorded = repository.find(id).orElseThrow();
    log.record(ReviewVisitRecords.findingsCommitment(recorded));
    Map<String, @Nullable Object> d = new LinkedHashMap<>();
    d.put("participant", v.participant().code());
    d.put("findings", findings.stream().map(f -> f.requirement().code()).toList());
    audit.record(caller, "governance.review-visit-findings", id.toString(), d);
    return done(id);
  }

  /** The visited participant's KP authority responds with its action plan. */
  @Transactional
  public ReviewVisitOutcome respond(
      Caller caller, ReviewVisitId id, @Nullable String text, @Nullable List<NewAction> asked) {
    Gate gate = gate(caller, id, Step.RESPOND);
    if (!(gate instanceof Gate.Open(ReviewVisit v))) {
      return ((Gate.Shut) gate).outcome();
    }
    Map<String, String> errors = new LinkedHashMap<>();
    String response = text(text, MAX_TEXT);
    if (response == null) {
      errors.put("response", "the participant's response, 1 to " + MAX_TEXT + " characters");
    }
    List<NewAction> given = asked == null ? List.of() : asked;
    if (given.isEmpty() || given.size() > MAX_ACTIONS) {
      errors.put("actions", "from 1 to " + MAX_ACTIONS + " actions");
    }
    LocalDate today = today();
    Set<Integer> answered = new HashSet<>();
    List<ReviewVisitRepository.NewActionRow> actions = new ArrayList<>();
    for (int i = 0; i < given.size() && i < MAX_ACTIONS; i++) {
      NewAction a = given.get(i);
      String at = "actions[" + i + "].";
      if (a == null) {
        errors.put("actions[" + i + "]", "an action");
        continue;
      }
      Integer finding = a.finding();
      if (finding == null || finding < 1 || finding > v.findings().size()) {
        errors.put(at + "finding", "the number of a finding, 1 to " + v.findings().size());
        finding = null;
      }
      String description = text(a.description(), MAX_NOTE);
      if (description == null) {
        errors.put(at + "description", "what will be done, 1 to " + MAX_NOTE + " characters");
      }
      LocalDate due = a.dueOn();
      if (due == null) {
        errors.put(at + "dueOn", "a due date, such as 2027-06-30");
      } else {
        ReviewVisitPolicy.dueDateRefusal(due, today).ifPresent(m -> errors.put(at + "dueOn", m));
      }
      if (finding != null && description != null && due != null) {
        answered.add(finding);
        actions.add(
            new ReviewVisitRepository.NewActionRow(actions.size() + 1, finding, description, due));
      }
    }
    if (errors.isEmpty()) {
      for (VisitFinding f : v.findings()) {
        if (!answered.contains(f.number())) {
          errors.put(
              "actions", "every finding needs an action; finding " + f.number() + " has none");
          break;
        }
      }
    }
    if (!errors.isEmpty() || response == null) {
      return new ReviewVisitOutcome.Invalid(errors);
    }
    repository.recordResponse(
        id,
        response,
        actions,
        now(),
        caller.username(),
        caller.organisationId(),
        ReviewVisitPolicy.after(v.status(), Step.RESPOND, false));
    ReviewVisit recorded = repository.find(id).orElseThrow();
    ReviewVisitResponse r = Optional.ofNullable(recorded.response()).orElseThrow();
    log.record(ReviewVisitRecords.responseCommitment(recorded, r));
    Map<String, @Nullable Object> d = new LinkedHashMap<>();
    d.put("participant", v.participant().code());
    d.put("actions", actions.size());
    audit.record(caller, "governance.review-visit-response", id.toString(), d);
    return done(id);
  }

  /** The secretariat or the team lead accepts the action plan. */
  @Transactional
  public ReviewVisitOutcome acceptPlan(Caller caller, ReviewVisitId id) {
    Gate gate = gate(caller, id, Step.ACCEPT_PLAN);
    if (!(gate instanceof Gate.Open(ReviewVisit v))) {
      return ((Gate.Shut) gate).outcome();
    }
    repository.acceptPlan(id, now(), caller.username());
    audit.record(
        caller,
        "governance.review-visit-plan-accepted",
        id.toString(),
        Map.of("participant", v.participant().code(), "actions", v.actions().size()));
    return done(id);
  }

  /** Progress on an action: recorded by the secretariat, the team lead or the visited authority. */
  @Transactional
  public ReviewVisitOutcome recordProgress(
      Caller caller, ReviewVisitId id, int action, @Nullable String note) {
    return follow(caller, id, action, note, Step.RECORD_PROGRESS);
  }

  /** Closes an action with a note (the secretariat or the team lead); the last closes the visit. */
  @Transactional
  public ReviewVisitOutcome closeAction(
      Caller caller, ReviewVisitId id, int action, @Nullable String note) {
    return follow(caller, id, action, note, Step.CLOSE_ACTION);
  }

  private ReviewVisitOutcome follow(
      Caller caller, ReviewVisitId id, int number, @Nullable String note, Step step) {
    Gate gate = gate(caller, id, step);
    if (!(gate instanceof Gate.Open(ReviewVisit v))) {
      return ((Gate.Shut) gate).outcome();
    }
    Optional<ActionItem> action = v.action(number);
    if (action.isEmpty()) {
      return new ReviewVisitOutcome.NotFound();
    }
    if (action.get().closed()) {
      return new ReviewVisitOutcome.OutOfOrder(
          v.status(), "Action " + number + " is already closed.");
    }
    String text = text(note, MAX_NOTE);
    if (text == null) {
      return new ReviewVisitOutcome.Invalid(
          Map.of("note", "a note, 1 to " + MAX_NOTE + " characters"));
    }
    Instant at = now();
    Map<String, @Nullable Object> d = new LinkedHashMap<>();
    d.put("participant", v.participant().code());
    d.put("action", number);
    if (step == Step.CLOSE_ACTION) {
      boolean allClosed = v.actions().stream().allMatch(a -> a.number() == number || a.closed());
      VisitStatus status = ReviewVisitPolicy.after(v.status(), step, allClosed);
      repository.closeAction(id, number, text, at, caller.username(), status);
      d.put("status", status.name());
      audit.record(caller, "governance.review-visit-action-closed", id + "/" + number, d);
    } else {
      repository.addProgress(id, number, text, at, caller.username());
      audit.record(caller, "governance.review-visit-action-progress", id + "/" + number, d);
    }
    return done(id);
  }

  // ------------------------------------------------------------------ helpers

  /** Whether a step may be taken: the visit, locked for it, or the outcome that refuses it. */
  private sealed interface Gate {
    record Open(ReviewVisit visit) implements Gate {}

    record Shut(ReviewVisitOutcome outcome) implements Gate {}
  }

  /**
   * The visit locked for {@code step}: not found for a caller who may not see it, not allowed for
   * one who does not take the step, out of order where the visit stands.
   */
  private Gate gate(Caller caller, ReviewVisitId id, Step step) {
    Optional<ReviewVisit> seen = repository.lock(id).filter(v -> mayRead(caller, v));
    if (seen.isEmpty()) {
      return new Gate.Shut(new ReviewVisitOutcome.NotFound());
    }
    ReviewVisit v = seen.get();
    boolean follows = follows(caller, v);
    @Nullable String refusal =
        switch (step) {
          case RESPOND ->
              visited(caller, v)
                  ? null
                  : "Only the visited participant's KP authority responds to the findings.";
          case RECORD_PROGRESS ->
              follows || visited(caller, v)
                  ? null
                  : "Only the team lead, the KP secretariat or the visited authority records"
                      + " progress.";
          case RECORD_FINDINGS, ACCEPT_PLAN, CLOSE_ACTION ->
              follows ? null : "Only the team lead or the KP secretariat takes this step.";
        };
    if (refusal != null) {
      return new Gate.Shut(new ReviewVisitOutcome.NotAllowed(refusal));
    }
    return ReviewVisitPolicy.refusal(v.status(), v.planAcceptedAt() != null, step)
        .<Gate>map(m -> new Gate.Shut(new ReviewVisitOutcome.OutOfOrder(v.status(), m)))
        .orElse(new Gate.Open(v));
  }

  private ReviewVisitOutcome done(ReviewVisitId id) {
    return new ReviewVisitOutcome.Done(asOfToday(repository.find(id).orElseThrow()));
  }

  /** The visit with each action's overdue mark as of today. */
  private ReviewVisit asOfToday(ReviewVisit v) {
    LocalDate today = today();
    return v.withActions(
        v.actions().stream()
            .map(a -> a.asOf(ReviewVisitPolicy.overdue(a.dueOn(), a.closed(), today)))
            .toList());
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** The text stripped, if it has 1 to {@code max} characters and no control character. */
  private static @Nullable String text(@Nullable String given, int max) {
    if (given == null) {
      return null;
    }
    String t = given.strip();
    if (t.isEmpty() || t.length() > max) {
      return null;
    }
    boolean clean =
        t.codePoints()
            .allMatch(c -> c == '\n' || c == '\r' || c == '\t' || !Character.isISOControl(c));
    return clean ? t : null;
  }
}
