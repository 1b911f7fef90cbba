package org.kimberlite.governance.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.kimberlite.governance.ReviewVisit;
import org.kimberlite.governance.ReviewVisitId;
import org.kimberlite.governance.ReviewVisitOutcome;
import org.kimberlite.governance.ReviewVisits;
import org.kimberlite.registry.Caller;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's peer review visit: the secretariat sent a team led by South Africa, with the EU, to
 * the Democratic Republic of the Congo some months ago; the team recorded three findings, the DRC's
 * authority responded with an action plan the secretariat accepted; since then one action was
 * closed, one is open and one is overdue. Each step is taken as of its day in the past.
 */
@Component
@Order(20)
class ReviewVisitDemo implements GovernanceDemoStep {
  private final ReviewVisits visits;
  private final TransactionTemplate tx;
  private final Clock clock;

  ReviewVisitDemo(ReviewVisits visits, TransactionTemplate tx, Clock clock) {
    this.visits = visits;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * The use cases as of a day in the past (a copy outside Spring: each step runs in {@link #tx}).
   */
  private ReviewVisits on(LocalDate day) {
    return visits.on(Clock.fixed(day.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
  }

  private ReviewVisitOutcome in(Supplier<ReviewVisitOutcome> step) {
    return Objects.requireNonNull(tx.execute(s -> step.get()));
  }

  @Override
  public String create(Map<String, Caller> callers) {
    Caller secretariat = callers.get("kp-secretariat");
    Caller za = callers.get("kp-za");
    Caller eu = callers.get("kp-eu-be");
    Caller drc = callers.get("kp-cd");
    if (secretariat == null || za == null || eu == null || drc == null) {
      return "No peer review visit: a demo account is missing.";
    }
    LocalDate today = LocalDate.now(clock);
    LocalDate visitStart = today.minusDays(170);
    ReviewVisitOutcome planned =
        in(
            () ->
                on(today.minusDays(200))
                    .plan(
                        secretariat,
                        new ReviewVisits.Plan(
                            "CD",
                            visitStart,
                            visitStart.plusDays(4),
                            "Review the DRC's implementation of the KPCS minimum requirements, with"
                                + " attention to internal controls over artisanal and alluvial production"
                                + " from the mine site to the Kinshasa export office, import confirmations"
                                + " and statistics reporting.",
                            List.of(za.organisationId(), eu.organisationId()),
                            za.organisationId())));
    if (!(planned instanceof ReviewVisitOutcome.Done d)) {
      return "No peer review visit: " + planned;
    }
    ReviewVisitId id = d.visit().id();
    step(
        () ->
            on(visitStart.plusDays(10))
                .recordFindings(
                    za,
                    id,
                    List.of(
                        new ReviewVisits.NewFinding(
                            "IC-SYSTEM",
                            "Purchases by licensed traders at artisanal sites in the Kasai are"
                                + " recorded on paper registers that the export office does not"
                                + " reconcile with the parcels it certifies.",
                            "Reconcile traders' purchase registers with each export parcel before"
                                + " a certificate is issued, and keep the reconciliation on file."),
                        new ReviewVisits.NewFinding(
                            "TRADE-CONFIRM",
                            "Import confirmations for a third of last year's exports reached the"
                                + " authority more than sixty days after the shipment.",
                            "Follow up each certificate without a confirmation after thirty days,"
                                + " and report the missing ones to the importing authority."),
                        new ReviewVisits.NewFinding(
                            "STAT-DATA",
                            "Half-yearly production figures were filed late twice in two years.",
                            "Set an internal deadline a month before the KP deadline and name a"
                                + " deputy for the statistics officer."))));
    step(
        () ->
            on(visitStart.plusDays(40))
                .respond(
                    drc,
                    id,
                    "The DRC accepts the findings. The export office will reconcile purchase"
                        + " registers from the next quarter; import confirmations and statistics"
                        + " are now followed by a named officer.",
                    List.of(
                        new ReviewVisits.NewAction(
                            1,
                            "Introduce a reconciliation sheet signed by the export office for each"
                                + " parcel.",
                            today.minusDays(60)),
                        new ReviewVisits.NewAction(
                            2,
                            "Chase every unconfirmed certificate after thirty days and report"
                                + " monthly.",
                            today.minusDays(20)),
                        new ReviewVisits.NewAction(
                            3,
                            "Appoint a deputy statistics officer and file the next figures a month"
                                + " early.",
                            today.plusDays(90)))));
    step(() -> on(visitStart.plusDays(45)).acceptPlan(secretariat, id));
    step(
        () ->
            on(today.minusDays(80))
                .recordProgress(
                    drc,
                    id,
                    1,
                    "The reconciliation sheet is in use at the Kinshasa office since last month."));
    step(
        () ->
            on(today.minusDays(70))
                .closeAction(
                    secretariat,
                    id,
                    1,
                    "Sheets for three consecutive exports seen and checked against the registers."));
    step(
        () ->
            on(today.minusDays(10))
                .recordProgress(
                    za,
                    id,
                    2,
                    "Reminder sent: the monthly report on unconfirmed certificates is still"
                        + " missing."));
    ReviewVisit v = visits.get(secretariat, id).orElseThrow();
    long open = v.actions().stream().filter(a -> !a.closed()).count();
    long overdue = v.actions().stream().filter(a -> a.overdue()).count();
    return "1 peer review visit (DRC, led by South Africa with the EU): "
        + v.findings().size()
        + " findings, "
        + v.actions().size()
        + " actions, "
        + open
        + " open of which "
        + overdue
        + " overdue.";
  }

  private void step(Supplier<ReviewVisitOutcome> taken) {
    ReviewVisitOutcome outcome = in(taken);
    if (!(outcome instanceof ReviewVisitOutcome.Done)) {
      throw new IllegalStateException("The demo's review visit could not go on: " + outcome);
    }
  }
}
