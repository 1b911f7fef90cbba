package org.kimberlite.governance.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.kimberlite.governance.Decision;
import org.kimberlite.governance.DecisionOutcome;
import org.kimberlite.governance.DecisionState;
import org.kimberlite.governance.internal.DecisionPolicy;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.problem.FieldError;
import org.kimberlite.shared.problem.Problem;

/** Reading the parameters of the decision endpoints and pages, and answering their outcomes. */
final class DecisionForms {
  private DecisionForms() {}

  static ParticipantCode participant(String text) {
    try {
      return ParticipantCode.of(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Problem.badParameter("participant", "a participant's two-letter code");
    }
  }

  static LocalDate date(String field, String text) {
    try {
      LocalDate d = LocalDate.parse(text.strip());
      if (d.getYear() < 1900 || d.getYear() > 2999) {
        throw Problem.badParameter(field, "a date between 1900 and 2999");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw Problem.badParameter(field, "a date such as 2026-01-31");
    }
  }

  static DecisionState state(String text) {
    try {
      return DecisionState.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw Problem.badParameter("state", "one of pending, in-force, spent");
    }
  }

  static Optional<UUID> uuid(String text) {
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The decision recorded, or the problem that says why not. */
  static Decision recorded(DecisionOutcome outcome) {
    return switch (outcome) {
      case DecisionOutcome.Recorded r -> r.decision();
      case DecisionOutcome.NotAllowed n ->
          throw Problem.forbidden("Only the KP secretariat records decisions.");
      case DecisionOutcome.NumberTaken t ->
          throw Problem.conflict(
              "governance/decision-number-taken",
              "A decision numbered " + t.number() + " is recorded already.");
      case DecisionOutcome.Refused r -> throw refused(r.breaches());
    };
  }

  /** 400 when only the form is at fault, 422 under the first rule broken otherwise. */
  static Problem refused(List<DecisionOutcome.Breach> breaches) {
    List<FieldError> fields =
        breaches.stream().map(b -> new FieldError(b.field(), b.message())).toList();
    DecisionOutcome.Breach rule =
        breaches.stream()
            .filter(b -> !b.rule().equals(DecisionPolicy.INVALID))
            .findFirst()
            .orElse(null);
    if (rule == null) {
      return Problem.invalid("The decision cannot be recorded as given.", fields);
    }
    return new Problem(
        422,
        rule.rule(),
        "The decision breaks a rule",
        rule.field() + ": " + rule.message(),
        List.of(),
        fields);
  }
}
