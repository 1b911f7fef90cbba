package org.kimberlite.diligence.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kimberlite.diligence.Finding;
import org.kimberlite.diligence.FindingStatus;
import org.kimberlite.diligence.Findings;
import org.kimberlite.diligence.Response;
import org.kimberlite.diligence.Severity;
import org.kimberlite.registry.Caller;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.problem.FieldError;
import org.kimberlite.shared.problem.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/findings}: the caller's findings (paged, filtered), one finding, responses, and
 * the secretariat's re-evaluation over history.
 */
@RestController
class FindingApi {
  private static final Pattern RULE = Pattern.compile("[A-Z]{2,5}-[0-9]{2}");

  private final Findings findings;

  FindingApi(Findings findings) {
    this.findings = findings;
  }

  @GetMapping("/api/v1/findings")
  Map<String, Object> list(
      Caller caller,
      @RequestParam(required = false) @Nullable String rule,
      @RequestParam(required = false) @Nullable String organisation,
      @RequestParam(required = false) @Nullable String participant,
      @RequestParam(required = false) @Nullable String status,
      @RequestParam(required = false) @Nullable String severity,
      @RequestParam(defaultValue = "0") String page,
      @RequestParam(defaultValue = "50") String size) {
    Findings.Query q =
        new Findings.Query(
            rule == null ? null : checked("rule", rule, RULE.matcher(rule).matches()),
            organisation == null ? null : uuid("organisation", organisation),
            participant == null ? null : participant(participant),
            status == null ? null : named(FindingStatus.class, "status", status),
            severity == null ? null : named(Severity.class, "severity", severity),
            integer("page", page),
            integer("size", size));
    return switch (findings.list(caller, q)) {
      case Findings.ListOutcome.Listed l -> {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("page", l.page());
        body.put("size", l.size());
        body.put("findings", l.findings().stream().map(FindingApi::json).toList());
        yield body;
      }
      case Findings.ListOutcome.Invalid i -> throw bad(i.field(), i.message());
    };
  }

  @GetMapping("/api/v1/findings/{id}")
  Map<String, Object> one(Caller caller, @PathVariable String id) {
    return findings
        .get(caller, idOrNotFound(id))
        .map(FindingApi::json)
        .orElseThrow(() -> Problem.notFound("No such finding."));
  }

  @PostMapping("/api/v1/findings/{id}/responses")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> respond(
      Caller caller, @PathVariable String id, @RequestBody Map<String, Object> body) {
    LocalDate reviewOn = null;
    Object review = body.get("reviewOn");
    if (review != null) {
      try {
        reviewOn = LocalDate.parse(review.toString());
      } catch (DateTimeParseException e) {
        throw Problem.invalid("reviewOn", "a date such as 2027-03-31");
      }
    }
    Findings.ResponseRequest r =
        new Findings.ResponseRequest(
            text(body.get("decision")),
            text(body.get("plan")),
            reviewOn,
            text(body.get("responder")));
    return switch (findings.respond(caller, idOrNotFound(id), r)) {
      case Findings.RespondOutcome.Recorded rec -> json(rec.finding());
      case Findings.RespondOutcome.NotFound n -> throw Problem.notFound("No such finding.");
      case Findings.RespondOutcome.NotAllowed n -> throw Problem.forbidden(n.reason());
      case Findings.RespondOutcome.Closed c ->
          throw Problem.conflict("finding-closed", "The finding was closed by a disengagement.");
      case Findings.RespondOutcome.Invalid i ->
          throw Problem.invalid(
              "The response is not valid",
              i.errors().entrySet().stream()
                  .map(e -> new FieldError(e.getKey(), e.getValue()))
                  .toList());
    };
  }

  @PostMapping("/api/v1/findings/evaluations")
  Map<String, Object> evaluate(Caller caller) {
    return switch (findings.evaluateAll(caller)) {
      case Findings.EvaluateOutcome.Evaluated e -> {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("certificates", e.certificates());
        body.put("custodyBatches", e.custodyFlags());
        body.put("statisticsYears", e.years());
        body.put("raised", e.raised());
        yield body;
      }
      case Findings.EvaluateOutcome.NotAllowed n ->
          throw Problem.forbidden("This needs an account of the KP secretariat.");
    };
  }

  static Map<String, Object> json(Finding f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", f.id().toString());
    m.put("rule", f.rule());
    m.put("severity", f.severity().name());
    m.put("status", f.status().name());
    m.put("escalation", f.escalation());
    m.put("summary", f.summary());
    m.put("organisations", f.organisations().stream().map(UUID::toString).toList());
    m.put("participants", f.participants().stream().map(ParticipantCode::code).toList());
    m.put(
        "evidence",
        f.evidence().stream()
            .map(
                e -> Map.of("kind", e.kind(), "ref", e.ref(), "label", e.label(), "href", e.href()))
            .toList());
    m.put("raisedAt", f.raisedAt().toString());
    m.put("reviewOn", f.reviewOn() == null ? null : f.reviewOn().toString());
    m.put("responses", f.responses().stream().map(FindingApi::json).toList());
    return m;
  }

  private static Map<String, Object> json(Response r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("decision", r.decision().name());
    m.put("plan", r.plan());
    m.put("reviewOn", r.reviewOn() == null ? null : r.reviewOn().toString());
    m.put("organisation", r.organisationId().toString());
    m.put("responder", r.responder());
    m.put("respondedAt", r.respondedAt().toString());
    m.put("logEntry", r.logEntry().toString());
    m.put("logHref", r.logHref());
    return m;
  }

  private static @Nullable String text(@Nullable Object o) {
    return o == null ? null : o.toString();
  }

  private static UUID idOrNotFound(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw Problem.notFound("No such finding.");
    }
  }

  private static String checked(String field, String value, boolean ok) {
    if (!ok) {
      throw bad(field, "not a valid " + field);
    }
    return value;
  }

  private static UUID uuid(String field, String value) {
    try {
      if (value.length() != 36) {
        throw new IllegalArgumentException();
      }
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw bad(field, "an organisation id (UUID)");
    }
  }

  private static ParticipantCode participant(String value) {
    try {
      return ParticipantCode.of(value);
    } catch (IllegalArgumentException e) {
      throw bad("participant", "a participant code such as BW");
    }
  }

  private static <E extends Enum<E>> E named(Class<E> type, String field, String value) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(value)) {
        return e;
      }
    }
    throw bad(field, "one of " + List.of(type.getEnumConstants()));
  }

  private static int integer(String field, String value) {
    if (value.isEmpty() || value.length() > 7 || !value.chars().allMatch(Character::isDigit)) {
      throw bad(field, field + " is a whole number");
    }
    return Integer.parseInt(value);
  }

  private static Problem bad(String field, String message) {
    return Problem.badParameter(field, message);
  }
}
