package org.kimberlite.governance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.governance.DecisionOutcome.Breach;
import org.kimberlite.governance.internal.DecisionPolicy;
import org.kimberlite.governance.internal.DecisionRecords;
import org.kimberlite.governance.internal.DecisionRepository;
import org.kimberlite.governance.internal.RecommendationRepository;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.registry.AuditTrail;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.CompliantZone;
import org.kimberlite.registry.DecisionReference;
import org.kimberlite.registry.NewStatusChange;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.ParticipantChange;
import org.kimberlite.registry.ParticipantDetail;
import org.kimberlite.registry.ParticipantHistory;
import org.kimberlite.registry.Participants;
import org.kimberlite.registry.RuleBreach;
import org.kimberlite.registry.StatusChangeType;
import org.kimberlite.shared.ParticipantCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * KP decisions (docs/governance.md): the secretariat records each administrative or plenary
 * decision with the status changes and compliant zones it orders; the orders are applied in the
 * registry in the same transaction and take effect from the decision's effective date, so the
 * certificate rules (KP-03, KP-04) follow them. Every decision is committed to the transparency log
 * and is public.
 */
@Service
public class Decisions {
  private final DecisionRepository repository;
  private final RecommendationRepository recommendations;
  private final Participants participants;
  private final TransparencyLog log;
  private final AuditTrail audit;
  private final Clock clock;

  Decisions(
      DecisionRepository repository,
      RecommendationRepository recommendations,
      Participants participants,
      TransparencyLog log,
      AuditTrail audit,
      Clock clock) {
    this.repository = repository;
    this.recommendations = recommendations;
    this.participants = participants;
    this.log = log;
    this.audit = audit;
    this.clock = clock;
  }

  /** A decision and where it stands on the day asked. */
  public record Standing(Decision decision, DecisionState state) {}

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /** Records a decision and applies its orders; nothing is recorded unless all of it is. */
  @Transactional
  public DecisionOutcome record(Caller caller, NewDecision request) {
    if (!caller.has(OrganisationRole.KP_SECRETARIAT)) {
      return new DecisionOutcome.NotAllowed();
    }
    List<Breach> breaches = new ArrayList<>(DecisionPolicy.check(request, today(), false));
    breaches.addAll(unknownParticipants(request));
    breaches.addAll(recommendationBreaches(request));
    if (!breaches.isEmpty()) {
      return new DecisionOutcome.Refused(breaches);
    }
    if (repository.numberTaken(request.number())) {
      return new DecisionOutcome.NumberTaken(request.number());
    }
    UUID id = UUID.randomUUID();
    DecisionReference reference = new DecisionReference(id, request.number().value());
    List<AppliedOrder> applied = new ArrayList<>();
    List<DecisionOrder> orders = inOrder(request.orders());
    for (DecisionOrder order : orders) {
      int index = request.orders().indexOf(order);
      ParticipantChange change = apply(caller, request, order, reference);
      switch (change) {
        case ParticipantChange.Recorded r ->
            applied.add(
                new AppliedOrder(
                    order,
                    order instanceof DecisionOrder.StatusOrder
                        ? AppliedOrder.statusRecord(java.util.Objects.requireNonNull(r.recordId()))
                        : AppliedOrder.zoneRecord(java.util.Objects.requireNonNull(r.recordId()))));
        case ParticipantChange.Refused r -> {
          TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
          return new DecisionOutcome.Refused(breaches(r.breaches(), index, order));
        }
        case ParticipantChange.NotAllowed n -> {
          TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
          return new DecisionOutcome.NotAllowed();
        }
        case ParticipantChange.Unknown u -> {
          TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
          return new DecisionOutcome.Refused(
              List.of(
                  new Breach(
                      DecisionPolicy.INVALID,
                      "orders[" + index + "].participant",
                      "no participant " + u.code())));
        }
        case ParticipantChange.AlreadyListed a ->
            throw new IllegalStateException("an order listed a participant: " + a);
      }
    }
    Decision decision = decision(id, request, applied, now(), caller.username());
    repository.insert(decision);
    log.record(DecisionRecords.commitment(decision, caller.organisationId().toString()));
    Map<String, @Nullable Object> details = new LinkedHashMap<>();
    details.put("number", decision.number().value());
    details.put("title", decision.title());
    details.put("effectiveOn", decision.effectiveOn().toString());
    details.put("orders", decision.orders().size());
    audit.record(caller, "governance.decision", id.toString(), details);
    return new DecisionOutcome.Recorded(decision);
  }

