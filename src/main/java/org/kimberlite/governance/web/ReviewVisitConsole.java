package org.kimberlite.governance.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.governance.MinimumRequirement;
import org.kimberlite.governance.ReviewVisit;
import org.kimberlite.governance.ReviewVisitId;
import org.kimberlite.governance.ReviewVisitOutcome;
import org.kimberlite.governance.ReviewVisits;
import org.kimberlite.governance.VisitStatus;
import org.kimberlite.platform.web.NavItem;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.Organisation;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Organisations;
import org.kimberlite.registry.Participants;
import org.kimberlite.shared.problem.Problem;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console of peer review visits: the list (with the overdue actions for the secretariat and the
 * Working Group on Monitoring, and the planning form for the secretariat), and one visit with the
 * form for its next step: findings, response and action plan, acceptance, progress, closure.
 */
@Controller
class ReviewVisitConsole {
  /** Rows of findings, and of actions, that one form offers. */
  static final int FORM_ROWS = 4;

  private static final String PAGE = "console/review-visits/visit";

  private final ReviewVisits visits;
  private final Organisations organisations;
  private final Participants participants;

  ReviewVisitConsole(ReviewVisits visits, Organisations organisations, Participants participants) {
    this.visits = visits;
    this.organisations = organisations;
    this.participants = participants;
  }

  @Bean
  static NavItem reviewVisitsNav() {
    return NavItem.signedIn("visits.nav", "/console/review-visits", 45);
  }

  @GetMapping("/console/review-visits")
  String list(Caller caller, @RequestParam(defaultValue = "0") String page, Model model) {
    showList(caller, page, model);
    model.addAttribute("errors", Map.of());
    model.addAttribute("form", Map.of());
    return "console/review-visits/list";
  }

  @PostMapping("/console/review-visits")
  String plan(
      Caller caller,
      @RequestParam Map<String, String> form,
      @RequestParam(name = "team", required = false) @Nullable List<String> team,
      HttpServletResponse response,
      Model model) {
    Map<String, String> errors = new LinkedHashMap<>();
    LocalDate startsOn = date(form, "startsOn", errors);
    LocalDate endsOn = date(form, "endsOn", errors);
    UUID lead = uuid(form.get("lead"));
    List<UUID> members = new ArrayList<>();
    if (lead != null) {
      members.add(lead);
    }
    for (String t : team == null ? List.<String>of() : team) {
      UUID id = uuid(t);
      if (id != null && !members.contains(id)) {
        members.add(id);
      }
    }
    ReviewVisitOutcome outcome =
        errors.isEmpty()
            ? visits.plan(
                caller,
                new ReviewVisits.Plan(
                    form.get("participant"),
                    startsOn,
                    endsOn,
                    form.get("termsOfReference"),
                    members,
                    lead))
            : new ReviewVisitOutcome.Invalid(errors);
    if (outcome instanceof ReviewVisitOutcome.Invalid i) {
      showList(caller, "0", model);
      model.addAttribute("errors", i.errors());
      model.addAttribute("form", form);
      response.setStatus(422);
      return "console/review-visits/list";
    }
    return "redirect:/console/review-visits/" + ReviewVisitJson.orThrow(outcome).id();
  }

  @GetMapping("/console/review-visits/{id}")
  String one(Caller caller, @PathVariable String id, Model model) {
    show(caller, visible(caller, ReviewVisitJson.id(id)), Map.of(), Map.of(), model);
    return PAGE;
  }

  @PostMapping("/console/review-visits/{id}/findings")
  String findings(
      Caller caller,
      @PathVariable String id,
      @RequestParam Map<String, String> form,
      HttpServletResponse response,
      Model model) {
    List<ReviewVisits.NewFinding> findings = new ArrayList<>();
    for (int row = 1; row <= FORM_ROWS; row++) {
      String p = "finding-" + row + "-";
      String requirement = blank(form.get(p + "requirement"));
      String observation = blank(form.get(p + "observation"));
      String recommendation = blank(form.get(p + "recommendation"));
      if (requirement != null || observation != null || recommendation != null) {
        findings.add(new ReviewVisits.NewFinding(requirement, observation, recommendation));
      }
    }
    ReviewVisitId visit = ReviewVisitJson.id(id);
    return step(
        caller, visit, visits.recordFindings(caller, visit, findings), form, response, model);
  }

  @PostMapping("/console/review-visits/{id}/response")
  String respond(
      Caller caller,
      @PathVariable String id,
      @RequestParam Map<String, String> form,
      HttpServletResponse response,
      Model model) {
    Map<String, String> errors = new LinkedHashMap<>();
    List<ReviewVisits.NewAction> actions = new ArrayList<>();
    for (int row = 1; row <= FORM_ROWS; row++) {
      String p = "action-" + row + "-";
      String finding = blank(form.get(p + "finding"));
      String description = blank(form.get(p + "description"));
      String due = blank(form.get(p + "dueOn"));
      if (description != null || due != null) {
        actions.add(
            new ReviewVisits.NewAction(
                finding == null || !finding.matches("[0-9]{1,3}") ? null : Integer.valueOf(finding),
                description,
                date(form, p + "dueOn", errors)));
      }
    }
    ReviewVisitId visit = ReviewVisitJson.id(id);
    ReviewVisitOutcome outcome =
        errors.isEmpty()
            ? visits.respond(caller, visit, form.get("response"), actions)
            : new ReviewVisitOutcome.Invalid(errors);
    return step(caller, visit, outcome, form, response, model);
  }

