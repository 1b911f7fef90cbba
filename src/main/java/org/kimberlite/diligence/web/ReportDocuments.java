package org.kimberlite.diligence.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kimberlite.custody.Reconciling;
import org.kimberlite.diligence.DiligenceReports;
import org.kimberlite.diligence.DiligenceReports.Compliance;
import org.kimberlite.diligence.DiligenceReports.Report;
import org.kimberlite.diligence.DiligenceReports.YearFinding;
import org.kimberlite.diligence.Response;
import org.kimberlite.shared.pdf.TextPages;
import org.kimberlite.shared.problem.Problem;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The yearly due-diligence report as JSON and as PDF (in the language asked, from the message
 * bundles): the same report gives the same bytes.
 */
final class ReportDocuments {
  private ReportDocuments() {}

  /** The report, or the problem the outcome is. */
  static Report report(DiligenceReports.Outcome outcome) {
    return switch (outcome) {
      case DiligenceReports.Outcome.Done d -> d.report();
      case DiligenceReports.Outcome.NotFound n -> throw Problem.notFound("organisation");
      case DiligenceReports.Outcome.Invalid i ->
          throw invalid(
              i.fields().keySet().iterator().next(), i.fields().values().iterator().next());
    };
  }

  static Problem invalid(String field, String message) {
    return Problem.badParameter(field, message);
  }

  /** A year as given in a path: four digits, else a 400 naming {@code year}. */
  static int year(String text) {
    if (text.length() != 4 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw invalid("year", "a year such as 2025");
    }
    return Integer.parseInt(text);
  }

  static Map<String, Object> json(Report r) {
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> org = new LinkedHashMap<>();
    org.put("id", r.organisation().id().toString());
    org.put("name", r.organisation().name());
    org.put("roles", r.organisation().roles().stream().map(Enum::name).toList());
    org.put(
        "participant",
        r.organisation().participant() == null ? null : r.organisation().participant().code());
    m.put("organisation", org);
    m.put("year", r.year());
    m.put("firstDay", r.firstDay().toString());
    m.put("lastDay", r.lastDay().toString());
    m.put("asOf", r.asOf().toString());
    m.put("toDate", r.toDate());
    m.put(
        "policies",
        r.policies().stream()
            .map(
                p -> {
                  Map<String, Object> line = new LinkedHashMap<>();
                  line.put("rule", p.rule());
                  line.put("title", p.title());
                  line.put("severities", p.severities().stream().map(Enum::name).toList());
                  return line;
                })
            .toList());
    m.put(
        "counts",
        r.counts().stream()
            .map(
                c -> {
                  Map<String, Object> line = new LinkedHashMap<>();
                  line.put("rule", c.rule());
                  line.put("severity", c.severity().name());
                  line.put("status", c.status().name());
                  line.put("findings", c.findings());
                  return line;
                })
            .toList());
    m.put("findings", r.findings().stream().map(ReportDocuments::json).toList());
    m.put("openAtYearEnd", r.open().stream().map(ReportDocuments::json).toList());
    Map<String, Object> w = new LinkedHashMap<>();
    Reconciling.Figures f = r.warranties().figures();
    w.put("openingStock", f.opening());
    w.put("bought", f.bought());
    w.put("sold", f.sold());
    w.put("closingStock", f.closing());
    w.put("manufacturingLoss", f.manufacturingLoss());
    w.put("surplus", r.warranties().surplus());
    w.put("shortfall", r.warranties().shortfall());
    w.put("balanced", r.warranties().balanced());
    w.put("flags", r.warranties().flags());
    w.put("differences", r.warranties().differences());
    m.put("warranties", w);
    m.put("rjc", json(r.rjc()));
    m.put("sow", json(r.sow()));
    return m;
  }

  private static Map<String, Object> json(YearFinding f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", f.id().toString());
    m.put("rule", f.rule());
    m.put("severity", f.severity().name());
    m.put("statusAtYearEnd", f.status().name());
    m.put("summary", f.summary());
    m.put("raisedAt", f.raisedAt().toString());
    m.put(
        "responses",
        f.responses().stream()
            .map(
                r -> {
                  Map<String, Object> line = new LinkedHashMap<>();
                  line.put("decision", r.decision().name());
                  line.put("responder", r.responder());
                  line.put("respondedAt", r.respondedAt().toString());
                  line.put("plan", r.plan());
                  line.put("reviewOn", r.reviewOn() == null ? null : r.reviewOn().toString());
                  line.put("logHref", r.logHref());
                  return line;
                })
            .toList());
    return m;
  }

  private static Map<String, Object> json(Compliance c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("standing", c.standing().name());
    m.put("reference", c.reference());
    m.put("through", c.through() == null ? null : c.through().toString());
    return m;
  }

