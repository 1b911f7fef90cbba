package org.kimberlite.registry.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.kimberlite.registry.Account;
import org.kimberlite.registry.AccountCreation;
import org.kimberlite.registry.Organisation;
import org.kimberlite.registry.OrganisationChange;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.ParticipantChange;
import org.kimberlite.registry.ParticipantDetail;
import org.kimberlite.registry.Participants;
import org.kimberlite.registry.RuleBreach;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.problem.FieldError;
import org.kimberlite.shared.problem.Problem;

/** How the registry's outcomes are answered on the web: RFC 9457 problems. */
final class RegistryProblems {
  private RegistryProblems() {}

  /** The participant code in a path, if it has a code's form; otherwise no participant has it. */
  static Optional<ParticipantCode> code(String text) {
    return Participants.codeOf(text);
  }

  static Problem noParticipant(String asked) {
    return Problem.notFound("No participant with code " + asked + ".");
  }

  /** The code in a path, or a 404 naming what was asked. */
  static ParticipantCode requireCode(String asked) {
    return code(asked).orElseThrow(() -> noParticipant(asked));
  }

  /** A refusal: 422 naming the fields at fault, under the first breach's problem type. */
  static Problem refused(List<RuleBreach> breaches) {
    RuleBreach first = breaches.get(0);
    List<FieldError> fields =
        breaches.stream().map(b -> new FieldError(b.field(), b.message())).toList();
    if (first.rule() == RuleBreach.Rule.INVALID_STATUS_TRANSITION) {
      return new Problem(
          422,
          "registry/invalid-status-transition",
          "This status change does not follow from the current status",
          first.detail(),
          List.of(),
          fields);
    }
    return Problem.invalid(first.detail(), fields);
  }

  /** A refusal because the caller's organisation plays none of the roles {@code anyOf}. */
  static Problem roleRequired(Set<OrganisationRole> anyOf) {
    return Problem.forbidden("This needs an account of an organisation with role " + anyOf + ".");
  }

  /** The participant as recorded, or the problem that answers why not. */
  static ParticipantDetail recorded(ParticipantChange change, String asked) {
    return switch (change) {
      case ParticipantChange.Recorded r -> r.detail();
      case ParticipantChange.Refused r -> throw refused(r.breaches());
      case ParticipantChange.NotAllowed n -> throw roleRequired(n.anyOf());
      case ParticipantChange.Unknown u -> throw noParticipant(asked);
      case ParticipantChange.AlreadyListed a ->
          throw Problem.conflict(
              "registry/participant-exists",
              a.tradesUnder() == null
                  ? a.code() + " is already on the participants list."
                  : a.code() + " already trades under participant " + a.tradesUnder());
    };
  }

  static Problem noOrganisationOfYours(UUID id) {
    return Problem.notFound("No organisation " + id + " of yours.");
  }

  /** The organisation as it now stands, or the problem that answers why not. */
  static Organisation organisation(OrganisationChange change) {
    return switch (change) {
      case OrganisationChange.Done d -> d.organisation();
      case OrganisationChange.Refused r -> throw refused(r.breaches());
      case OrganisationChange.NotAllowed n -> throw roleRequired(n.anyOf());
      case OrganisationChange.AuthoritiesBySecretariatOnly a ->
          throw Problem.forbidden("Only the KP secretariat registers authorities.");
      case OrganisationChange.OtherParticipant o ->
          throw Problem.forbidden(
              "A KP authority registers organisations of its own participant ("
                  + o.own()
                  + ") only.");
      case OrganisationChange.NotFound n -> throw noOrganisationOfYours(n.id());
      case OrganisationChange.NotAnAdministrator n ->
          throw Problem.forbidden("Only an administrator of the organisation may change it.");
      case OrganisationChange.ChangedMeanwhile c ->
          throw Problem.conflict(
              "concurrent-change",
              "The organisation was changed since version " + c.version() + "; read it again.");
    };
  }

  /** The account created, or the problem that answers why not. */
  static Account account(AccountCreation creation) {
    return switch (creation) {
      case AccountCreation.Created c -> c.account();
      case AccountCreation.Refused r -> throw refused(r.breaches());
      case AccountCreation.NotFound n -> throw noOrganisationOfYours(n.id());
      case AccountCreation.NotAnAdministrator n ->
          throw Problem.forbidden("Only an administrator of the organisation may add accounts.");
      case AccountCreation.UsernameTaken t ->
          throw Problem.conflict(
              "registry/username-taken", "The username " + t.username() + " is taken.");
    };
  }
}
