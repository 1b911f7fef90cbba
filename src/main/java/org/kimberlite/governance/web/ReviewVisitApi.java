package org.kimberlite.governance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.governance.MinimumRequirement;
import org.kimberlite.governance.ReviewVisit;
import org.kimberlite.governance.ReviewVisitId;
import org.kimberlite.governance.ReviewVisits;
import org.kimberlite.governance.VisitStatus;
import org.kimberlite.platform.web.PublicPaths;
import org.kimberlite.registry.Caller;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.problem.Problem;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Peer review visits (docs/governance.md, "Peer review visits"): anyone may know that a visit took
 * place; the secretariat, the Working Group on Monitoring, the team and the visited authority see
 * it whole and take its steps.
 */
@RestController
@RequestMapping(ReviewVisitApi.BASE)
class ReviewVisitApi {
  static final String BASE = "/api/v1/governance/review-visits";

  private final ReviewVisits visits;

  ReviewVisitApi(ReviewVisits visits) {
    this.visits = visits;
  }

  /** What anyone may read: that visits took place, and the requirements they assess. */
  @Bean
  static PublicPaths reviewVisitPublicPaths() {
    return PublicPaths.of(BASE, BASE + "/requirements");
  }

  @GetMapping
  @Operation(
      summary = "Peer review visits that took place or are planned (public)",
      description =
          "Newest first: participant, first and last day, status. Filter by participant (its"
              + " code) and status; page from 0, size 1 to 100.")
  Map<String, Object> list(
      @RequestParam(required = false) @Nullable String participant,
      @RequestParam(required = false) @Nullable String status,
      @RequestParam(defaultValue = "0") String page,
      @RequestParam(defaultValue = "20") String size) {
    ParticipantCode code = participant == null ? null : participant(participant);
    VisitStatus s = status == null ? null : status(status);
    return switch (visits.list(code, s, number("page", page), number("size", size))) {
      case ReviewVisits.Listing.Listed l -> {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("page", l.page());
        body.put("size", l.size());
        body.put("visits", l.visits().stream().map(ReviewVisitJson::summary).toList());
        yield body;
      }
      case ReviewVisits.Listing.Invalid i -> throw Problem.badParameter(i.field(), i.message());
    };
  }

  @GetMapping("/requirements")
  @Operation(
      summary = "The KPCS minimum requirements a visit's findings name (public)",
      description = "Each with its stable code and the part of the core document it comes from.")
  List<Map<String, Object>> requirements() {
    return Arrays.stream(MinimumRequirement.values()).map(ReviewVisitJson::requirement).toList();
  }

  @GetMapping("/overdue-actions")
  @Operation(
      summary = "Actions of visits' plans past their due date and not closed",
      description =
          "For the KP secretariat and members of the Working Group on Monitoring; the oldest due"
              + " first, each with when it was escalated.")
  List<Map<String, Object>> overdue(Caller caller) {
    return switch (visits.overdue(caller)) {
      case ReviewVisits.OverdueList.Listed l ->
          l.actions().stream().map(ReviewVisitJson::overdue).toList();
      case ReviewVisits.OverdueList.NotAllowed n ->
          throw Problem.forbidden(
              "The KP secretariat and the Working Group on Monitoring follow overdue actions.");
    };
  }

  /** A visit to plan. */
  record PlanBody(
      @Nullable String participant,
      @Nullable String startsOn,
      @Nullable String endsOn,
      @Nullable String termsOfReference,
      @Nullable List<UUID> team,
      @Nullable UUID lead) {}

  @PostMapping
  @Operation(
      summary = "Plan a peer review visit (the KP secretariat)",
      description =
          "The participant, the first and last day (at most 31 days), the terms of reference, and"
              + " the team: 1 to 12 organisation ids (authorities of other participants,"
              + " observers), one of them the lead.",
      responses = @ApiResponse(responseCode = "201", description = "Planned: the visit"))
  ResponseEntity<Map<String, Object>> plan(Caller caller, @RequestBody PlanBody body) {
    ReviewVisit v =
        ReviewVisitJson.orThrow(
            visits.plan(
                caller,
                new ReviewVisits.Plan(
                    body.participant(),
                    ReviewVisitJson.date("startsOn", body.startsOn()),
                    ReviewVisitJson.date("endsOn", body.endsOn()),
                    body.termsOfReference(),
                    body.team(),
                    body.lead())));
    return ResponseEntity.created(URI.create(BASE + "/" + v.id())).body(ReviewVisitJson.visit(v));
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "A peer review visit, whole",
      description =
          "For the KP secretariat, members of the Working Group on Monitoring, the team and the"
              + " visited participant's KP authority; 404 for anyone else.")
  Map<String, Object> one(Caller caller, @PathVariable String id) {
    return visits
        .get(caller, ReviewVisitJson.id(id))
        .map(ReviewVisitJson::visit)
        .orElseThrow(() -> Problem.notFound(ReviewVisitJson.NO_SUCH_VISIT));
  }

  /** One finding: a requirement's code, what was seen, what is recommended. */
  record FindingBody(
      @Nullable String requirement,
      @Nullable String observation,
      @Nullable String recommendation) {}

