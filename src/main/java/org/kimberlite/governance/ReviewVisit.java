package org.kimberlite.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.ParticipantCode;

/**
 * A peer review visit to a participant, as those who may see it see it: the plan (dates, terms of
 * reference, team), the team's findings, the participant's response with its action plan, and the
 * actions followed to closure.
 *
 * @param plannedByOrganisation the secretariat's organisation that planned it
 * @param planAcceptedAt when the secretariat or the team lead accepted the action plan
 */
public record ReviewVisit(
    ReviewVisitId id,
    ParticipantCode participant,
    LocalDate startsOn,
    LocalDate endsOn,
    String termsOfReference,
    List<VisitTeamMember> team,
    VisitStatus status,
    Instant plannedAt,
    String plannedBy,
    UUID plannedByOrganisation,
    @Nullable Instant conductedAt,
    @Nullable String conductedBy,
    List<VisitFinding> findings,
    @Nullable ReviewVisitResponse response,
    @Nullable Instant planAcceptedAt,
    @Nullable String planAcceptedBy,
    List<ActionItem> actions,
    @Nullable Instant closedAt) {
  public ReviewVisit {
    team = List.copyOf(team);
    findings = List.copyOf(findings);
    actions = List.copyOf(actions);
  }

  /** The organisation that leads the team. */
  public Optional<VisitTeamMember> lead() {
    return team.stream().filter(VisitTeamMember::lead).findFirst();
  }

  public boolean onTeam(UUID organisationId) {
    return team.stream().anyMatch(m -> m.organisationId().equals(organisationId));
  }

  public Optional<ActionItem> action(int number) {
    return actions.stream().filter(a -> a.number() == number).findFirst();
  }

  /** The same visit with its actions as given (the same actions, read on another day). */
  public ReviewVisit withActions(List<ActionItem> read) {
    return new ReviewVisit(
        id,
        participant,
        startsOn,
        endsOn,
        termsOfReference,
        team,
        status,
        plannedAt,
        plannedBy,
        plannedByOrganisation,
        conductedAt,
        conductedBy,
        findings,
        response,
        planAcceptedAt,
        planAcceptedBy,
        read,
        closedAt);
  }

  public ReviewVisitSummary summary() {
    return new ReviewVisitSummary(id, participant, startsOn, endsOn, status);
  }
}
