package org.kimberlite.governance.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.ConfirmRequest;
import org.kimberlite.certification.ConfirmingImports;
import org.kimberlite.certification.IssueRequest;
import org.kimberlite.certification.Issued;
import org.kimberlite.certification.IssuingCertificates;
import org.kimberlite.certification.KpCertificate;
import org.kimberlite.certification.OriginKind;
import org.kimberlite.registry.Caller;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's re-entry monitoring: a few months of the Central African Republic's exports by its
 * demo authority, to the United Arab Emirates and the European Union, each confirmed or not by the
 * importing authority: two on time, one late, one never confirmed, one recent one awaited. The CAR
 * monitoring team (seated by {@link GovernanceDemo}) follows them on the monitoring page.
 */
@Component
@Order(30)
class MonitoringDemo implements GovernanceDemoStep {
  /** One shipment: days before today it was issued, to whom, received how many days later. */
  private record Shipment(
      int daysAgo, boolean toEu, String carats, String valueUsd, @Nullable Integer receivedAfter) {}

  private static final List<Shipment> SHIPMENTS =
      List.of(
          new Shipment(120, false, "412.35", "74223.00", 9),
          new Shipment(100, true, "268.10", "45577.00", 45),
          new Shipment(80, false, "155.72", "26472.40", null),
          new Shipment(60, true, "530.04", "92757.00", 12),
          new Shipment(10, false, "98.50", "17237.50", null));

  private final IssuingCertificates issuing;
  private final ConfirmingImports confirming;
  private final TransactionTemplate tx;
  private final Clock clock;

  MonitoringDemo(
      IssuingCertificates issuing,
      ConfirmingImports confirming,
      TransactionTemplate tx,
      Clock clock) {
    this.issuing = issuing;
    this.confirming = confirming;
    this.tx = tx;
    this.clock = clock;
  }

  private static Clock on(LocalDate day) {
    return Clock.fixed(day.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
  }

  @Override
  public String create(Map<String, Caller> callers) {
    Caller car = callers.get("kp-cf");
    Caller exporter = callers.get("bangui-rough");
    Caller ae = callers.get("kp-ae");
    Caller eu = callers.get("kp-eu-be");
    Caller creek = callers.get("creek-diamonds");
    Caller schelde = callers.get("schelde-rough");
    if (car == null
        || exporter == null
        || ae == null
        || eu == null
        || creek == null
        || schelde == null) {
      return "No CAR exports to monitor: a demo account is missing.";
    }
    LocalDate today = LocalDate.now(clock);
    int issued = 0;
    for (Shipment s : SHIPMENTS) {
      Caller importer = s.toEu() ? schelde : creek;
      Caller importing = s.toEu() ? eu : ae;
      LocalDate issuedOn = today.minusDays(s.daysAgo());
      IssueRequest request =
          new IssueRequest(
              exporter.organisationId(),
              importer.organisationId(),
              s.toEu() ? "EU" : "AE",
              OriginKind.SINGLE,
              List.of("CF"),
              null,
              List.of(new IssueRequest.LineRequest("7102.31", s.carats(), s.valueUsd())),
              2,
              "CF-SEAL-" + s.daysAgo(),
              issuedOn,
              issuedOn.plusDays(60),
              null);
      Boolean done =
          tx.execute(
              status -> {
                if (!(issuing.on(on(issuedOn)).issue(car, request) instanceof Issued i)) {
                  status.setRollbackOnly();
                  return false;
                }
                KpCertificate c = i.certificate();
                Integer after = s.receivedAfter();
                if (after != null) {
                  LocalDate receivedOn = issuedOn.plusDays(after);
                  confirming
                      .on(on(receivedOn))
                      .confirm(importing, c.number(), ConfirmRequest.matching(c, receivedOn));
                }
                return true;
              });
      if (Boolean.TRUE.equals(done)) {
        issued++;
      }
    }
    return issued
        + " CAR exports for its monitoring team: two confirmed on time, one late, one never"
        + " confirmed, one awaited (/console/governance/monitoring/CF).";
  }
}
