package org.kimberlite.governance.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.governance.AnnualReport;
import org.kimberlite.governance.AnnualReportAssessment;
import org.kimberlite.governance.AnnualReportAttachment;
import org.kimberlite.governance.AnnualReportChange;
import org.kimberlite.governance.AnnualReportOverviewOutcome;
import org.kimberlite.governance.AnnualReportStanding;
import org.kimberlite.governance.AnnualReports;
import org.kimberlite.governance.ReportSection;
import org.kimberlite.governance.ReportingYear;
import org.kimberlite.platform.web.BodyLimit;
import org.kimberlite.platform.web.NavItem;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.problem.Problem;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The annual-report pages: the secretariat's and the WGM's overview of a year (with the due date,
 * which the secretariat sets), an authority's own reports; one report, where its authority edits,
 * attaches, submits and corrects, a WGM member assesses and asks, and the authority answers; one
 * submitted version.
 */
@Controller
class AnnualReportConsole {
  private static final String BASE = AnnualReportJson.CONSOLE;

  private final AnnualReports reports;

  AnnualReportConsole(AnnualReports reports) {
    this.reports = reports;
  }

  @Bean
  static NavItem annualReportsNav() {
    return NavItem.forRoles(
        "reports.nav",
        BASE,
        60,
        OrganisationRole.KP_AUTHORITY.name(),
        OrganisationRole.KP_SECRETARIAT.name());
  }

  /** The JavaScript upload posts a file's bytes: allow a file and a little more. */
  @Bean
  static BodyLimit annualReportConsoleBodyLimit() {
    return new BodyLimit(BASE + "/", AnnualReportAttachment.MAX_BYTES + 64 * 1024L);
  }

  @GetMapping(BASE)
  String index(Caller caller, @RequestParam(required = false) @Nullable String year, Model model) {
    int thisYear = reports.today().getYear();
    ReportingYear y =
        year == null || year.isBlank()
            ? ReportingYear.of(thisYear - 1)
            : AnnualReportJson.yearParameter(year);
    model.addAttribute("year", y.value());
    List<Integer> years = new ArrayList<>();
    for (int i = thisYear; i >= Math.max(ReportingYear.FIRST, thisYear - 9); i--) {
      years.add(i);
    }
    model.addAttribute("years", years);
    model.addAttribute("standings", AnnualReportStanding.values());
    model.addAttribute("mayDue", caller.has(OrganisationRole.KP_SECRETARIAT));
    if (reports.overview(caller, y) instanceof AnnualReportOverviewOutcome.Listed l) {
      model.addAttribute("overview", AnnualReportJson.overview(l.overview()));
    } else {
      model.addAttribute("overview", null);
    }
    List<Map<String, Object>> own = new ArrayList<>();
    ParticipantCode mine = caller.participant();
    if (mine != null && reports.files(caller, mine)) {
      for (int i = thisYear - 1; i >= Math.max(ReportingYear.FIRST, thisYear - 5); i--) {
        reports
            .report(caller, mine, ReportingYear.of(i))
            .ifPresent(r -> own.add(AnnualReportJson.report(r)));
      }
    }
    model.addAttribute("own", own);
    return "console/annual-reports/index";
  }

  @PostMapping(BASE + "/due-dates")
  String due(
      Caller caller,
      @RequestParam(defaultValue = "") String year,
      @RequestParam(defaultValue = "") String dueOn) {
    // Who may never set a due date is told so first, whatever the form holds; then both fields are
    // read, so that a refusal names each one at fault.
    if (!caller.has(org.kimberlite.registry.OrganisationRole.KP_SECRETARIAT)) {
      throw Problem.forbidden("Only the KP secretariat sets the annual reports' due dates.");
    }
    java.util.List<org.kimberlite.shared.problem.FieldError> errors = new java.util.ArrayList<>();
    ReportingYear y = null;
    try {
      y = AnnualReportJson.yearParameter(year);
    } catch (Problem p) {
      errors.addAll(p.fieldErrors());
    }
    LocalDate date = null;
    try {
      date = LocalDate.parse(dueOn.strip());
    } catch (DateTimeParseException e) {
      errors.add(
          new org.kimberlite.shared.problem.FieldError("dueOn", "a date such as 2026-03-31"));
    }
    if (y == null || date == null) {
      throw Problem.invalid("The due date cannot be set as given.", errors);
    }
    AnnualReportApi.overview(reports.setDue(caller, y, date));
    return "redirect:" + BASE + "?year=" + y;
  }

