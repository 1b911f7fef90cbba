package org.kimberlite.registry;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.registry.internal.OrganisationRepository;
import org.kimberlite.registry.internal.ParticipantRepository;
import org.kimberlite.shared.CountryCode;
import org.kimberlite.shared.ParticipantCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisations along the pipeline. The directory is visible to every signed-in caller; an
 * organisation's full record only to itself.
 */
@Service
public class Organisations {
  private static final Set<OrganisationRole> GOVERNMENT =
      Set.of(OrganisationRole.KP_AUTHORITY, OrganisationRole.KP_SECRETARIAT);

  private final OrganisationRepository organisations;
  private final ParticipantRepository participants;
  private final Clock clock;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;

  Organisations(
      OrganisationRepository organisations,
      ParticipantRepository participants,
      Clock clock,
      AuditTrail audit,
      ApplicationEventPublisher events) {
    this.audit = audit;
    this.events = events;
    this.organisations = organisations;
    this.participants = participants;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<Organisation> directory() {
    return organisations.directory();
  }

  /**
   * The ids of one KP participant's organisations that hold {@code role} (e.g. its authorities).
   */
  @Transactional(readOnly = true)
  public List<UUID> withRole(ParticipantCode participant, OrganisationRole role) {
    return organisations.withRole(participant, role);
  }

  /** One organisation's directory entry (no private fields). */
  @Transactional(readOnly = true)
  public Optional<Organisation> directoryEntry(UUID id) {
    return organisations.directoryEntry(id);
  }

  /**
   * An organisation's SoW registration, for checks that run without a caller (custody's SOW-03 at
   * capture); absent when it has none or the organisation is unknown.
   */
  @Transactional(readOnly = true)
  public Optional<SowRegistration> sowRegistration(UUID id) {
    return organisations.findForAuthentication(id).map(Organisation::sow);
  }

  /**
   * An organisation with its compliance facts (SoW registration, RJC certification), for checks
   * that run without a caller (due diligence's DD-03); whoever uses it shows no private field.
   */
  @Transactional(readOnly = true)
  public Optional<Organisation> forChecks(UUID id) {
    return organisations.findForAuthentication(id);
  }

  /** The caller's own organisation with every field; any other is absent. */
  @Transactional(readOnly = true)
  public Optional<Organisation> own(Caller caller, UUID id) {
    return organisations.findOwn(caller, id);
  }

  /**
   * Registers an organisation. The KP secretariat registers any; a KP authority registers companies
   * of its own participant (licensing), never another authority.
   */
  @Transactional
  public OrganisationChange register(Caller caller, NewOrganisation request) {
    if (!caller.hasAny(OrganisationRole.KP_SECRETARIAT, OrganisationRole.KP_AUTHORITY)) {
      return new OrganisationChange.NotAllowed(
          Set.of(OrganisationRole.KP_SECRETARIAT, OrganisationRole.KP_AUTHORITY));
    }
    List<RuleBreach> breaches = breaches(request);
    if (!breaches.isEmpty()) {
      return new OrganisationChange.Refused(breaches);
    }
    Organisation organisation = organisation(request);
    if (!caller.has(OrganisationRole.KP_SECRETARIAT)) {
      if (!request.roles().stream().noneMatch(GOVERNMENT::contains)) {
        return new OrganisationChange.AuthoritiesBySecretariatOnly();
      }
      if (organisation.participant() == null
          || !organisation.participant().equals(caller.participant())) {
        return new OrganisationChange.OtherParticipant(caller.participant());
      }
    }
    organisations.insert(organisation, clock.instant());
    audit.record(
        caller,
        "organisation.registration",
        organisation.id().toString(),
        Participants.details(
            "name",
            organisation.name(),
            "country",
            organisation.country().code(),
            "roles",
            organisation.roles().stream().map(Enum::name).sorted().toList().toString()));
    return new OrganisationChange.Done(organisation);
  }

  /**
   * Registers without a caller: for seeding the demo world and the first secretariat.
   *
   * @throws IllegalArgumentException when the registry's rules refuse the request
   */
  @Transactional
  public Organisation registerSeed(NewOrganisation request) {
    List<RuleBreach> breaches = breaches(request);
    if (!breaches.isEmpty()) {
      throw new IllegalArgumentException(breaches.get(0).detail());
    }
    Organisation organisation = organisation(request);
    organisations.insert(organisation, clock.instant());
    return organisation;
  }

  /** Updates the caller's own SoW registration and RJC certification. */
  @Transactional
  public OrganisationChange updateCompliance(
      Caller caller,
      UUID id,
      long version,
      @Nullable SowRegistration sow,
      @Nullable RjcCertification rjc) {
    Optional<Organisation> current = own(caller, id);
    if (current.isEmpty()) {
      return new OrganisationChange.NotFound(id);
    }
    if (!caller.admin()) {
      return new OrganisationChange.NotAnAdministrator();
    }
    if (organisations.updateCompliance(caller, current.get().id(), version, sow, rjc) == 0) {
      return new OrganisationChange.ChangedMeanwhile(version);
    }
    audit.record(
        caller,
        "organisation.compliance",
        id.toString(),
        Participants.details(
            "sow",
            sow == null ? null : sow.toString(),
            "rjc",
            rjc == null ? null : rjc.toString()));
    events.publishEvent(new OrganisationChanged(id, clock.instant()));
    return own(caller, id)
        .<OrganisationChange>map(OrganisationChange.Done::new)
        .orElseGet(() -> new OrganisationChange.NotFound(id));
  }

  /** What the registry's rules find wrong with the request, if anything. */
  private List<RuleBreach> breaches(NewOrganisation request) {
    List<RuleBreach> errors = new ArrayList<>();
    if (request.name().isBlank() || request.name().length() > 300) {
      errors.add(fieldBreach("name", "must have 1 to 300 characters"));
    }
    if (request.roles().isEmpty()) {
      errors.add(fieldBreach("roles", "must name at least one role"));
    }
    if (!errors.isEmpty()) {
      return errors;
    }
    if (request.roles().contains(OrganisationRole.KP_AUTHORITY)
        && participants.participantForCountry(request.country()).isEmpty()) {
      return List.of(
          RuleBreach.invalid(
              "country",
              "a KP authority must belong to a KP participant; "
                  + request.country()
                  + " is not one"));
    }
    return List.of();
  }

  private static RuleBreach fieldBreach(String field, String message) {
    return new RuleBreach(
        RuleBreach.Rule.INVALID_INPUT,
        field,
        message,
        "The organisation cannot be registered as given.");
  }

  private Organisation organisation(NewOrganisation request) {
    CountryCode country = request.country();
    ParticipantCode participant = participants.participantForCountry(country).orElse(null);
    return new Organisation(
        UUID.randomUUID(),
        request.name().strip(),
        country,
        participant,
        request.roles(),
        request.sow(),
        request.rjc(),
        0);
  }
}
