package org.kimberlite.governance.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kimberlite.governance.ActionItem;
import org.kimberlite.governance.ActionNote;
import org.kimberlite.governance.MinimumRequirement;
import org.kimberlite.governance.OverdueAction;
import org.kimberlite.governance.ReviewVisit;
import org.kimberlite.governance.ReviewVisitId;
import org.kimberlite.governance.ReviewVisitOutcome;
import org.kimberlite.governance.ReviewVisitResponse;
import org.kimberlite.governance.ReviewVisitSummary;
import org.kimberlite.governance.VisitFinding;
import org.kimberlite.governance.VisitTeamMember;
import org.kimberlite.shared.problem.FieldError;
import org.kimberlite.shared.problem.Problem;

/** The JSON shapes of peer review visits, and the statuses their outcomes answer with. */
final class ReviewVisitJson {
  static final String NO_SUCH_VISIT = "No such review visit.";

  private ReviewVisitJson() {}

  static Map<String, Object> summary(ReviewVisitSummary s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id().toString());
    m.put("participant", s.participant().code());
    m.put("startsOn", s.startsOn().toString());
    m.put("endsOn", s.endsOn().toString());
    m.put("status", s.status().name());
    return m;
  }

  static Map<String, Object> visit(ReviewVisit v) {
    Map<String, Object> m = summary(v.summary());
    m.put("termsOfReference", v.termsOfReference());
    m.put("team", v.team().stream().map(ReviewVisitJson::member).toList());
    m.put("plannedAt", v.plannedAt().toString());
    m.put("plannedBy", v.plannedBy());
    m.put("conductedAt", text(v.conductedAt()));
    m.put("conductedBy", v.conductedBy());
    m.put("findings", v.findings().stream().map(ReviewVisitJson::finding).toList());
    ReviewVisitResponse r = v.response();
    m.put("response", r == null ? null : response(r));
    m.put("planAcceptedAt", text(v.planAcceptedAt()));
    m.put("planAcceptedBy", v.planAcceptedBy());
    m.put("actions", v.actions().stream().map(ReviewVisitJson::action).toList());
    m.put("closedAt", text(v.closedAt()));
    return m;
  }

  static Map<String, Object> requirement(MinimumRequirement r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", r.code());
    m.put("section", r.section());
    m.put("summary", r.summary());
    return m;
  }

  static Map<String, Object> overdue(OverdueAction o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("visit", o.visit().toString());
    m.put("participant", o.participant().code());
    m.put("action", action(o.action()));
    return m;
  }

  private static Map<String, Object> member(VisitTeamMember t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("organisationId", t.organisationId().toString());
    m.put("name", t.name());
    m.put("lead", t.lead());
    return m;
  }

  private static Map<String, Object> finding(VisitFinding f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("number", f.number());
    m.put("requirement", f.requirement().code());
    m.put("section", f.requirement().section());
    m.put("observation", f.observation());
    m.put("recommendation", f.recommendation());
    return m;
  }

  private static Map<String, Object> response(ReviewVisitResponse r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("text", r.text());
    m.put("organisationId", r.organisationId().toString());
    m.put("respondedBy", r.respondedBy());
    m.put("respondedAt", r.respondedAt().toString());
    return m;
  }

  static Map<String, Object> action(ActionItem a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("number", a.number());
    m.put("finding", a.finding());
    m.put("description", a.description());
    m.put("dueOn", a.dueOn().toString());
    m.put("status", a.closed() ? "CLOSED" : "OPEN");
    m.put("overdue", a.overdue());
    m.put("progress", a.progress().stream().map(ReviewVisitJson::note).toList());
    m.put("closedAt", text(a.closedAt()));
    m.put("closedBy", a.closedBy());
    m.put("closingNote", a.closingNote());
    m.put("escalatedAt", text(a.escalatedAt()));
    return m;
  }

  private static Map<String, Object> note(ActionNote n) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("note", n.note());
    m.put("recordedAt", n.recordedAt().toString());
    m.put("recordedBy", n.recordedBy());
    return m;
  }

  private static @Nullable String text(@Nullable Instant at) {
    return at == null ? null : at.toString();
  }

  /** A visit's id in a path; a 404 for anything that is not one. */
  static ReviewVisitId id(String id) {
    return ReviewVisitId.parse(id).orElseThrow(() -> Problem.notFound(NO_SUCH_VISIT));
  }

  /** An action's number in a path; a 404 for anything that is not one. */
  static int actionNumber(String number) {
    if (number.isEmpty()
        || number.length() > 3
        || !number.chars().allMatch(Character::isDigit)
        || Integer.parseInt(number) < 1) {
      throw Problem.notFound("No such action.");
    }
    return Integer.parseInt(number);
  }

  /** A date of a request body; null when absent, a 422 naming the field when unreadable. */
  static @Nullable LocalDate date(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > 10) {
      throw Problem.invalid(field, "a date such as 2027-03-31");
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw Problem.invalid(field, "a date such as 2027-03-31");
    }
  }

  /** The visit of a done step; a problem for every other outcome. */
  static ReviewVisit orThrow(ReviewVisitOutcome outcome) {
    return switch (outcome) {
      case ReviewVisitOutcome.Done d -> d.visit();
      case ReviewVisitOutcome.NotFound n -> throw Problem.notFound(NO_SUCH_VISIT);
      case ReviewVisitOutcome.NotAllowed n -> throw Problem.forbidden(n.reason());
      case ReviewVisitOutcome.OutOfOrder o ->
          throw Problem.conflict(
              "review-visit-out-of-order",
              o.message() + " The visit is " + o.status().name() + ".");
      case ReviewVisitOutcome.Invalid i ->
          throw Problem.invalid(
              "The review visit step is not valid as given: "
                  + String.join(", ", i.errors().keySet()),
              errors(i.errors()));
    };
  }

  static List<FieldError> errors(Map<String, String> errors) {
    return errors.entrySet().stream().map(e -> new FieldError(e.getKey(), e.getValue())).toList();
  }
}
