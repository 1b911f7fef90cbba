package org.kimberlite.custody.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.custody.CaptureError;
import org.kimberlite.custody.CaptureJob;
import org.kimberlite.custody.Capturing;
import org.kimberlite.custody.CompanyCustody;
import org.kimberlite.custody.CustodyFindings;
import org.kimberlite.custody.ErrorBehaviour;
import org.kimberlite.custody.Submission;
import org.kimberlite.custody.internal.EpcisDocuments;
import org.kimberlite.platform.web.NavItem;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.Organisation;
import org.kimberlite.registry.Organisations;
import org.kimberlite.shared.problem.Problem;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

/**
 * A company's custody console: its inventory by lot, recording events by uploading an EPCIS
 * document (each capture job's errors shown against the event and place at fault), the invoices it
 * issued with their warranty statements, and the findings on its events.
 */
@Controller
class CustodyConsole {
  /** The last upload is kept in the session to show refused events; larger ones are not. */
  static final int MAX_KEPT_UPLOAD = 512 * 1024;

  /** Events of a kept upload shown on the job page. */
  static final int MAX_SHOWN_EVENTS = 200;

  private static final String KEPT_JOB = "kimberlite.custody.upload.job";
  private static final String KEPT_TEXT = "kimberlite.custody.upload.text";

  private final Capturing capturing;
  private final CompanyCustody records;
  private final CustodyFindings findings;
  private final Organisations organisations;

  CustodyConsole(
      Capturing capturing,
      CompanyCustody records,
      CustodyFindings findings,
      Organisations organisations) {
    this.capturing = capturing;
    this.records = records;
    this.findings = findings;
    this.organisations = organisations;
  }

  @Bean
  static NavItem custodyNav() {
    return NavItem.forRoles(
        "nav.custody",
        "/console/custody/inventory",
        25,
        "MINER",
        "TRADER",
        "MANUFACTURER",
        "GRADING_LAB",
        "RETAILER",
        "AUDITOR");
  }

  @GetMapping("/console/custody/inventory")
  String inventory(Caller caller, @RequestParam(defaultValue = "false") boolean all, Model model) {
    List<CompanyCustody.HeldGoods> held = records.inventory(caller, all);
    model.addAttribute("goods", held);
    model.addAttribute("all", all);
    model.addAttribute("names", names(held.stream().map(CompanyCustody.HeldGoods::shippedTo)));
    model.addAttribute("tab", "inventory");
    return "console/custody/inventory";
  }

  @GetMapping("/console/custody/events")
  String events(Caller caller, Model model) {
    form(caller, model);
    return "console/custody/events";
  }

  private void form(Caller caller, Model model) {
    model.addAttribute("jobs", capturing.jobs(caller));
    model.addAttribute("tab", "events");
    model.addAttribute("maxBytes", MAX_KEPT_UPLOAD);
  }

  @PostMapping("/console/custody/events")
  String record(
      Caller caller,
      @RequestParam(defaultValue = "") String document,
      @RequestParam(defaultValue = "rollback") String behaviour,
      HttpSession session,
      HttpServletResponse response,
      Model model) {
    ErrorBehaviour b = ErrorBehaviour.parse(behaviour).orElse(ErrorBehaviour.ROLLBACK);
    String refusal =
        switch (capturing.submit(caller, document, b)) {
          case Submission.Submitted s -> {
            if (document.getBytes(StandardCharsets.UTF_8).length <= MAX_KEPT_UPLOAD) {
              session.setAttribute(KEPT_JOB, s.jobId().toString());
              session.setAttribute(KEPT_TEXT, document);
            } else {
              session.removeAttribute(KEPT_JOB);
              session.removeAttribute(KEPT_TEXT);
            }
            yield null;
          }
          case Submission.NotADocument n -> "Not an EPCIS document: " + n.detail();
          case Submission.TooManyEvents t ->
              "The document holds "
                  + t.events()
                  + " events; one capture takes at most "
                  + t.limit();
          case Submission.EventTooLarge t ->
              "Event " + t.eventIndex() + " is " + t.bytes() + " bytes; at most " + t.limit();
        };
    if (refusal == null) {
      return "redirect:/console/custody/jobs/" + session.getAttribute(KEPT_JOB);
    }
    response.setStatus(400);
    form(caller, model);
    model.addAttribute("refusal", refusal + " Nothing was captured.");
    model.addAttribute("document", document);
    return "console/custody/events";
  }