  /** The visit's findings. */
  record FindingsBody(@Nullable List<FindingBody> findings) {}

  @PostMapping("/{id}/findings")
  @Operation(
      summary = "Record a visit's findings (the team lead or the KP secretariat)",
      description =
          "1 to 50 findings, each against a minimum requirement (its code) with a recommendation."
              + " The visit is then conducted; the findings are committed to the transparency"
              + " log. A visit whose findings are recorded answers 409.")
  Map<String, Object> findings(
      Caller caller, @PathVariable String id, @RequestBody FindingsBody body) {
    List<ReviewVisits.NewFinding> findings = null;
    if (body.findings() != null) {
      findings = new ArrayList<>();
      for (FindingBody f : body.findings()) {
        findings.add(
            f == null
                ? null
                : new ReviewVisits.NewFinding(
                    f.requirement(), f.observation(), f.recommendation()));
      }
    }
    return ReviewVisitJson.visit(
        ReviewVisitJson.orThrow(visits.recordFindings(caller, ReviewVisitJson.id(id), findings)));
  }

  /** One action of the plan. */
  record ActionBody(
      @Nullable Integer finding, @Nullable String description, @Nullable String dueOn) {}

  /** The participant's response and its action plan. */
  record ResponseBody(@Nullable String response, @Nullable List<ActionBody> actions) {}

  @PostMapping("/{id}/response")
  @Operation(
      summary = "Respond to a visit's findings with an action plan (the visited KP authority)",
      description =
          "The response and 1 to 100 actions, each answering a finding (its number) with a due"
              + " date after today; every finding needs one. Committed to the transparency log."
              + " Before the findings, or a second time, answers 409.")
  Map<String, Object> respond(
      Caller caller, @PathVariable String id, @RequestBody ResponseBody body) {
    List<ReviewVisits.NewAction> actions = null;
    if (body.actions() != null) {
      actions = new ArrayList<>();
      int i = 0;
      for (ActionBody a : body.actions()) {
        actions.add(
            a == null
                ? null
                : new ReviewVisits.NewAction(
                    a.finding(),
                    a.description(),
                    ReviewVisitJson.date("actions[" + i + "].dueOn", a.dueOn())));
        i++;
      }
    }
    return ReviewVisitJson.visit(
        ReviewVisitJson.orThrow(
            visits.respond(caller, ReviewVisitJson.id(id), body.response(), actions)));
  }

  @PostMapping("/{id}/plan-acceptance")
  @Operation(
      summary = "Accept the participant's action plan (the team lead or the KP secretariat)",
      description = "Then the actions are followed to closure. Answers 409 out of order.")
  Map<String, Object> accept(Caller caller, @PathVariable String id) {
    return ReviewVisitJson.visit(
        ReviewVisitJson.orThrow(visits.acceptPlan(caller, ReviewVisitJson.id(id))));
  }

  /** A note on an action. */
  record NoteBody(@Nullable String note) {}

  @PostMapping("/{id}/actions/{number}/progress")
  @Operation(
      summary = "Record progress on an action",
      description =
          "A note of 1 to 2000 characters, by the team lead, the KP secretariat or the visited"
              + " authority, once the plan is accepted and while the action is open.")
  Map<String, Object> progress(
      Caller caller,
      @PathVariable String id,
      @PathVariable String number,
      @RequestBody NoteBody body) {
    return onAction(caller, id, number, body, false);
  }

  @PostMapping("/{id}/actions/{number}/closure")
  @Operation(
      summary = "Close an action with a note (the team lead or the KP secretariat)",
      description = "Closing the last open action closes the visit. A closed action answers 409.")
  Map<String, Object> close(
      Caller caller,
      @PathVariable String id,
      @PathVariable String number,
      @RequestBody NoteBody body) {
    return onAction(caller, id, number, body, true);
  }

  private Map<String, Object> onAction(
      Caller caller, String id, String number, NoteBody body, boolean closing) {
    ReviewVisitId visit = ReviewVisitJson.id(id);
    int action = ReviewVisitJson.actionNumber(number);
    return ReviewVisitJson.visit(
        ReviewVisitJson.orThrow(
            closing
                ? visits.closeAction(caller, visit, action, body.note())
                : visits.recordProgress(caller, visit, action, body.note())));
  }

  private static ParticipantCode participant(String value) {
    try {
      return ParticipantCode.of(value);
    } catch (IllegalArgumentException e) {
      throw Problem.badParameter("participant", "a participant's code, such as CD");
    }
  }

  private static VisitStatus status(String value) {
    for (VisitStatus s : VisitStatus.values()) {
      if (s.name().equals(value)) {
        return s;
      }
    }
    throw Problem.badParameter("status", "one of " + List.of(VisitStatus.values()));
  }

  private static int number(String field, String value) {
    if (value.isEmpty() || value.length() > 6 || !value.chars().allMatch(Character::isDigit)) {
      throw Problem.badParameter(field, "a whole number");
    }
    return Integer.parseInt(value);
  }
}
