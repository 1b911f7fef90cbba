package org.kimberlite.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.registry.internal.ParticipantRepository;
import org.kimberlite.shared.CountryCode;
import org.kimberlite.shared.ParticipantCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KP participants list: who is a participant, in what standing, since when. Reads are public;
 * changes are the KP secretariat's.
 */
@Service
public class Participants {
  private final ParticipantRepository repository;
  private final TransparencyLog log;
  private final Clock clock;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;

  Participants(
      ParticipantRepository repository,
      TransparencyLog log,
      Clock clock,
      AuditTrail audit,
      ApplicationEventPublisher events) {
    this.audit = audit;
    this.events = events;
    this.repository = repository;
    this.log = log;
    this.clock = clock;
  }

  /** Recording times are kept to the millisecond, as the databases and the log hold them. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private long commit(Caller caller, ParticipantCode code, StatusChange change) {
    long id = repository.insertChange(code, change);
    log.record(
        RegistryRecords.changeCommitment(id, code, change, caller.organisationId().toString()));
    return id;
  }

  /** The participant code {@code text} names, if it has a code's form (two letters, any case). */
  public static Optional<ParticipantCode> codeOf(String text) {
    try {
      return Optional.of(ParticipantCode.of(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /** Every listed participant and entity with its standing on {@code on}. */
  @Transactional(readOnly = true)
  public List<ParticipantSummary> list(LocalDate on) {
    Map<ParticipantCode, ParticipantHistory> histories = repository.histories();
    List<ParticipantSummary> out = new ArrayList<>();
    for (Participant p : repository.findAll()) {
      ParticipantHistory history = histories.get(p.code());
      Standing standing =
          history == null
              ? new Standing(p.code(), on, null, null, List.of())
              : history.standingOn(on);
      out.add(new ParticipantSummary(p, standing));
    }
    return out;
  }

  /** The participant with its standing today and its history, if it is listed. */
  @Transactional(readOnly = true)
  public Optional<ParticipantDetail> detail(ParticipantCode code) {
    return repository.find(code).map(this::detail);
  }

  private ParticipantDetail detail(Participant participant) {
    ParticipantHistory history = repository.history(participant.code());
    return new ParticipantDetail(
        participant,
        history.standingOn(today()),
        history.changes(),
        history.compliantZones(),
        repository.memberStates(participant.code()));
  }

  /** Was {@code code} a participant in good standing on {@code on}? Empty if it is not listed. */
  @Transactional(readOnly = true)
  public Optional<Standing> standing(ParticipantCode code, LocalDate on) {
    return repository.find(code).map(p -> repository.history(p.code()).standingOn(on));
  }

  /** The participant a country trades under: itself, or the EU for its member states. */
  @Transactional(readOnly = true)
  public Optional<ParticipantCode> participantForCountry(CountryCode country) {
    return repository.participantForCountry(country);
  }

  @Transactional(readOnly = true)
  public List<SeedSource> sources() {
    return repository.seedSources();
  }

  /**
   * Why the caller may not change the participants list at all, if so (only the secretariat may).
   */
  public Optional<ParticipantChange.NotAllowed> mayChange(Caller caller) {
    return caller.has(OrganisationRole.KP_SECRETARIAT)
        ? Optional.empty()
        : Optional.of(new ParticipantChange.NotAllowed(Set.of(OrganisationRole.KP_SECRETARIAT)));
  }

  /** Adds a participant to the list, admitted on {@code admittedOn}. */
  @Transactional
  public ParticipantChange admit(
      Caller caller, Participant participant, LocalDate admittedOn, String reason) {
    if (!caller.has(OrganisationRole.KP_SECRETARIAT)) {
      return new ParticipantChange.NotAllowed(Set.of(OrganisationRole.KP_SECRETARIAT));
    }
    ParticipantCode code = participant.code();
    if (repository.find(code).isPresent()) {
      return new ParticipantChange.AlreadyListed(code, null);
    }
    if (CountryCode.isValid(code.code())) {
      Optional<ParticipantCode> tradesUnder =
          repository.participantForCountry(CountryCode.of(code.code()));
      if (tradesUnder.isPresent()) {
        return new ParticipantChange.AlreadyListed(code, tradesUnder.get());
      }
    }
    Instant now = now();
    repository.insert(participant, now, caller.username());
    commit(
        caller,
        code,
        new StatusChange(
            StatusChangeType.ADMISSION,
            admittedOn,
            DatePrecision.DAY,
            reason,
            null,
            now,
            caller.username()));
    audit.record(
        caller,
        "participant.admission",
        code.code(),
        details("name", participant.name(), "admittedOn", admittedOn.toString(), "reason", reason));
    return new ParticipantChange.Recorded(detail(participant));
  }

  /**
   * Records a suspension, self-suspension, reinstatement, framework or exclusion that {@code
   * decision} orders (the governance module records decisions and calls this in the decision's
   * transaction). A reinstatement or an exclusion ends the participant's compliant zones still open
   * on its effective day.
   */
  @Transactional
  public ParticipantChange recordStatusChange(
      Caller caller, ParticipantCode code, NewStatusChange change, DecisionReference decision) {
    if (!caller.has(OrganisationRole.KP_SECRETARIAT)) {
      return new ParticipantChange.NotAllowed(Set.of(OrganisationRole.KP_SECRETARIAT));
    }
    Optional<Participant> participant = repository.find(code);
    if (participant.isEmpty()) {
      return new ParticipantChange.Unknown(code);
    }
    if (change.reason().isBlank()) {
      return new ParticipantChange.Refused(
          RuleBreach.invalid("reason", "must say why the status changes"));
    }
    repository.lock(code);
    Optional<RuleBreach> breach =
        repository.history(code).appendBreach(change.type(), change.effectiveOn());
    if (breach.isPresent()) {
      return new ParticipantChange.Refused(breach.get());
    }
    long id =
        commit(
            caller,
            code,
            new StatusChange(
                    change.type(),
                    change.effectiveOn(),
                    change.precision(),
                    change.reason().strip(),
                    change.source(),
                    now(),
                    caller.username())
                .orderedBy(decision));
    audit.record(
        caller,
        "participant.status-change",
        code.code(),
        details(
            "change",
            change.type().name(),
            "effectiveOn",
            change.effectiveOn().toString(),
            "reason",
            change.reason().strip(),
            "decision",
            decision.number()));
    events.publishEvent(
        new ParticipantStatusChanged(
            code.code(), change.type().name(), change.effectiveOn(), now()));
    return new ParticipantChange.Recorded(detail(participant.get()), id);
  }

  /**
   * Whether the participant's KP certificates are printed in French besides English (the
   * secretariat's setting; English only unless the participant asked for French).
   */
  public boolean certificateInFrench(ParticipantCode code) {
    return repository.certificateInFrench(code);
  }

  /** Sets whether the participant's certificates are printed in French besides English. */
  @Transactional
  public ParticipantChange setCertificateInFrench(
      Caller caller, ParticipantCode code, boolean french) {
    if (!caller.has(OrganisationRole.KP_SECRETARIAT)) {
      return new ParticipantChange.NotAllowed(Set.of(OrganisationRole.KP_SECRETARIAT));
    }
    Optional<Participant> participant = repository.find(code);
    if (participant.isEmpty()) {
      return new ParticipantChange.Unknown(code);
    }
    repository.setCertificateInFrench(code, french, now(), caller.username());
    audit.record(
        caller,
        "participant.certificate-language",
        code.code(),
        details("languages", french ? "en,fr" : "en"));
    return new ParticipantChange.Recorded(detail(participant.get()));
  }

  /**
   * Records a compliant zone of a participant under an operational framework, as {@code decision}
   * declares it.
   */
  @Transactional
  public ParticipantChange addCompliantZone(
      Caller caller, ParticipantCode code, CompliantZone declared, DecisionReference decision) {
    CompliantZone zone = declared.declaredBy(decision);
    if (!caller.has(OrganisationRole.KP_SECRETARIAT)) {
      return new ParticipantChange.NotAllowed(Set.of(OrganisationRole.KP_SECRETARIAT));
    }
    Optional<Participant> participant = repository.find(code);
    if (participant.isEmpty()) {
      return new ParticipantChange.Unknown(code);
    }
    if (zone.effectiveUntil() != null && !zone.effectiveUntil().isAfter(zone.effectiveFrom())) {
      return new ParticipantChange.Refused(
          RuleBreach.invalid("effectiveUntil", "must be after effectiveFrom"));
    }
    repository.lock(code);
    Optional<RuleBreach> breach = repository.history(code).zoneBreach(zone.effectiveFrom());
    if (breach.isPresent()) {
      return new ParticipantChange.Refused(breach.get());
    }
    Instant at = now();
    long id = repository.insertZone(code, zone, at, caller.username());
    log.record(
        RegistryRecords.zoneCommitment(
            id, code, zone, at, caller.username(), caller.organisationId().toString()));
    audit.record(
        caller,
        "participant.compliant-zone",
        code.code(),
        details(
            "zone",
            zone.name(),
            "effectiveFrom",
            zone.effectiveFrom().toString(),
            "effectiveUntil",
            zone.effectiveUntil() == null ? null : zone.effectiveUntil().toString(),
            "decision",
            decision.number()));
    return new ParticipantChange.Recorded(detail(participant.get()), id);
  }

  /**
   * Links a status change recorded before decisions were kept (the seeded history) to the decision
   * that ordered it; for the governance module's seeding of the KP's past decisions.
   *
   * @return the change's row id, or empty when no such change is recorded
   */
  @Transactional
  public Optional<Long> linkRecordedChange(
      ParticipantCode code,
      StatusChangeType type,
      LocalDate effectiveOn,
      DecisionReference decision) {
    return repository.linkChange(code, type, effectiveOn, decision);
  }

  /**
   * Links a compliant zone recorded before decisions were kept to the decision that declared it.
   *
   * @return the zone's row id, or empty when no such zone is recorded
   */
  @Transactional
  public Optional<Long> linkRecordedZone(
      ParticipantCode code, String zone, LocalDate effectiveFrom, DecisionReference decision) {
    return repository.linkZone(code, zone, effectiveFrom, decision);
  }

  /** Details of an audit record from name, value pairs (values may be null). */
  static java.util.Map<String, @org.jspecify.annotations.Nullable Object> details(
      @org.jspecify.annotations.Nullable String... pairs) {
    java.util.Map<String, @org.jspecify.annotations.Nullable Object> out =
        new java.util.LinkedHashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      out.put(java.util.Objects.requireNonNull(pairs[i]), pairs[i + 1]);
    }
    return out;
  }
}
