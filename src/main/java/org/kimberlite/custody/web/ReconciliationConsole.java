package org.kimberlite.custody.web;

import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.kimberlite.custody.Reconciling;
import org.kimberlite.platform.web.NavItem;
import org.kimberlite.registry.Caller;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's warranty reconciliation page: the caller's organisation (or, for a KP authority,
 * one of its participant's, by {@code organisation}) over a chosen period, with its CSV and PDF.
 */
@Controller
class ReconciliationConsole {
  private final Reconciling reconciling;
  private final Clock clock;

  ReconciliationConsole(Reconciling reconciling, Clock clock) {
    this.reconciling = reconciling;
    this.clock = clock;
  }

  @Bean
  static NavItem reconciliationNav() {
    return NavItem.forRoles(
        "nav.reconciliation",
        "/console/reconciliation",
        40,
        "MINER",
        "TRADER",
        "MANUFACTURER",
        "RETAILER",
        "KP_AUTHORITY");
  }

  @GetMapping("/console/reconciliation")
  String page(
      Caller caller,
      @RequestParam(required = false) @Nullable String organisation,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      Model model) {
    String org = organisation(caller, organisation);
    String first = from(from);
    String last = to(to);
    model.addAttribute(
        "r", ReconciliationDocuments.report(reconciling.report(caller, org, first, last)));
    model.addAttribute("organisation", org);
    model.addAttribute("from", first);
    model.addAttribute("to", last);
    return "console/reconciliation";
  }

  /** The same report as CSV or PDF ({@code format=csv} or {@code pdf}). */
  @GetMapping(value = "/console/reconciliation", params = "format")
  ResponseEntity<byte[]> file(
      Caller caller,
      @RequestParam(required = false) @Nullable String organisation,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam String format) {
    String form = ReconciliationDocuments.format(format, null);
    if (form.equals("json")) {
      throw ReconciliationDocuments.badParameter("format", "csv or pdf");
    }
    Reconciling.Report report =
        ReconciliationDocuments.report(
            reconciling.report(caller, organisation(caller, organisation), from(from), to(to)));
    return ReconciliationDocuments.file(report, form);
  }

  private static String organisation(Caller caller, @Nullable String organisation) {
    return organisation == null ? caller.organisationId().toString() : organisation;
  }

  private String from(@Nullable String from) {
    return from == null ? LocalDate.now(clock).withDayOfYear(1).toString() : from;
  }

  private String to(@Nullable String to) {
    return to == null ? LocalDate.now(clock).toString() : to;
  }
}