  @PostMapping("/console/review-visits/{id}/plan-acceptance")
  String accept(Caller caller, @PathVariable String id, HttpServletResponse response, Model model) {
    ReviewVisitId visit = ReviewVisitJson.id(id);
    return step(caller, visit, visits.acceptPlan(caller, visit), Map.of(), response, model);
  }

  @PostMapping("/console/review-visits/{id}/actions/{number}/progress")
  String progress(
      Caller caller,
      @PathVariable String id,
      @PathVariable String number,
      @RequestParam(defaultValue = "") String note,
      HttpServletResponse response,
      Model model) {
    return onAction(caller, id, number, note, false, response, model);
  }

  @PostMapping("/console/review-visits/{id}/actions/{number}/closure")
  String close(
      Caller caller,
      @PathVariable String id,
      @PathVariable String number,
      @RequestParam(defaultValue = "") String note,
      HttpServletResponse response,
      Model model) {
    return onAction(caller, id, number, note, true, response, model);
  }

  /** A note on an action: progress, or its closure. */
  private String onAction(
      Caller caller,
      String id,
      String number,
      String note,
      boolean closing,
      HttpServletResponse response,
      Model model) {
    ReviewVisitId visit = ReviewVisitJson.id(id);
    int action = ReviewVisitJson.actionNumber(number);
    ReviewVisitOutcome outcome =
        closing
            ? visits.closeAction(caller, visit, action, note)
            : visits.recordProgress(caller, visit, action, note);
    return step(
        caller, visit, outcome, Map.of("action-" + action + "-note", note), response, model);
  }

  /** After a step: back to the visit, or the visit again with what was refused (422). */
  private String step(
      Caller caller,
      ReviewVisitId id,
      ReviewVisitOutcome outcome,
      Map<String, String> form,
      HttpServletResponse response,
      Model model) {
    if (outcome instanceof ReviewVisitOutcome.Invalid i) {
      show(caller, visible(caller, id), i.errors(), form, model);
      response.setStatus(422);
      return PAGE;
    }
    return "redirect:/console/review-visits/" + ReviewVisitJson.orThrow(outcome).id();
  }

  private ReviewVisit visible(Caller caller, ReviewVisitId id) {
    return visits
        .get(caller, id)
        .orElseThrow(() -> Problem.notFound(ReviewVisitJson.NO_SUCH_VISIT));
  }

  private void showList(Caller caller, String page, Model model) {
    int p = page.matches("[0-9]{1,5}") ? Integer.parseInt(page) : 0;
    ReviewVisits.Listing listing = visits.list(null, null, p, 50);
    model.addAttribute(
        "visits",
        listing instanceof ReviewVisits.Listing.Listed l
            ? l.visits().stream().map(ReviewVisitJson::summary).toList()
            : List.of());
    model.addAttribute("page", p);
    model.addAttribute(
        "overdue",
        visits.overdue(caller) instanceof ReviewVisits.OverdueList.Listed l
            ? l.actions().stream().map(ReviewVisitJson::overdue).toList()
            : null);
    boolean secretariat = caller.has(OrganisationRole.KP_SECRETARIAT);
    model.addAttribute("mayPlan", secretariat);
    if (secretariat) {
      model.addAttribute(
          "authorities",
          organisations.directory().stream()
              .filter(o -> o.has(OrganisationRole.KP_AUTHORITY))
              .sorted(Comparator.comparing(Organisation::name))
              .toList());
      model.addAttribute(
          "participants",
          participants.list(visits.today()).stream()
              .map(s -> s.participant())
              .sorted(Comparator.comparing(x -> x.code().code()))
              .toList());
    }
  }

  private void show(
      Caller caller,
      ReviewVisit v,
      Map<String, String> errors,
      Map<String, String> form,
      Model model) {
    boolean follows = ReviewVisits.follows(caller, v);
    boolean visited = ReviewVisits.visited(caller, v);
    boolean accepted = v.planAcceptedAt() != null;
    model.addAttribute("v", ReviewVisitJson.visit(v));
    model.addAttribute("requirements", MinimumRequirement.values());
    model.addAttribute(
        "rows", java.util.stream.IntStream.rangeClosed(1, FORM_ROWS).boxed().toList());
    model.addAttribute("mayRecordFindings", follows && v.status() == VisitStatus.PLANNED);
    model.addAttribute("mayRespond", visited && v.status() == VisitStatus.CONDUCTED);
    model.addAttribute("mayAccept", follows && v.status() == VisitStatus.RESPONDED && !accepted);
    boolean following = v.status() == VisitStatus.RESPONDED && accepted;
    model.addAttribute("mayProgress", following && (follows || visited));
    model.addAttribute("mayClose", following && follows);
    model.addAttribute("minDue", visits.today().plusDays(1).toString());
    model.addAttribute("errors", errors);
    model.addAttribute("form", form);
  }

  /** A date of a console form; null when blank, an error under its field when unreadable. */
  static @Nullable LocalDate date(
      Map<String, String> form, String field, Map<String, String> errors) {
    String value = blank(form.get(field));
    if (value == null) {
      return null;
    }
    try {
      if (value.length() > 10) {
        throw new DateTimeParseException("too long", value, 0);
      }
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      errors.put(field, "a date such as 2027-03-31");
      return null;
    }
  }

  private static @Nullable UUID uuid(@Nullable String value) {
    return value == null
        ? null
        : ReviewVisitId.parse(value.strip()).map(ReviewVisitId::value).orElse(null);
  }

  private static @Nullable String blank(@Nullable String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
