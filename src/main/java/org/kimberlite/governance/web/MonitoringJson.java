package org.kimberlite.governance.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.CertificateStatus;
import org.kimberlite.governance.ConfirmationFlag;
import org.kimberlite.governance.MonitoredExport;
import org.kimberlite.governance.MonitoringOutcome;
import org.kimberlite.governance.MonitoringReport;
import org.kimberlite.governance.MonitoringTotals;
import org.kimberlite.governance.Recommendation;
import org.kimberlite.governance.ZoneFlag;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.problem.Problem;

/** The JSON of re-entry monitoring, and its outcomes as problems. */
final class MonitoringJson {
  private MonitoringJson() {}

  static final String NOT_ALLOWED =
      "The participant's monitoring team, the KP secretariat and members of the Working Group on"
          + " Monitoring follow a participant's monitoring.";

  static final String NOT_RECOMMENDING =
      "Only the participant's monitoring team and the KP secretariat record recommendations.";

  record ExportJson(
      @Schema(description = "The certificate's number, its identity") String number,
      LocalDate issuedOn,
      ParticipantCode importingParticipant,
      String carats,
      String valueUsd,
      @Nullable String originZone,
      CertificateStatus status,
      @Schema(description = "When the importing authority received it; null if not confirmed")
          @Nullable LocalDate confirmedOn,
      @Schema(description = "The last day a confirmation is on time") LocalDate deadline,
      ConfirmationFlag confirmation,
      ZoneFlag zone,
      @Schema(description = "The compliant zones in force on the day of issue")
          List<String> zonesInForce) {
    static ExportJson of(MonitoredExport m) {
      var e = m.export();
      return new ExportJson(
          e.number(),
          e.issuedOn(),
          e.importingParticipant(),
          e.carats().toString(),
          e.valueUsd().toString(),
          e.originZone(),
          e.status(),
          e.confirmedOn(),
          m.deadline(),
          m.confirmation(),
          m.zone(),
          m.zonesInForce());
    }
  }

  record TotalsJson(
      int exports,
      String carats,
      String valueUsd,
      int confirmed,
      int late,
      int unconfirmed,
      int awaiting,
      int inZone,
      int outsideZone,
      int notUnderFramework) {
    static TotalsJson of(MonitoringTotals t) {
      return new TotalsJson(
          t.exports(),
          t.carats().toString(),
          t.valueUsd().toString(),
          t.confirmed(),
          t.late(),
          t.unconfirmed(),
          t.awaiting(),
          t.inZone(),
          t.outsideZone(),
          t.notUnderFramework());
    }
  }

  record ReportJson(
      ParticipantCode participant,
      LocalDate from,
      LocalDate to,
      @Schema(description = "The day the flags were computed") LocalDate asOf,
      int deadlineDays,
      TotalsJson totals,
      @Schema(description = "Whether the period held more exports than one report reads")
          boolean truncated,
      List<ExportJson> exports) {
    static ReportJson of(MonitoringReport r) {
      return new ReportJson(
          r.participant(),
          r.from(),
          r.to(),
          r.asOf(),
          r.deadlineDays(),
          TotalsJson.of(r.totals()),
          r.truncated(),
          r.exports().stream().map(ExportJson::of).toList());
    }
  }

  record EvidenceJson(
      LocalDate from,
      LocalDate to,
      LocalDate asOf,
      int deadlineDays,
      boolean truncated,
      TotalsJson totals) {}

  record RecommendationJson(
      UUID id,
      ParticipantCode participant,
      LocalDate recommendedOn,
      String text,
      @Schema(description = "The monitoring figures frozen when it was recorded")
          EvidenceJson evidence,
      @Nullable String source,
      @Nullable UUID organisationId,
      String organisationName,
      Instant recordedAt,
      String recordedBy,
      @Schema(description = "The recommendation's record in the transparency log")
          String logRecord) {
    static RecommendationJson of(Recommendation r) {
      return new RecommendationJson(
          r.id(),
          r.participant(),
          r.recommendedOn(),
          r.text(),
          new EvidenceJson(
              r.evidenceFrom(),
              r.evidenceTo(),
              r.evidenceAsOf(),
              r.deadlineDays(),
              r.evidenceTruncated(),
              TotalsJson.of(r.evidence())),
          r.source(),
          r.organisationId(),
          r.organisationName(),
          r.recordedAt(),
          r.recordedBy(),
          "/api/v1/log/records/governance.monitoring-recommendation/" + r.id() + "/entries");
    }
  }

  /** The report; a problem for every other outcome. */
  static MonitoringReport report(MonitoringOutcome outcome) {
    if (outcome instanceof MonitoringOutcome.Report r) {
      return r.report();
    }
    throw problem(outcome, NOT_ALLOWED);
  }

  /** The recommendation recorded; a problem for every other outcome. */
  static Recommendation recorded(MonitoringOutcome outcome) {
    if (outcome instanceof MonitoringOutcome.Recorded r) {
      return r.recommendation();
    }
    throw problem(outcome, NOT_RECOMMENDING);
  }

  private static RuntimeException problem(MonitoringOutcome outcome, String notAllowed) {
    return switch (outcome) {
      case MonitoringOutcome.NotAllowed n -> Problem.forbidden(notAllowed);
      case MonitoringOutcome.Unknown u -> Problem.notFound("No participant " + u.participant());
      case MonitoringOutcome.Invalid i ->
          Problem.invalid(
              "Not valid as given: " + String.join(", ", i.errors().keySet()),
              ReviewVisitJson.errors(i.errors()));
      case MonitoringOutcome.Report r -> new IllegalStateException("unexpected " + r);
      case MonitoringOutcome.Recorded r -> new IllegalStateException("unexpected " + r);
    };
  }
}
