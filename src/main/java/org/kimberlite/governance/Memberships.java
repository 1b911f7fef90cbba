package org.kimberlite.governance;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.governance.internal.MembershipRepository;
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
 * Who sits on the working bodies. Seats are public (the KP publishes its working groups'
 * membership); the secretariat appoints and removes. A seat is what lets an authority's or an
 * observer's accounts read what the body reads: a working-group member every participant's annual
 * reports and review visits, a monitoring team member its participant's exports.
 */
@Service
public class Memberships {
  private final MembershipRepository repository;
  private final Organisations organisations;
  private final Participants participants;
  private final AuditTrail audit;
  private final Clock clock;

  Memberships(
      MembershipRepository repository,
      Organisations organisations,
      Participants participants,
      AuditTrail audit,
      Clock clock) {
    this.repository = repository;
    this.organisations = organisations;
    this.participants = participants;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Whether the caller's organisation sits on {@code body} (for a team: on {@code concerning}'s).
   */
  @Transactional(readOnly = true)
  public boolean sits(Caller caller, Body body, @Nullable ParticipantCode concerning) {
    return repository.sits(caller.organisationId(), body, concerning);
  }

  /** Every seat, by body, participant and seat. */
  @Transactional(readOnly = true)
  public List<Membership> list() {
    return repository.all();
  }

  /** The seats the caller's organisation holds. */
  @Transactional(readOnly = true)
  public List<Membership> of(Caller caller) {
    return repository.all().stream()
        .filter(m -> m.organisationId().equals(caller.organisationId()))
        .toList();
  }

  /** Appoints an organisation to a body (the secretariat only). */
  @Transactional
  public MembershipChange appoint(
      Caller caller,
      Body body,
      @Nullable ParticipantCode concerning,
      UUID organisationId,
      Seat seat) {
    if (!caller.has(OrganisationRole.KP_SECRETARIAT)) {
      return new MembershipChange.NotAllowed();
    }
    Optional<Organisation> organisation = organisations.forChecks(organisationId);
    if (organisation.isEmpty()) {
      return new MembershipChange.Unknown("organisation " + organisationId);
    }
    if (body.concernsOneParticipant() && concerning == null) {
      return new MembershipChange.Refused(
          "participant", "a monitoring team follows one participant: name it");
    }
    if (!body.concernsOneParticipant() && concerning != null) {
      return new MembershipChange.Refused(
          "participant", "the " + body + " does not follow one participant: leave it out");
    }
    if (concerning != null && participants.detail(concerning).isEmpty()) {
      return new MembershipChange.Unknown("participant " + concerning);
    }
    if (repository.sits(organisationId, body, concerning)) {
      return new MembershipChange.Refused("organisationId", "already sits on this body");
    }
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Membership m =
        repository.insert(body, concerning, organisation.get(), seat, at, caller.username());
    audit.record(caller, "governance.membership", String.valueOf(m.id()), details(m));
    return new MembershipChange.Recorded(m);
  }

  /** Ends a seat (the secretariat only). */
  @Transactional
  public MembershipChange end(Caller caller, long id) {
    if (!caller.has(OrganisationRole.KP_SECRETARIAT)) {
      return new MembershipChange.NotAllowed();
    }
    Optional<Membership> m = repository.find(id);
    if (m.isEmpty()) {
      return new MembershipChange.Unknown("membership " + id);
    }
    repository.delete(id);
    audit.record(caller, "governance.membership-ended", String.valueOf(id), details(m.get()));
    return new MembershipChange.Ended(m.get());
  }

  private static Map<String, @Nullable Object> details(Membership m) {
    Map<String, @Nullable Object> d = new LinkedHashMap<>();
    d.put("body", m.body().name());
    d.put("participant", m.concerning() == null ? null : m.concerning().code());
    d.put("organisationId", m.organisationId().toString());
    d.put("seat", m.seat().name());
    return d;
  }
}
