package org.kimberlite.governance.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kimberlite.governance.ConfirmationFlag;
import org.kimberlite.governance.Monitoring;
import org.kimberlite.governance.MonitoringOutcome;
import org.kimberlite.governance.MonitoringReport;
import org.kimberlite.governance.NewRecommendation;
import org.kimberlite.governance.Recommendation;
import org.kimberlite.governance.ZoneFlag;
import org.kimberlite.registry.Caller;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.problem.Problem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console of re-entry monitoring: a participant's exports matched with their import
 * confirmations, flagged, with the totals, its recommendations and the form to record one; and one
 * recommendation with its frozen evidence.
 */
@Controller
class MonitoringConsole {
  private static final String PAGE = "console/monitoring/participant";

  private final Monitoring monitoring;

  MonitoringConsole(Monitoring monitoring) {
    this.monitoring = monitoring;
  }

  @GetMapping("/console/governance/monitoring/{participant}")
  String report(
      Caller caller,
      @PathVariable String participant,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      Model model) {
    mayFollow(caller);
    ParticipantCode code = DecisionForms.participant(participant);
    LocalDate last = to == null || to.isBlank() ? monitoring.today() : DecisionForms.date("to", to);
    LocalDate first =
        from == null || from.isBlank()
            ? last.minusDays(MonitoringApi.DEFAULT_DAYS)
            : DecisionForms.date("from", from);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("recommendedOn", monitoring.today().toString());
    form.put("evidenceFrom", first.toString());
    form.put("evidenceTo", last.toString());
    show(caller, code, first, last, form, Map.of(), model);
    return PAGE;
  }

  @PostMapping("/console/governance/monitoring/{participant}/recommendations")
  String recommend(
      Caller caller,
      @PathVariable String participant,
      @RequestParam Map<String, String> form,
      HttpServletResponse response,
      Model model) {
    mayFollow(caller);
    ParticipantCode code = DecisionForms.participant(participant);
    Map<String, String> errors = new LinkedHashMap<>();
    LocalDate recommendedOn = ReviewVisitConsole.date(form, "recommendedOn", errors);
    LocalDate evidenceFrom = ReviewVisitConsole.date(form, "evidenceFrom", errors);
    LocalDate evidenceTo = ReviewVisitConsole.date(form, "evidenceTo", errors);
    MonitoringOutcome outcome =
        errors.isEmpty()
            ? monitoring.recommend(
                caller,
                code,
                new NewRecommendation(
                    recommendedOn, form.get("text"), evidenceFrom, evidenceTo, null))
            : new MonitoringOutcome.Invalid(errors);
    if (outcome instanceof MonitoringOutcome.Invalid i) {
      LocalDate last = monitoring.today();
      show(caller, code, last.minusDays(MonitoringApi.DEFAULT_DAYS), last, form, i.errors(), model);
      response.setStatus(422);
      return PAGE;
    }
    return "redirect:/console/governance/recommendations/" + MonitoringJson.recorded(outcome).id();
  }

  @GetMapping("/console/governance/recommendations/{id}")
  String recommendation(Caller caller, @PathVariable String id, Model model) {
    mayFollow(caller);
    Recommendation r =
        DecisionForms.uuid(id)
            .flatMap(u -> monitoring.recommendation(caller, u))
            .orElseThrow(() -> Problem.notFound("No recommendation " + id + "."));
    model.addAttribute("r", r);
    return "console/monitoring/recommendation";
  }

  private void show(
      Caller caller,
      ParticipantCode code,
      LocalDate from,
      LocalDate to,
      Map<String, String> form,
      Map<String, String> errors,
      Model model) {
    MonitoringReport report = MonitoringJson.report(monitoring.report(caller, code, from, to));
    model.addAttribute("report", report);
    model.addAttribute("confirmationFlags", ConfirmationFlag.values());
    model.addAttribute("zoneFlags", ZoneFlag.values());
    model.addAttribute("recommendations", monitoring.recommendations(caller, code).orElseThrow());
    model.addAttribute("mayRecommend", monitoring.recommends(caller, code));
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("maxText", NewRecommendation.MAX_TEXT);
  }

  private void mayFollow(Caller caller) {
    if (!monitoring.followsAny(caller)) {
      throw Problem.forbidden(MonitoringJson.NOT_ALLOWED);
    }
  }
}
