package org.kimberlite.diligence.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.diligence.DiligenceReports;
import org.kimberlite.registry.Caller;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The yearly due-diligence report in the console: a company's own (or an authority's or the
 * secretariat's view of an organisation's, {@code ?organisation=}), a year selector and the PDF.
 */
@Controller
class DiligenceReportConsole {
  private final DiligenceReports reports;
  private final MessageSource messages;

  DiligenceReportConsole(DiligenceReports reports, MessageSource messages) {
    this.reports = reports;
    this.messages = messages;
  }

  /** The year selector's target: the report of the year chosen (last year's by default). */
  @GetMapping("/console/due-diligence")
  String choose(
      @RequestParam(required = false) @Nullable String year,
      @RequestParam(required = false) @Nullable String organisation) {
    int chosen =
        year == null || year.isBlank()
            ? Math.max(DiligenceReports.EARLIEST_YEAR, reports.latestYear() - 1)
            : ReportDocuments.year(year.strip());
    UUID org = organisation == null || organisation.isBlank() ? null : id(organisation.strip());
    return "redirect:" + href(chosen, org, "");
  }

  @GetMapping("/console/due-diligence/{year}")
  String page(
      Caller caller,
      @PathVariable String year,
      @RequestParam(required = false) @Nullable String organisation,
      Model model) {
    UUID org = organisation(caller, organisation);
    DiligenceReports.Report r =
        ReportDocuments.report(reports.report(caller, org, ReportDocuments.year(year)));
    List<Integer> years = new ArrayList<>();
    for (int y = reports.latestYear(); y >= DiligenceReports.EARLIEST_YEAR; y--) {
      years.add(y);
    }
    boolean own = org.equals(caller.organisationId());
    model.addAttribute("report", ReportDocuments.json(r));
    model.addAttribute("year", r.year());
    model.addAttribute("yearText", Integer.toString(r.year()));
    model.addAttribute("years", years);
    model.addAttribute("organisation", own ? "" : org.toString());
    model.addAttribute("pdfHref", href(r.year(), own ? null : org, ".pdf"));
    return "console/findings/report";
  }

  @GetMapping("/console/due-diligence/{year}.pdf")
  @ResponseBody
  ResponseEntity<byte[]> pdf(
      Caller caller,
      @PathVariable String year,
      @RequestParam(required = false) @Nullable String organisation,
      Locale locale) {
    UUID org = organisation(caller, organisation);
    return ReportDocuments.pdf(
        ReportDocuments.report(reports.report(caller, org, ReportDocuments.year(year))),
        messages,
        locale);
  }

  private static UUID organisation(Caller caller, @Nullable String organisation) {
    return organisation == null || organisation.isBlank()
        ? caller.organisationId()
        : id(organisation.strip());
  }

  private static UUID id(String organisation) {
    try {
      return DiligenceReportApi.uuid(organisation);
    } catch (RuntimeException e) {
      throw ReportDocuments.invalid("organisation", "an organisation id (UUID)");
    }
  }

  private static String href(int year, @Nullable UUID organisation, String suffix) {
    UriComponentsBuilder b =
        UriComponentsBuilder.fromPath("/console/due-diligence/" + year + suffix);
    if (organisation != null) {
      b.queryParam("organisation", organisation);
    }
    return b.build().toUriString();
  }
}