  @GetMapping(BASE + "/{participant}/{year}")
  String report(
      Caller caller, @PathVariable String participant, @PathVariable String year, Model model) {
    show(find(caller, participant, year), Map.of(), null, model);
    return "console/annual-reports/report";
  }

  @PostMapping(BASE + "/{participant}/{year}/draft")
  String draft(
      Caller caller,
      @PathVariable String participant,
      @PathVariable String year,
      @RequestParam Map<String, String> form,
      HttpServletResponse response,
      Model model) {
    ParticipantCode p = AnnualReportJson.participant(participant);
    ReportingYear y = AnnualReportJson.year(year);
    String remove = form.get("remove");
    String action = form.getOrDefault("action", "save");
    Map<ReportSection, String> sections = new EnumMap<>(ReportSection.class);
    for (ReportSection s : ReportSection.values()) {
      String text = form.get(s.name());
      if (text != null) {
        sections.put(s, text.replace("\r\n", "\n"));
      }
    }
    Long revision = null;
    String r = form.getOrDefault("revision", "");
    if (!r.isEmpty() && r.length() < 19 && r.chars().allMatch(Character::isDigit)) {
      revision = Long.parseLong(r);
    }
    AnnualReportChange change;
    if (remove != null) {
      change = reports.detach(caller, p, y, AnnualReportJson.id(remove, "attachment"));
    } else {
      change = reports.saveDraft(caller, p, y, sections, revision);
      if (change instanceof AnnualReportChange.Done && action.equals("submit")) {
        change = reports.submit(caller, p, y);
      }
    }
    return outcome(caller, p, y, change, sections, response, model);
  }

  @PostMapping(value = BASE + "/{participant}/{year}/draft/attachments", consumes = "*/*")
  ResponseEntity<Void> attach(
      Caller caller,
      @PathVariable String participant,
      @PathVariable String year,
      @RequestParam String name,
      @RequestBody(required = false) byte @Nullable [] content) {
    ParticipantCode p = AnnualReportJson.participant(participant);
    ReportingYear y = AnnualReportJson.year(year);
    AnnualReportJson.done(
        reports.attach(caller, p, y, name, content == null ? new byte[0] : content));
    return ResponseEntity.noContent().build();
  }

  @PostMapping(BASE + "/{participant}/{year}/corrections")
  String correct(
      Caller caller,
      @PathVariable String participant,
      @PathVariable String year,
      HttpServletResponse response,
      Model model) {
    ParticipantCode p = AnnualReportJson.participant(participant);
    ReportingYear y = AnnualReportJson.year(year);
    return outcome(caller, p, y, reports.correct(caller, p, y), null, response, model);
  }

  @GetMapping(BASE + "/{participant}/{year}/versions/{version}")
  String version(
      Caller caller,
      @PathVariable String participant,
      @PathVariable String year,
      @PathVariable String version,
      Model model) {
    AnnualReport r = find(caller, participant, year);
    Map<String, Object> v = AnnualReportJson.versionPage(r, version);
    model.addAttribute("r", AnnualReportJson.report(r));
    model.addAttribute("v", v);
    model.addAttribute("sections", ReportSection.values());
    model.addAttribute("assessments", v.get("assessments"));
    return "console/annual-reports/version";
  }

  @GetMapping(BASE + "/{participant}/{year}/attachments/{id}")
  ResponseEntity<byte[]> file(
      Caller caller,
      @PathVariable String participant,
      @PathVariable String year,
      @PathVariable String id) {
    return AnnualReportApi.download(reports, caller, participant, year, id);
  }

