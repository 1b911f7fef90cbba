package org.kimberlite.governance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kimberlite.governance.Monitoring;
import org.kimberlite.governance.NewRecommendation;
import org.kimberlite.governance.web.MonitoringJson.RecommendationJson;
import org.kimberlite.governance.web.MonitoringJson.ReportJson;
import org.kimberlite.registry.Caller;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.problem.Problem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Re-entry monitoring (docs/governance.md, "Re-entry monitoring"): a participant's exports matched
 * with their import confirmations, flagged, for its monitoring team, the secretariat and members of
 * the Working Group on Monitoring; the team's (or the secretariat's) recommendations to lift the
 * participant's restrictions, with the evidence frozen into them.
 */
@RestController
class MonitoringApi {
  static final String BASE = "/api/v1/governance/monitoring";
  static final String RECOMMENDATIONS = "/api/v1/governance/recommendations";

  /** The default period of a report: the year up to today. */
  static final int DEFAULT_DAYS = 365;

  private final Monitoring monitoring;

  MonitoringApi(Monitoring monitoring) {
    this.monitoring = monitoring;
  }

  @GetMapping(BASE + "/{participant}")
  @Operation(
      summary = "A participant's exports matched with their import confirmations, flagged",
      description =
          "For the participant's monitoring team, the KP secretariat and members of the Working"
              + " Group on Monitoring. Every export certificate issued from `from` to `to` (at"
              + " most five years; by default the last 365 days), not cancelled, oldest first,"
              + " each flagged CONFIRMED, LATE, UNCONFIRMED or AWAITING against the confirmation"
              + " deadline, and IN_ZONE, OUTSIDE_ZONE or NOT_UNDER_FRAMEWORK against the"
              + " compliant zones in force on its day; with the totals per flag.")
  ReportJson report(
      Caller caller,
      @PathVariable String participant,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to) {
    mayFollow(caller);
    ParticipantCode code = DecisionForms.participant(participant);
    LocalDate last = to == null ? monitoring.today() : DecisionForms.date("to", to);
    LocalDate first =
        from == null ? last.minusDays(DEFAULT_DAYS) : DecisionForms.date("from", from);
    return ReportJson.of(MonitoringJson.report(monitoring.report(caller, code, first, last)));
  }

  @GetMapping(BASE + "/{participant}/recommendations")
  @Operation(
      summary = "The recommendations to lift a participant's restrictions",
      description =
          "Newest first, each with the monitoring figures frozen into it; for the participant's"
              + " monitoring team, the KP secretariat, members of the Working Group on"
              + " Monitoring and the participant's own KP authority.")
  List<RecommendationJson> recommendations(Caller caller, @PathVariable String participant) {
    mayFollow(caller);
    ParticipantCode code = DecisionForms.participant(participant);
    return monitoring
        .recommendations(caller, code)
        .orElseThrow(() -> Problem.forbidden(MonitoringJson.NOT_ALLOWED))
        .stream()
        .map(RecommendationJson::of)
        .toList();
  }

  /** A recommendation to record. */
  record RecommendationBody(
      @Schema(description = "The day it was made, not after today") @Nullable String recommendedOn,
      @Schema(description = "1 to 20,000 characters") @Nullable String text,
      @Schema(description = "The first day of the monitoring period it rests on")
          @Nullable String evidenceFrom,
      @Schema(description = "The last day of that period, not after today, at most five years on")
          @Nullable String evidenceTo) {}

  @PostMapping(BASE + "/{participant}/recommendations")
  @Operation(
      summary = "Record a recommendation to lift a participant's restrictions",
      description =
          "By a member of the participant's monitoring team or the KP secretariat. The monitoring"
              + " figures over the stated period are computed and frozen into the record, which"
              + " is committed to the transparency log as governance.monitoring-recommendation."
              + " A decision reinstating the participant may then name it.",
      responses =
          @ApiResponse(
              responseCode = "201",
              description = "Recorded",
              content = @Content(schema = @Schema(implementation = RecommendationJson.class))))
  ResponseEntity<RecommendationJson> recommend(
      Caller caller, @PathVariable String participant, @RequestBody RecommendationBody body) {
    mayFollow(caller);
    ParticipantCode code = DecisionForms.participant(participant);
    NewRecommendation request =
        new NewRecommendation(
            ReviewVisitJson.date("recommendedOn", body.recommendedOn()),
            body.text(),
            ReviewVisitJson.date("evidenceFrom", body.evidenceFrom()),
            ReviewVisitJson.date("evidenceTo", body.evidenceTo()),
            null);
    RecommendationJson recorded =
        RecommendationJson.of(MonitoringJson.recorded(monitoring.recommend(caller, code, request)));
    return ResponseEntity.created(URI.create(RECOMMENDATIONS + "/" + recorded.id())).body(recorded);
  }

  @GetMapping(RECOMMENDATIONS + "/{id}")
  @Operation(
      summary = "One recommendation to lift a participant's restrictions",
      description =
          "For the participant's monitoring team, the KP secretariat and members of the Working"
              + " Group on Monitoring; 404 for an unknown one or one of a participant the caller"
              + " does not follow. A decision that follows it names its id publicly.")
  RecommendationJson one(Caller caller, @PathVariable String id) {
    mayFollow(caller);
    return DecisionForms.uuid(id)
        .flatMap(u -> monitoring.recommendation(caller, u))
        .map(RecommendationJson::of)
        .orElseThrow(() -> Problem.notFound("No recommendation " + id + "."));
  }

  /** The caller's role, before anything of the request is read. */
  private void mayFollow(Caller caller) {
    if (!monitoring.followsAny(caller)) {
      throw Problem.forbidden(MonitoringJson.NOT_ALLOWED);
    }
  }
}
