package org.kimberlite.registry;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.registry.internal.OrganisationRepository;
import org.kimberlite.registry.internal.ParticipantRepository;
import org.kimberlite.shared.CountryCode;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.problem.FieldError;
import org.kimberlite.shared.problem.Problem;
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

  Organisations(
      OrganisationRepository organisations, ParticipantRepository participants, Clock clock) {
    this.organisations = organisations;
    this.participants = participants;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<Organisation> directory() {
    return organisations.directory();
  }

  @Transactional(readOnly = true)
  public Organisation directoryEntry(UUID id) {
    return organisations
        .directoryEntry(id)
        .orElseThrow(() -> Problem.notFound("No organisation " + id + "."));
  }

  /** The caller's own organisation with every field; any other is "not found". */
  @Transactional(readOnly = true)
  public Organisation own(Caller caller, UUID id) {
    return organisations
        .findOwn(caller, id)
        .orElseThrow(() -> Problem.notFound("No organisation " + id + " of yours."));
  }

  /**
   * Registers an organisation. The KP secretariat registers any; a KP authority registers companies
   * of its own participant (licensing), never another authority.
   */
  @Transactional
  public Organisation register(Caller caller, NewOrganisation request) {
    caller.require(OrganisationRole.KP_SECRETARIAT, OrganisationRole.KP_AUTHORITY);
    Organisation organisation = validate(request);
    if (!caller.has(OrganisationRole.KP_SECRETARIAT)) {
      if (!request.roles().stream().noneMatch(GOVERNMENT::contains)) {
        throw Problem.forbidden("Only the KP secretariat registers authorities.");
      }
      if (organisation.participant() == null
          || !organisation.participant().equals(caller.participant())) {
        throw Problem.forbidden(
            "A KP authority registers organisations of its own participant ("
                + caller.participant()
                + ") only.");
      }
    }
    organisations.insert(organisation, clock.instant());
    return organisation;
  }

  /** Registers without a caller: for seeding the demo world and the first secretariat. */
  @Transactional
  public Organisation registerSeed(NewOrganisation request) {
    Organisation organisation = validate(request);
    organisations.insert(organisation, clock.instant());
    return organisation;
  }

  /** Updates the caller's own SoW registration and RJC certification. */
  @Transactional
  public Organisation updateCompliance(
      Caller caller,
      UUID id,
      long version,
      @Nullable SowRegistration sow,
      @Nullable RjcCertification rjc) {
    Organisation current = own(caller, id);
    if (!caller.admin()) {
      throw Problem.forbidden("Only an administrator of the organisation may change it.");
    }
    if (organisations.updateCompliance(caller, current.id(), version, sow, rjc) == 0) {
      throw Problem.conflict(
          "concurrent-change",
          "The organisation was changed since version " + version + "; read it again.");
    }
    return own(caller, id);
  }

  private Organisation validate(NewOrganisation request) {
    List<FieldError> errors = new ArrayList<>();
    CountryCode country = request.country();
    if (request.name().isBlank() || request.name().length() > 300) {
      errors.add(new FieldError("name", "must have 1 to 300 characters"));
    }
    if (request.roles().isEmpty()) {
      errors.add(new FieldError("roles", "must name at least one role"));
    }
    if (!errors.isEmpty()) {
      throw Problem.invalid("The organisation cannot be registered as given.", errors);
    }
    ParticipantCode participant = participants.participantForCountry(country).orElse(null);
    if (request.roles().contains(OrganisationRole.KP_AUTHORITY) && participant == null) {
      throw Problem.invalid(
          "country", "a KP authority must belong to a KP participant; " + country + " is not one");
    }
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
