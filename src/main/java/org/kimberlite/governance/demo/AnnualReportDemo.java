package org.kimberlite.governance.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.kimberlite.governance.AnnualReportChange;
import org.kimberlite.governance.AnnualReports;
import org.kimberlite.governance.ReportSection;
import org.kimberlite.governance.ReportingYear;
import org.kimberlite.registry.Caller;
import org.kimberlite.shared.ParticipantCode;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Last year's annual reports in the demo world: Botswana, the European Union and South Africa filed
 * on time, the Democratic Republic of the Congo a week late, and the other participants nothing
 * (missing). Each is drafted and submitted as of its own date. South Africa, chairing the Working
 * Group on Monitoring, assesses Botswana's report and asks a question, left open for Botswana's
 * authority to answer. When the year's due date is not yet well past, the secretariat sets it three
 * weeks back, so that the late filing and the missing ones show.
 */
@Component
@Order(10)
class AnnualReportDemo implements GovernanceDemoStep {
  private final AnnualReports reports;
  private final TransactionTemplate transactions;

  AnnualReportDemo(AnnualReports reports, TransactionTemplate transactions) {
    this.reports = reports;
    this.transactions = transactions;
  }

  /** A filing: who, for which participant, how many days from the due date it was submitted. */
  record Filing(String username, String participant, int daysFromDue) {}

  static final List<Filing> FILINGS =
      List.of(
          new Filing("kp-bw", "BW", -40),
          new Filing("kp-eu-be", "EU", -20),
          new Filing("kp-za", "ZA", -3),
          new Filing("kp-cd", "CD", 7));

  @Override
  public String create(Map<String, Caller> callers) {
    LocalDate today = reports.today();
    ReportingYear year = ReportingYear.of(today.getYear() - 1);
    Caller secretariat = callers.get("kp-secretariat");
    LocalDate due = reports.dueOn(year);
    if (secretariat != null && due.isAfter(today.minusDays(14))) {
      LocalDate earlier = today.minusDays(21);
      transactions.executeWithoutResult(t -> reports.setDue(secretariat, year, earlier));
      due = reports.dueOn(year);
    }
    int filed = 0;
    for (Filing f : FILINGS) {
      Caller authority = callers.get(f.username());
      if (authority != null && file(authority, f, year, due)) {
        filed++;
      }
    }
    boolean assessed = assess(callers.get("kp-za"), year, due);
    return filed
        + " annual reports for "
        + year
        + " (due "
        + due
        + ", one late)"
        + (assessed ? ", one assessed with an open question." : ".");
  }

  private boolean file(Caller authority, Filing f, ReportingYear year, LocalDate due) {
    ParticipantCode p = ParticipantCode.of(f.participant());
    Instant submitted = due.plusDays(f.daysFromDue()).atTime(10, 0).toInstant(ZoneOffset.UTC);
    AnnualReports drafting =
        reports.on(Clock.fixed(submitted.minusSeconds(3 * 86_400), ZoneOffset.UTC));
    AnnualReports submitting = reports.on(Clock.fixed(submitted, ZoneOffset.UTC));
    Boolean done =
        transactions.execute(
            t -> {
              if (!(drafting.saveDraft(authority, p, year, sections(f.participant(), year), null)
                  instanceof AnnualReportChange.Done)) {
                t.setRollbackOnly();
                return false;
              }
              if (f.participant().equals("BW")) {
                drafting.attach(
                    authority,
                    p,
                    year,
                    "kp-contact-points-" + year + ".csv",
                    ("office,role\nKP authority,issues and verifies certificates\nCustoms,checks shipments at the border\n")
                        .getBytes(StandardCharsets.UTF_8));
              }
              if (!(submitting.submit(authority, p, year) instanceof AnnualReportChange.Done)) {
                t.setRollbackOnly();
                return false;
              }
              return true;
            });
    return Boolean.TRUE.equals(done);
  }

  private boolean assess(
      @org.jspecify.annotations.Nullable Caller wgmChair, ReportingYear year, LocalDate due) {
    if (wgmChair == null) {
      return false;
    }
    AnnualReports then =
        reports.on(
            Clock.fixed(due.plusDays(5).atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    Boolean done =
        transactions.execute(
            t ->
                then.assess(
                        wgmChair,
                        ParticipantCode.of("BW"),
                        year,
                        1,
                        "The report covers every section and was filed on time. Internal controls"
                            + " over exports are described in detail; the artisanal section is"
                            + " short.",
                        List.of(
                            "How many artisanal diggers and buying offices were licensed in "
                                + year
                                + ", and how are their purchases traced to the first export?"))
                    instanceof AnnualReportChange.Done);
    return Boolean.TRUE.equals(done);
  }

  private static Map<ReportSection, String> sections(String participant, ReportingYear year) {
    Map<ReportSection, String> s = new EnumMap<>(ReportSection.class);
    String who = "(Demo report of " + participant + " for " + year + ") ";
    s.put(
        ReportSection.LEGISLATION,
        who + "The national law implementing the certification scheme was unchanged in the year.");
    s.put(
        ReportSection.INSTITUTIONS,
        who
            + "The KP authority issues and verifies certificates; customs check every shipment"
            + " at the border and report seizures to the authority.");
    s.put(
        ReportSection.INTERNAL_CONTROLS,
        who
            + "Every export is sealed in the presence of the authority and valued before a"
            + " certificate is issued; records are kept for at least three years.");
    s.put(
        ReportSection.ARTISANAL_PRODUCTION,
        participant.equals("CD")
            ? who
                + "Artisanal diggers and négociants are licensed; buying offices record the mine"
                + " site of each purchase."
            : who + "No artisanal or alluvial production, or none of significance.");
    s.put(
        ReportSection.STATISTICS,
        who
            + "Production and trade statistics were submitted to the Working Group on Statistics"
            + " in the standard format.");
    return s;
  }
}