  /** The report's PDF, inline, named after the organisation's id and the year. */
  static ResponseEntity<byte[]> pdf(Report r, MessageSource messages, Locale locale) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            "Content-Disposition",
            ContentDisposition.inline()
                .filename("due-diligence-" + r.organisation().id() + "-" + r.year() + ".pdf")
                .build()
                .toString())
        .body(render(r, messages, locale));
  }

  static byte[] render(Report r, MessageSource messages, Locale locale) {
    Text t = new Text(messages, locale);
    String title =
        t.get("diligence.report.title", Integer.toString(r.year()))
            + " - "
            + r.organisation().name();
    TextPages pdf = new TextPages(title, locale.getLanguage()).heading(title);
    pdf.line(
        t.get("diligence.report.organisation")
            + ": "
            + r.organisation().name()
            + " ("
            + r.organisation().id()
            + ")");
    pdf.line(
        t.get("diligence.report.roles")
            + ": "
            + String.join(
                ", ",
                r.organisation().roles().stream()
                    .map(x -> x.name().toLowerCase(Locale.ROOT))
                    .toList())
            + "; "
            + t.get("diligence.field.participant")
            + ": "
            + (r.organisation().participant() == null ? "-" : r.organisation().participant()));
    pdf.line(t.get("diligence.report.period") + ": " + r.firstDay() + " - " + r.lastDay());
    pdf.line(t.get("diligence.report.asOf") + ": " + r.asOf());
    pdf.line(t.get(r.toDate() ? "diligence.report.toDate" : "diligence.report.reproducible"));

    pdf.heading(t.get("diligence.report.policies"));
    for (DiligenceReports.PolicyLine p : r.policies()) {
      pdf.line(
          p.rule()
              + "  "
              + p.title()
              + " ("
              + String.join(", ", p.severities().stream().map(s -> t.severity(s.name())).toList())
              + ")");
    }

    pdf.heading(t.get("diligence.report.counts"));
    if (r.counts().isEmpty()) {
      pdf.line(t.get("diligence.report.findings.none"));
    }
    for (DiligenceReports.Count c : r.counts()) {
      pdf.line(
          c.rule()
              + "  "
              + t.severity(c.severity().name())
              + "  "
              + t.get("diligence.status." + c.status())
              + ": "
              + c.findings());
    }

    pdf.heading(t.get("diligence.report.findings"));
    if (r.findings().isEmpty()) {
      pdf.line(t.get("diligence.report.findings.none"));
    }
    for (YearFinding f : r.findings()) {
      finding(pdf, t, f);
    }

    pdf.heading(t.get("diligence.report.open"));
    if (r.open().isEmpty()) {
      pdf.line(t.get("diligence.report.open.none"));
    }
    for (YearFinding f : r.open()) {
      pdf.line(
          f.rule()
              + "  "
              + t.get("diligence.status." + f.status())
              + "  "
              + f.raisedAt()
              + "  "
              + f.summary());
    }

    pdf.heading(t.get("diligence.report.warranties"));
    Reconciling.Figures fig = r.warranties().figures();
    pdf.line(t.get("diligence.report.w.opening") + ": " + fig.opening() + " ct");
    pdf.line(t.get("diligence.report.w.bought") + ": " + fig.bought() + " ct");
    pdf.line(t.get("diligence.report.w.sold") + ": " + fig.sold() + " ct");
    pdf.line(t.get("diligence.report.w.closing") + ": " + fig.closing() + " ct");
    pdf.line(t.get("diligence.report.w.loss") + ": " + fig.manufacturingLoss() + " ct");
    pdf.line(
        t.get("diligence.report.w.balance")
            + ": "
            + t.get("diligence.report.balanced." + r.warranties().balanced())
            + " ("
            + t.get("diligence.report.w.differences")
            + ": "
            + r.warranties().differences()
            + ")");
    for (String flag : r.warranties().flags()) {
      pdf.line("SOW-05: " + flag);
    }

    pdf.heading(t.get("diligence.report.compliance"));
    pdf.line(t.get("diligence.report.rjc") + ": " + t.standing(r.rjc()));
    pdf.line(t.get("diligence.report.sow") + ": " + t.standing(r.sow()));
    return pdf.render();
  }

  private static void finding(TextPages pdf, Text t, YearFinding f) {
    pdf.blank();
    pdf.line(
        f.rule()
            + "  "
            + t.severity(f.severity().name())
            + "  "
            + t.get("diligence.status." + f.status())
            + "  "
            + t.get("diligence.field.raisedAt")
            + " "
            + f.raisedAt());
    pdf.line(f.summary());
    if (f.responses().isEmpty()) {
      pdf.line("  " + t.get("diligence.report.noResponse"));
    }
    for (Response resp : f.responses()) {
      pdf.line(
          "  "
              + resp.respondedAt()
              + "  "
              + t.get("diligence.decision." + resp.decision())
              + "  "
              + resp.responder()
              + (resp.reviewOn() == null
                  ? ""
                  : "  " + t.get("diligence.field.reviewOn") + " " + resp.reviewOn()));
      if (resp.plan() != null) {
        pdf.line("  " + t.get("diligence.field.plan") + ": " + resp.plan());
      }
    }
  }

  /** Message lookup in one language. */
  record Text(MessageSource messages, Locale locale) {
    String get(String key, Object... args) {
      return messages.getMessage(key, args, locale);
    }

    String severity(String name) {
      return get("diligence.severity." + name);
    }

    String standing(Compliance c) {
      @Nullable LocalDate through = c.through();
      return get(
          "diligence.report.standing." + c.standing(),
          c.reference() == null ? "" : c.reference(),
          through == null ? "" : through.toString());
    }
  }
}