  @PostMapping(BASE + "/{participant}/{year}/versions/{version}/assessments")
  String assess(
      Caller caller,
      @PathVariable String participant,
      @PathVariable String year,
      @PathVariable String version,
      @RequestParam(defaultValue = "") String assessment,
      @RequestParam(defaultValue = "") String questions,
      HttpServletResponse response,
      Model model) {
    ParticipantCode p = AnnualReportJson.participant(participant);
    ReportingYear y = AnnualReportJson.year(year);
    int v = AnnualReportJson.versionNumber(version);
    List<String> asked = questions.lines().map(String::strip).filter(q -> !q.isEmpty()).toList();
    AnnualReportChange change =
        asked.size() > AnnualReportAssessment.MAX_QUESTIONS
            ? AnnualReportChange.Invalid.of(
                "questions",
                "at most " + AnnualReportAssessment.MAX_QUESTIONS + " questions at a time")
            : reports.assess(caller, p, y, v, assessment.replace("\r\n", "\n"), asked);
    return outcome(caller, p, y, change, null, response, model);
  }

  @PostMapping(BASE + "/{participant}/{year}/questions/{id}/answers")
  String answer(
      Caller caller,
      @PathVariable String participant,
      @PathVariable String year,
      @PathVariable String id,
      @RequestParam(defaultValue = "") String answer,
      HttpServletResponse response,
      Model model) {
    ParticipantCode p = AnnualReportJson.participant(participant);
    ReportingYear y = AnnualReportJson.year(year);
    UUID question = AnnualReportJson.id(id, "question");
    return outcome(
        caller,
        p,
        y,
        reports.answer(caller, p, y, question, answer.replace("\r\n", "\n")),
        null,
        response,
        model);
  }

  /** After a change: back to the report, or the report again with what went wrong. */
  private String outcome(
      Caller caller,
      ParticipantCode p,
      ReportingYear y,
      AnnualReportChange change,
      @Nullable Map<ReportSection, String> form,
      HttpServletResponse response,
      Model model) {
    Map<String, String> errors;
    switch (change) {
      case AnnualReportChange.Done d -> {
        return "redirect:" + BASE + "/" + p + "/" + y;
      }
      case AnnualReportChange.NotFound n -> throw Problem.notFound(AnnualReportJson.NO_SUCH);
      case AnnualReportChange.NotAllowed n -> throw Problem.forbidden(n.reason());
      case AnnualReportChange.Invalid i -> {
        response.setStatus(422);
        errors = i.errors();
      }
      case AnnualReportChange.Conflict c -> {
        response.setStatus(409);
        errors = Map.of("report", c.message());
      }
    }
    AnnualReport r =
        reports.report(caller, p, y).orElseThrow(() -> Problem.notFound(AnnualReportJson.NO_SUCH));
    show(r, errors, form, model);
    return "console/annual-reports/report";
  }

  private static void show(
      AnnualReport r,
      Map<String, String> errors,
      @Nullable Map<ReportSection, String> form,
      Model model) {
    Map<String, Object> json = AnnualReportJson.report(r);
    model.addAttribute("r", json);
    model.addAttribute("sections", ReportSection.values());
    Map<String, String> texts = new LinkedHashMap<>();
    for (ReportSection s : ReportSection.values()) {
      String text =
          form != null && form.containsKey(s)
              ? form.get(s)
              : r.draft() == null ? "" : r.draft().sections().getOrDefault(s, "");
      texts.put(s.name(), text);
    }
    model.addAttribute("texts", texts);
    model.addAttribute("errors", errors);
    model.addAttribute("maxChars", ReportSection.MAX_CHARS);
    model.addAttribute("maxFiles", AnnualReportAttachment.MAX_FILES);
    model.addAttribute(
        "mayEditDraft", r.mayFile() && (r.draft() != null || r.versions().isEmpty()));
    model.addAttribute("mayCorrect", r.mayFile() && r.draft() == null && !r.versions().isEmpty());
    model.addAttribute("latest", r.latest().map(v -> v.version()).orElse(0));
  }

  private AnnualReport find(Caller caller, String participant, String year) {
    return reports
        .report(caller, AnnualReportJson.participant(participant), AnnualReportJson.year(year))
        .orElseThrow(() -> Problem.notFound(AnnualReportJson.NO_SUCH));
  }
}
