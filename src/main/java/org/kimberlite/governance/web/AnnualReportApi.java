package org.kimberlite.governance.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.governance.AnnualReport;
import org.kimberlite.governance.AnnualReportAssessment;
import org.kimberlite.governance.AnnualReportAttachment;
import org.kimberlite.governance.AnnualReportOverviewOutcome;
import org.kimberlite.governance.AnnualReports;
import org.kimberlite.governance.ReportSection;
import org.kimberlite.governance.ReportingYear;
import org.kimberlite.platform.web.BodyLimit;
import org.kimberlite.registry.Caller;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.problem.Problem;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Participants' annual reports (docs/governance.md): the overview of a year and its due date, one
 * participant's report, its draft, attachments, submissions and corrections, the WGM's assessments
 * and the authority's answers. A report the caller may not see is a 404.
 */
@RestController
@RequestMapping(AnnualReportJson.BASE)
class AnnualReportApi {
  private final AnnualReports reports;

  AnnualReportApi(AnnualReports reports) {
    this.reports = reports;
  }

  /** Attachments are larger than the server-wide body limit: a file and a little more. */
  @Bean
  static BodyLimit annualReportApiBodyLimit() {
    return new BodyLimit(
        AnnualReportJson.BASE + "/", AnnualReportAttachment.MAX_BYTES + 64 * 1024L);
  }

  @GetMapping
  Map<String, Object> overview(Caller caller, @RequestParam String year) {
    return overview(reports.overview(caller, AnnualReportJson.yearParameter(year)));
  }

  static Map<String, Object> overview(AnnualReportOverviewOutcome outcome) {
    return switch (outcome) {
      case AnnualReportOverviewOutcome.Listed l -> AnnualReportJson.overview(l.overview());
      case AnnualReportOverviewOutcome.NotAllowed n ->
          throw Problem.forbidden(
              "Only the KP secretariat and members of the Working Group on Monitoring see every"
                  + " participant's annual reports.");
      case AnnualReportOverviewOutcome.Invalid i -> throw Problem.invalid(i.field(), i.message());
    };
  }

  @PutMapping("/due-dates/{year}")
  Map<String, Object> due(
      Caller caller, @PathVariable String year, @RequestBody Map<String, Object> body) {
    ReportingYear y = AnnualReportJson.year(year);
    String text = AnnualReportJson.text(body, "dueOn");
    LocalDate dueOn;
    try {
      dueOn = LocalDate.parse(text == null ? "" : text);
    } catch (DateTimeParseException e) {
      throw Problem.invalid("dueOn", "a date such as " + (y.value() + 1) + "-03-31");
    }
    return overview(reports.setDue(caller, y, dueOn));
  }

  @GetMapping("/{participant}/{year}")
  Map<String, Object> one(
      Caller caller, @PathVariable String participant, @PathVariable String year) {
    return AnnualReportJson.report(find(caller, participant, year));
  }