  /**
   * Records one of the KP's past decisions from the seed: the registry rows it ordered, seeded
   * before decisions were kept, are linked to it. Idempotent: a number recorded already is left as
   * it is.
   *
   * @return the decision, or empty when it was recorded already
   * @throws IllegalStateException when the seed breaks a rule or names a registry row that does not
   *     exist (the two seed files disagree)
   */
  @Transactional
  public Optional<Decision> recordPast(NewDecision request, String issuer, String by) {
    if (repository.numberTaken(request.number())) {
      return Optional.empty();
    }
    List<Breach> breaches = new ArrayList<>(DecisionPolicy.check(request, today(), true));
    breaches.addAll(unknownParticipants(request));
    breaches.addAll(recommendationBreaches(request));
    if (!breaches.isEmpty()) {
      throw new IllegalStateException("Seeded decision " + request.number() + ": " + breaches);
    }
    UUID id =
        UUID.nameUUIDFromBytes(
            ("kimberlite:decision:" + request.number().value())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    DecisionReference reference = new DecisionReference(id, request.number().value());
    List<AppliedOrder> applied = new ArrayList<>();
    for (DecisionOrder order : request.orders()) {
      Optional<Long> row =
          switch (order) {
            case DecisionOrder.StatusOrder s ->
                participants.linkRecordedChange(
                    s.participant(), s.change(), request.effectiveOn(), reference);
            case DecisionOrder.ZoneDeclaration z ->
                participants.linkRecordedZone(
                    z.participant(), z.zone(), request.effectiveOn(), reference);
          };
      long rowId =
          row.orElseThrow(
              () ->
                  new IllegalStateException(
                      "Seeded decision "
                          + request.number()
                          + " orders "
                          + order
                          + " on "
                          + request.effectiveOn()
                          + ", which the registry's seeded history does not hold"));
      applied.add(
          new AppliedOrder(
              order,
              order instanceof DecisionOrder.StatusOrder
                  ? AppliedOrder.statusRecord(rowId)
                  : AppliedOrder.zoneRecord(rowId)));
    }
    Decision decision = decision(id, request, applied, now(), by);
    repository.insert(decision);
    log.record(DecisionRecords.commitment(decision, issuer));
    return Optional.of(decision);
  }

  /**
   * Decisions, newest effective first, with their state on {@code on}; for one participant or all.
   */
  @Transactional(readOnly = true)
  public List<Standing> list(@Nullable ParticipantCode participant, LocalDate on) {
    List<Decision> decisions = repository.all(participant);
    Map<ParticipantCode, ParticipantHistory> histories = histories(decisions);
    return decisions.stream()
        .map(d -> new Standing(d, DecisionPolicy.state(d, on, histories)))
        .toList();
  }

  /** One decision with its state on {@code on}. */
  @Transactional(readOnly = true)
  public Optional<Standing> find(UUID id, LocalDate on) {
    return repository
        .find(id)
        .map(d -> new Standing(d, DecisionPolicy.state(d, on, histories(List.of(d)))));
  }

  /** One decision by its number, with its state on {@code on}. */
  @Transactional(readOnly = true)
  public Optional<Standing> find(DecisionNumber number, LocalDate on) {
    return repository
        .find(number)
        .map(d -> new Standing(d, DecisionPolicy.state(d, on, histories(List.of(d)))));
  }

  private Map<ParticipantCode, ParticipantHistory> histories(List<Decision> decisions) {
    TreeSet<ParticipantCode> codes = new TreeSet<>();
    for (Decision d : decisions) {
      d.orders().forEach(o -> codes.add(o.order().participant()));
    }
    Map<ParticipantCode, ParticipantHistory> out = new HashMap<>();
    for (ParticipantCode code : codes) {
      participants
          .detail(code)
          .ifPresent(
              (ParticipantDetail detail) ->
                  out.put(
                      code,
                      new ParticipantHistory(code, detail.history(), detail.compliantZones())));
    }
    return out;
  }

  private List<Breach> unknownParticipants(NewDecision request) {
    List<Breach> out = new ArrayList<>();
    for (int i = 0; i < request.concerned().size(); i++) {
      if (participants.detail(request.concerned().get(i)).isEmpty()) {
        out.add(
            new Breach(
                DecisionPolicy.INVALID,
                "participants[" + i + "]",
                "no participant " + request.concerned().get(i)));
      }
    }
    for (int i = 0; i < request.orders().size(); i++) {
      ParticipantCode code = request.orders().get(i).participant();
      if (participants.detail(code).isEmpty()) {
        out.add(
            new Breach(
                DecisionPolicy.INVALID, "orders[" + i + "].participant", "no participant " + code));
      }
    }
    return out;
  }

  /**
   * A recommendation the decision follows must exist and concern a participant whose restrictions
   * the decision lifts (one its reinstatement orders name).
   */
  private List<Breach> recommendationBreaches(NewDecision request) {
    UUID id = request.recommendation();
    if (id == null) {
      return List.of();
    }
    Optional<Recommendation> found = recommendations.find(id);
    if (found.isEmpty()) {
      return List.of(
          new Breach(
              DecisionPolicy.RECOMMENDATION_MISMATCH,
              "recommendation",
              "no recommendation " + id + " is recorded"));
    }
    ParticipantCode concerned = found.get().participant();
    boolean lifts =
        request.orders().stream()
            .anyMatch(
                o ->
                    o instanceof DecisionOrder.StatusOrder s
                        && s.change() == StatusChangeType.REINSTATEMENT
                        && s.participant().equals(concerned));
    if (lifts) {
      return List.of();
    }
    return List.of(
        new Breach(
            DecisionPolicy.RECOMMENDATION_MISMATCH,
            "recommendation",
            "the recommendation concerns "
                + concerned
                + ", whose restrictions this decision does not lift: it orders no reinstatement"
                + " of "
                + concerned));
  }

  /** Status changes before zone declarations: a framework first, then the zones it allows. */
  private static List<DecisionOrder> inOrder(List<DecisionOrder> orders) {
    return orders.stream()
        .sorted(Comparator.comparingInt(o -> o instanceof DecisionOrder.StatusOrder ? 0 : 1))
        .toList();
  }

  private ParticipantChange apply(
      Caller caller, NewDecision request, DecisionOrder order, DecisionReference reference) {
    String reason = request.title();
    return switch (order) {
      case DecisionOrder.StatusOrder s ->
          participants.recordStatusChange(
              caller,
              s.participant(),
              new NewStatusChange(
                  s.change(), request.effectiveOn(), request.precision(), reason, request.source()),
              reference);
      case DecisionOrder.ZoneDeclaration z ->
          participants.addCompliantZone(
              caller,
              z.participant(),
              new CompliantZone(z.zone(), request.effectiveOn(), null, request.precision(), reason),
              reference);
    };
  }

  private static List<Breach> breaches(List<RuleBreach> registry, int index, DecisionOrder order) {
    List<Breach> out = new ArrayList<>();
    for (RuleBreach b : registry) {
      String field =
          b.field().equals("effectiveOn") || b.field().equals("effectiveFrom")
              ? "effectiveOn"
              : "orders["
                  + index
                  + "]"
                  + (order instanceof DecisionOrder.StatusOrder ? ".change" : ".zone");
      String rule =
          switch (b.rule()) {
            case INVALID_INPUT -> DecisionPolicy.INVALID;
            case BACKDATED_DECISION -> "registry/backdated-decision";
            case INVALID_STATUS_TRANSITION -> "registry/invalid-status-transition";
            case NO_OPERATIONAL_FRAMEWORK -> "registry/no-operational-framework";
          };
      out.add(new Breach(rule, field, b.detail()));
    }
    return out;
  }

  private static Decision decision(
      UUID id, NewDecision r, List<AppliedOrder> applied, Instant at, String by) {
    TreeSet<ParticipantCode> concerned = new TreeSet<>(r.concerned());
    r.orders().forEach(o -> concerned.add(o.participant()));
    return new Decision(
        id,
        r.number(),
        r.title().strip(),
        r.body(),
        r.adoptedOn(),
        r.effectiveOn(),
        r.precision(),
        r.text().strip(),
        List.copyOf(concerned),
        applied,
        r.recommendation(),
        r.source() == null || r.source().isBlank() ? null : r.source().strip(),
        at,
        by);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