  /** An event of the upload with the errors found in it. */
  record EventErrors(@Nullable Integer index, @Nullable String json, List<CaptureError> errors) {}

  @GetMapping("/console/custody/jobs/{captureId}")
  String job(Caller caller, @PathVariable String captureId, HttpSession session, Model model) {
    UUID id;
    try {
      id = UUID.fromString(captureId);
    } catch (IllegalArgumentException e) {
      throw Problem.notFound("No capture job " + captureId + " that you may see.");
    }
    CaptureJob job =
        capturing
            .job(caller, id)
            .orElseThrow(
                () -> Problem.notFound("No capture job " + captureId + " that you may see."));
    model.addAttribute("job", job);
    model.addAttribute("tab", "events");
    model.addAttribute("byEvent", byEvent(job, kept(session, id)));
    return "console/custody/job";
  }

  private static @Nullable String kept(HttpSession session, UUID job) {
    return job.toString().equals(session.getAttribute(KEPT_JOB))
            && session.getAttribute(KEPT_TEXT) instanceof String text
        ? text
        : null;
  }

  /** The errors by event, each with the event as uploaded when the upload is at hand. */
  private static List<EventErrors> byEvent(CaptureJob job, @Nullable String upload) {
    Map<Integer, List<CaptureError>> grouped = new LinkedHashMap<>();
    List<CaptureError> whole = new ArrayList<>();
    for (CaptureError e : job.errors()) {
      if (e.eventIndex() == null) {
        whole.add(e);
      } else {
        grouped.computeIfAbsent(e.eventIndex(), k -> new ArrayList<>()).add(e);
      }
    }
    List<JsonNode> events = List.of();
    if (upload != null && !grouped.isEmpty()) {
      try {
        events = EpcisDocuments.events(EpcisDocuments.parse(upload));
      } catch (EpcisDocuments.NotADocument e) {
        events = List.of();
      }
    }
    List<EventErrors> out = new ArrayList<>();
    if (!whole.isEmpty()) {
      out.add(new EventErrors(null, null, whole));
    }
    int shown = 0;
    for (var e : grouped.entrySet()) {
      int i = e.getKey();
      String json = null;
      if (i >= 0 && i < events.size() && shown++ < MAX_SHOWN_EVENTS) {
        json =
            EpcisDocuments.mapper()
                .writerWithDefaultPrettyPrinter()
                .writeValueAsString(events.get(i));
      }
      out.add(new EventErrors(i, json, e.getValue()));
    }
    return out;
  }

  @GetMapping("/console/custody/invoices")
  String invoices(Caller caller, Model model) {
    List<CompanyCustody.Invoice> list = records.invoices(caller);
    model.addAttribute("invoices", list);
    model.addAttribute("names", names(list.stream().map(CompanyCustody.Invoice::soldTo)));
    model.addAttribute("tab", "invoices");
    return "console/custody/invoices";
  }

  @GetMapping("/console/custody/findings")
  String findings(Caller caller, @RequestParam(defaultValue = "0") int page, Model model) {
    return switch (findings.page(caller, page, 50)) {
      case CustodyFindings.Outcome.Page p -> {
        model.addAttribute("page", p);
        model.addAttribute("tab", "findings");
        yield "console/custody/findings";
      }
      case CustodyFindings.Outcome.Invalid i ->
          throw new Problem(
              400,
              "validation",
              "A parameter is not valid",
              i.message(),
              List.of(),
              List.of(new org.kimberlite.shared.problem.FieldError(i.field(), i.message())));
    };
  }

  /** Names of the organisations named, for display. */
  private Map<UUID, String> names(java.util.stream.Stream<@Nullable UUID> ids) {
    Map<UUID, String> out = new HashMap<>();
    ids.forEach(
        id -> {
          if (id != null && !out.containsKey(id)) {
            Optional<Organisation> o = organisations.directoryEntry(id);
            out.put(id, o.map(Organisation::name).orElse(id.toString()));
          }
        });
    return out;
  }
}
