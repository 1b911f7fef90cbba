package org.kimberlite.diligence.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.diligence.Finding;
import org.kimberlite.diligence.FindingStatus;
import org.kimberlite.diligence.Findings;
import org.kimberlite.diligence.Severity;
import org.kimberlite.platform.web.NavItem;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.shared.problem.Problem;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The due-diligence inbox: a company's or an authority's findings (the secretariat's across
 * participants, with counts by rule and participant), one finding with its evidence and responses,
 * and the respond form.
 */
@Controller
class FindingConsole {
  private final Findings findings;

  FindingConsole(Findings findings) {
    this.findings = findings;
  }

  @Bean
  static NavItem diligenceNav() {
    return NavItem.signedIn("Due diligence", "/console/findings", 27);
  }

  @GetMapping("/console/findings")
  String inbox(
      Caller caller,
      @RequestParam(required = false) @Nullable String rule,
      @RequestParam(required = false) @Nullable String status,
      @RequestParam(required = false) @Nullable String severity,
      @RequestParam(required = false) @Nullable String participant,
      @RequestParam(defaultValue = "0") String page,
      Model model) {
    Map<String, Object> listed =
        new FindingApi(findings)
            .list(
                caller,
                blank(rule),
                null,
                blank(participant),
                blank(status),
                blank(severity),
                page,
                "50");
    model.addAttribute("findings", listed.get("findings"));
    model.addAttribute("page", listed.get("page"));
    model.addAttribute("rule", rule == null ? "" : rule);
    model.addAttribute("status", status == null ? "" : status);
    model.addAttribute("severity", severity == null ? "" : severity);
    model.addAttribute("participant", participant == null ? "" : participant);
    model.addAttribute("statuses", FindingStatus.values());
    model.addAttribute("severities", Severity.values());
    if (caller.has(OrganisationRole.KP_SECRETARIAT)) {
      Map<String, Map<String, Long>> counts = new TreeMap<>();
      findings.counts(caller).forEach((r, byP) -> counts.put(r, new TreeMap<>(byP)));
      TreeSet<String> participants = new TreeSet<>();
      counts.values().forEach(m -> participants.addAll(m.keySet()));
      model.addAttribute("counts", counts);
      model.addAttribute("countParticipants", List.copyOf(participants));
    }
    return "console/findings/inbox";
  }

  @GetMapping("/console/findings/{id}")
  String one(Caller caller, @PathVariable String id, Model model) {
    Finding f =
        findings.get(caller, id(id)).orElseThrow(() -> Problem.notFound("No such finding."));
    show(caller, f, model);
    return "console/findings/finding";
  }

  @PostMapping("/console/findings/{id}/responses")
  String respond(
      Caller caller,
      @PathVariable String id,
      @RequestParam(defaultValue = "") String decision,
      @RequestParam(defaultValue = "") String responder,
      @RequestParam(defaultValue = "") String plan,
      @RequestParam(defaultValue = "") String reviewOn,
      HttpServletResponse response,
      Model model) {
    UUID findingId = id(id);
    LocalDate review = null;
    boolean badDate = false;
    if (!reviewOn.isBlank()) {
      try {
        review = LocalDate.parse(reviewOn.strip());
      } catch (DateTimeParseException e) {
        badDate = true;
      }
    }
    Findings.RespondOutcome outcome =
        badDate
            ? new Findings.RespondOutcome.Invalid(Map.of("reviewOn", "a date such as 2027-03-31"))
            : findings.respond(
                caller, findingId, new Findings.ResponseRequest(decision, plan, review, responder));
    return switch (outcome) {
      case Findings.RespondOutcome.Recorded r -> "redirect:/console/findings/" + findingId;
      case Findings.RespondOutcome.NotFound n -> throw Problem.notFound("No such finding.");
      case Findings.RespondOutcome.NotAllowed n -> throw Problem.forbidden(n.reason());
      case Findings.RespondOutcome.Closed c ->
          throw Problem.conflict("finding-closed", "The finding was closed by a disengagement.");
      case Findings.RespondOutcome.Invalid i -> {
        Finding f =
            findings.get(caller, findingId).orElseThrow(() -> Problem.notFound("No such finding."));
        show(caller, f, model);
        model.addAttribute("errors", i.errors());
        model.addAttribute(
            "form",
            Map.of(
                "decision", decision, "responder", responder, "plan", plan, "reviewOn", reviewOn));
        response.setStatus(422);
        yield "console/findings/finding";
      }
    };
  }

  private static void show(Caller caller, Finding f, Model model) {
    model.addAttribute("f", FindingApi.json(f));
    model.addAttribute(
        "mayRespond",
        f.status() != FindingStatus.CLOSED
            && (f.organisations().contains(caller.organisationId())
                || (caller.has(OrganisationRole.KP_AUTHORITY)
                    && caller.participant() != null
                    && f.participants().contains(caller.participant()))));
    model.addAttribute("errors", Map.of());
    model.addAttribute(
        "form", Map.of("decision", "CONTINUE", "responder", "", "plan", "", "reviewOn", ""));
    model.addAttribute("decisions", List.of("CONTINUE", "SUSPEND", "DISENGAGE"));
  }

  private static @Nullable String blank(@Nullable String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static UUID id(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw Problem.notFound("No such finding.");
    }
  }
}