  @PutMapping("/{participant}/{year}/draft")
  Map<String, Object> saveDraft(
      Caller caller,
      @PathVariable String participant,
      @PathVariable String year,
      @RequestBody Map<String, Object> body) {
    ParticipantCode p = AnnualReportJson.participant(participant);
    ReportingYear y = AnnualReportJson.year(year);
    Map<ReportSection, String> sections = sections(body.get("sections"));
    Long revision = revision(body.get("revision"));
    return AnnualReportJson.report(
        AnnualReportJson.done(reports.saveDraft(caller, p, y, sections, revision)));
  }

  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      description =
          "The file's bytes: a PDF, PNG, JPEG, CSV or plain-text file of at most 5 MiB (the type is"
              + " read from the content)",
      content =
          @Content(
              mediaType = "application/octet-stream",
              schema = @Schema(type = "string", format = "binary")))
  @PostMapping(value = "/{participant}/{year}/draft/attachments", consumes = MediaType.ALL_VALUE)
  ResponseEntity<Map<String, Object>> attach(
      Caller caller,
      @PathVariable String participant,
      @PathVariable String year,
      @RequestParam String name,
      @RequestBody(required = false) byte @Nullable [] content) {
    ParticipantCode p = AnnualReportJson.participant(participant);
    ReportingYear y = AnnualReportJson.year(year);
    AnnualReport r =
        AnnualReportJson.done(
            reports.attach(caller, p, y, name, content == null ? new byte[0] : content));
    return ResponseEntity.created(URI.create(AnnualReportJson.href(p, y)))
        .body(AnnualReportJson.report(r));
  }

  @DeleteMapping("/{participant}/{year}/draft/attachments/{id}")
  Map<String, Object> detach(
      Caller caller,
      @PathVariable String participant,
      @PathVariable String year,
      @PathVariable String id) {
    ParticipantCode p = AnnualReportJson.participant(participant);
    ReportingYear y = AnnualReportJson.year(year);
    return AnnualReportJson.report(
        AnnualReportJson.done(reports.detach(caller, p, y, AnnualReportJson.id(id, "attachment"))));
  }

  @PostMapping("/{participant}/{year}/submissions")
  ResponseEntity<Map<String, Object>> submit(
      Caller caller, @PathVariable String participant, @PathVariable String year) {
    ParticipantCode p = AnnualReportJson.participant(participant);
    ReportingYear y = AnnualReportJson.year(year);
    AnnualReport r = AnnualReportJson.done(reports.submit(caller, p, y));
    int v = r.latest().orElseThrow().version();
    return ResponseEntity.created(URI.create(AnnualReportJson.href(p, y) + "/versions/" + v))
        .body(AnnualReportJson.report(r));
  }

  @PostMapping("/{participant}/{year}/corrections")
  ResponseEntity<Map<String, Object>> correct(
      Caller caller, @PathVariable String participant, @PathVariable String year) {
    ParticipantCode p = AnnualReportJson.participant(participant);
    ReportingYear y = AnnualReportJson.year(year);
    AnnualReport r = AnnualReportJson.done(reports.correct(caller, p, y));
    return ResponseEntity.created(URI.create(AnnualReportJson.href(p, y)))
        .body(AnnualReportJson.report(r));
  }

  @GetMapping("/{participant}/{year}/versions/{version}")
  Map<String, Object> version(
      Caller caller,
      @PathVariable String participant,
      @PathVariable String year,
      @PathVariable String version) {
    return AnnualReportJson.versionPage(find(caller, participant, year), version);
  }

  @ApiResponse(
      responseCode = "200",
      description = "The file, byte for byte as attached",
      content =
          @Content(
              mediaType = "application/octet-stream",
              schema = @Schema(type = "string", format = "binary")))
  @GetMapping("/{participant}/{year}/attachments/{id}")
  ResponseEntity<byte[]> file(
      Caller caller,
      @PathVariable String participant,
      @PathVariable String year,
      @PathVariable String id) {
    return download(reports, caller, participant, year, id);
  }

  /** A file of a report as a download, or a 404 that says nothing. */
  static ResponseEntity<byte[]> download(
      AnnualReports reports, Caller caller, String participant, String year, String id) {
    var file =
        reports
            .attachment(
                caller,
                AnnualReportJson.participant(participant),
                AnnualReportJson.year(year),
                AnnualReportJson.id(id, "attachment"))
            .orElseThrow(() -> Problem.notFound("No such attachment."));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.getKey().mediaType()))
        .header("X-Content-Type-Options", "nosniff")
        .header(
            "Content-Disposition",
            ContentDisposition.attachment()
                .filename(file.getKey().name(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(file.getValue());
  }

  @PostMapping("/{participant}/{year}/versions/{version}/assessments")
  ResponseEntity<Map<String, Object>> assess(
      Caller caller,
      @PathVariable String participant,
      @PathVariable String year,
      @PathVariable String version,
      @RequestBody Map<String, Object> body) {
    ParticipantCode p = AnnualReportJson.participant(participant);
    ReportingYear y = AnnualReportJson.year(year);
    int v = AnnualReportJson.versionNumber(version);
    String text = AnnualReportJson.text(body, "assessment");
    var questions = AnnualReportJson.texts(body, "questions", AnnualReportAssessment.MAX_QUESTIONS);
    AnnualReport r =
        AnnualReportJson.done(reports.assess(caller, p, y, v, text == null ? "" : text, questions));
    return ResponseEntity.created(URI.create(AnnualReportJson.href(p, y) + "/versions/" + v))
        .body(AnnualReportJson.report(r));
  }

  @PostMapping("/{participant}/{year}/questions/{id}/answers")
  Map<String, Object> answer(
      Caller caller,
      @PathVariable String participant,
      @PathVariable String year,
      @PathVariable String id,
      @RequestBody Map<String, Object> body) {
    ParticipantCode p = AnnualReportJson.participant(participant);
    ReportingYear y = AnnualReportJson.year(year);
    UUID question = AnnualReportJson.id(id, "question");
    String text = AnnualReportJson.text(body, "answer");
    return AnnualReportJson.report(
        AnnualReportJson.done(reports.answer(caller, p, y, question, text == null ? "" : text)));
  }

  private AnnualReport find(Caller caller, String participant, String year) {
    return reports
        .report(caller, AnnualReportJson.participant(participant), AnnualReportJson.year(year))
        .orElseThrow(() -> Problem.notFound(AnnualReportJson.NO_SUCH));
  }

  private static Map<ReportSection, String> sections(@Nullable Object given) {
    if (given == null) {
      return Map.of();
    }
    if (!(given instanceof Map<?, ?> map)) {
      throw Problem.invalid("sections", "an object of section name to text");
    }
    Map<ReportSection, String> out = new EnumMap<>(ReportSection.class);
    for (Map.Entry<?, ?> e : map.entrySet()) {
      ReportSection s = null;
      for (ReportSection candidate : ReportSection.values()) {
        if (candidate.name().equals(e.getKey())) {
          s = candidate;
        }
      }
      if (s == null) {
        throw Problem.invalid(
            "sections", "sections are " + java.util.List.of(ReportSection.values()));
      }
      if (!(e.getValue() instanceof String text)) {
        throw Problem.invalid("sections." + s.name(), "a string");
      }
      out.put(s, text);
    }
    return out;
  }

  private static @Nullable Long revision(@Nullable Object given) {
    if (given == null) {
      return null;
    }
    if (given instanceof Integer i) {
      return i.longValue();
    }
    if (given instanceof Long l) {
      return l;
    }
    throw Problem.invalid("revision", "the draft's revision, a whole number");
  }
}
