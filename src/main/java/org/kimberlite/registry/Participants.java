package org.kimberlite.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.registry.internal.ParticipantRepository;
import org.kimberlite.shared.problem.FieldError;
import org.kimberlite.shared.problem.Problem;
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

  public Participants(ParticipantRepository repository, TransparencyLog log, Clock clock) {
    this.repository = repository;
    this.log = log;
    this.clock = clock;
  }

  /** Recording times are kept to the millisecond, as the databases and the log hold them. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private void commit(Caller caller, String code, StatusChange change) {
    long id = repository.insertChange(code, change);
    log.record(
        RegistryRecords.changeCommitment(id, code, change, caller.organisationId().toString()));
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /** Every listed participant and entity with its standing on {@code on}. */
  @Transactional(readOnly = true)
  public List<ParticipantSummary> list(LocalDate on) {
    Map<String, ParticipantHistory> histories = repository.histories();
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

  @Transactional(readOnly = true)
  public ParticipantDetail detail(String code) {
    Participant participant = require(code);
    ParticipantHistory history = repository.history(participant.code());
    return new ParticipantDetail(
        participant,
        history.standingOn(today()),
        history.changes(),
        history.compliantZones(),
        repository.memberStates(participant.code()));
  }

  /** Was {@code code} a participant in good standing on {@code on}? */
  @Transactional(readOnly = true)
  public Standing standing(String code, LocalDate on) {
    Participant participant = require(code);
    return repository.history(participant.code()).standingOn(on);
  }

  /** The participant a country trades under: itself, or the EU for its member states. */
  @Transactional(readOnly = true)
  public Optional<String> participantForCountry(String country) {
    return repository.participantForCountry(country.toUpperCase(java.util.Locale.ROOT));
  }

  @Transactional(readOnly = true)
  public Map<String, String> memberStates(String code) {
    return repository.memberStates(require(code).code());
  }

  @Transactional(readOnly = true)
  public List<SeedSource> sources() {
    return repository.seedSources();
  }

  /** Adds a participant to the list, admitted on {@code admission.effectiveOn()}. */
  @Transactional
  public ParticipantDetail admit(
      Caller caller, Participant participant, LocalDate admittedOn, String reason) {
    caller.require(OrganisationRole.KP_SECRETARIAT);
    String code = participant.code();
    if (!code.matches("[A-Z]{2}")) {
      throw Problem.invalid("code", "must be an ISO 3166-1 alpha-2 code in capitals");
    }
    if (repository.find(code).isPresent()) {
      throw Problem.conflict(
          "registry/participant-exists", code + " is already on the participants list.");
    }
    if (repository.participantForCountry(code).isPresent()) {
      throw Problem.conflict(
          "registry/participant-exists",
          code
              + " already trades under participant "
              + repository.participantForCountry(code).get());
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
    return detail(code);
  }

  /** Records a suspension, self-suspension, reinstatement, framework or exclusion. */
  @Transactional
  public ParticipantDetail recordStatusChange(Caller caller, String code, NewStatusChange change) {
    caller.require(OrganisationRole.KP_SECRETARIAT);
    Participant participant = require(code);
    if (change.reason().isBlank()) {
      throw Problem.invalid("reason", "must say why the status changes");
    }
    repository.lock(participant.code());
    ParticipantHistory history = repository.history(participant.code());
    history.checkAppend(change.type(), change.effectiveOn());
    commit(
        caller,
        participant.code(),
        new StatusChange(
            change.type(),
            change.effectiveOn(),
            change.precision(),
            change.reason().strip(),
            change.source(),
            now(),
            caller.username()));
    return detail(participant.code());
  }

  /** Records a compliant zone of a participant under an operational framework. */
  @Transactional
  public ParticipantDetail addCompliantZone(Caller caller, String code, CompliantZone zone) {
    caller.require(OrganisationRole.KP_SECRETARIAT);
    Participant participant = require(code);
    repository.lock(participant.code());
    ParticipantHistory history = repository.history(participant.code());
    StatusChange inForce = history.changeInForceOn(zone.effectiveFrom());
    if (inForce == null || inForce.type() != StatusChangeType.OPERATIONAL_FRAMEWORK) {
      throw Problem.invalid(
          "Compliant zones apply only to a suspended participant under an operational framework.",
          List.of(
              new FieldError(
                  "effectiveFrom",
                  "no operational framework of "
                      + participant.code()
                      + " is in force on "
                      + zone.effectiveFrom())));
    }
    Instant at = now();
    long id = repository.insertZone(participant.code(), zone, at, caller.username());
    log.record(
        RegistryRecords.zoneCommitment(
            id,
            participant.code(),
            zone,
            at,
            caller.username(),
            caller.organisationId().toString()));
    return detail(participant.code());
  }

  private Participant require(String code) {
    return repository
        .find(code.toUpperCase(java.util.Locale.ROOT))
        .orElseThrow(() -> Problem.notFound("No participant with code " + code + "."));
  }
}
