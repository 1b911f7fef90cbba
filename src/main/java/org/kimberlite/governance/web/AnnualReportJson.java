package org.kimberlite.governance.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.governance.AnnualReport;
import org.kimberlite.governance.AnnualReportAssessment;
import org.kimberlite.governance.AnnualReportAttachment;
import org.kimberlite.governance.AnnualReportChange;
import org.kimberlite.governance.AnnualReportDraft;
import org.kimberlite.governance.AnnualReportOverview;
import org.kimberlite.governance.AnnualReportQuestion;
import org.kimberlite.governance.AnnualReportVersion;
import org.kimberlite.governance.ReportSection;
import org.kimberlite.governance.ReportingYear;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.problem.FieldError;
import org.kimberlite.shared.problem.Problem;

/**
 * Annual reports as JSON (the API's answers, and the model of the console's pages), parsing of
 * their path variables, and the mapping of refusals to problems.
 */
final class AnnualReportJson {
  static final String BASE = "/api/v1/governance/annual-reports";
  static final String CONSOLE = "/console/annual-reports";

  private AnnualReportJson() {}

  static final String NO_SUCH = "No such annual report.";

  static ParticipantCode participant(String text) {
    try {
      return ParticipantCode.of(text);
    } catch (IllegalArgumentException e) {
      throw Problem.notFound(NO_SUCH);
    }
  }

  static ReportingYear year(String text) {
    try {
      return ReportingYear.parse(text);
    } catch (IllegalArgumentException e) {
      throw Problem.notFound(NO_SUCH);
    }
  }

  /** A year asked in a query parameter: refused naming the parameter. */
  static ReportingYear yearParameter(String text) {
    try {
      return ReportingYear.parse(text);
    } catch (IllegalArgumentException e) {
      throw Problem.badParameter(
          "year", "a reporting year from " + ReportingYear.FIRST + " to " + ReportingYear.LAST);
    }
  }

  static int versionNumber(String text) {
    if (text.isEmpty() || text.length() > 4 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw Problem.notFound("No such version.");
    }
    return Integer.parseInt(text);
  }

  static UUID id(String text, String what) {
    try {
      if (text.length() != 36) {
        throw new IllegalArgumentException();
      }
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw Problem.notFound("No such " + what + ".");
    }
  }

  /** The report, or the problem the refusal maps to. */
  static AnnualReport done(AnnualReportChange change) {
    return switch (change) {
      case AnnualReportChange.Done d -> d.report();
      case AnnualReportChange.NotFound n -> throw Problem.notFound(NO_SUCH);
      case AnnualReportChange.NotAllowed n -> throw Problem.forbidden(n.reason());
      case AnnualReportChange.Invalid i ->
          throw Problem.invalid(
              "The request is not valid: "
                  + String.join(
                      "; ",
                      i.errors().entrySet().stream()
                          .map(e -> e.getKey() + ": " + e.getValue())
                          .toList()),
              i.errors().entrySet().stream()
                  .map(e -> new FieldError(e.getKey(), e.getValue()))
                  .toList());
      case AnnualReportChange.Conflict c -> throw Problem.conflict(c.code(), c.message());
    };
  }

  static String href(ParticipantCode p, ReportingYear y) {
    return BASE + "/" + p + "/" + y;
  }

  static Map<String, Object> report(AnnualReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("participant", r.participant().code());
    m.put("participantName", r.participantName());
    m.put("year", r.year().value());
    m.put("dueOn", r.dueOn().toString());
    m.put("standing", r.standing().name());
    m.put("mayFile", r.mayFile());
    m.put("mayAssess", r.mayAssess());
    m.put("draft", r.draft() == null ? null : draft(r.draft()));
    m.put(
        "versions", r.versions().stream().map(v -> version(v, supersededBy(r, v), false)).toList());
    m.put("assessments", r.assessments().stream().map(AnnualReportJson::assessment).toList());
    return m;
  }

  static @Nullable Integer supersededBy(AnnualReport r, AnnualReportVersion v) {
    return r.versions().stream()
        .filter(o -> o.supersedes() != null && o.supersedes() == v.version())
        .map(AnnualReportVersion::version)
        .findFirst()
        .orElse(null);
  }

  static Map<String, Object> draft(AnnualReportDraft d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("basedOn", d.basedOn());
    m.put("revision", d.revision());
    m.put("updatedAt", d.updatedAt().toString());
    m.put("updatedBy", d.updatedBy());
    m.put("sections", sections(d.sections()));
    m.put(
        "attachments",
        d.attachments().stream().map(a -> attachment(d.participant(), d.year(), a)).toList());
    return m;
  }

  static Map<String, Object> version(
      AnnualReportVersion v, @Nullable Integer supersededBy, boolean withSections) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", v.id().toString());
    m.put("version", v.version());
    m.put("supersedes", v.supersedes());
    m.put("supersededBy", supersededBy);
    m.put("submittedAt", v.submittedAt().toString());
    m.put("submittedBy", v.submittedBy());
    m.put("organisationId", v.organisationId().toString());
    m.put("logEntry", v.logEntry().toString());
    m.put("logHref", v.logHref());
    m.put("href", href(v.participant(), v.year()) + "/versions/" + v.version());
    if (withSections) {
      m.put("sections", sections(v.sections()));
    }
    m.put(
        "attachments",
        v.attachments().stream().map(a -> attachment(v.participant(), v.year(), a)).toList());
    return m;
  }

  /** A version with its sections and the assessments of it, or a 404 when there is none. */
  static Map<String, Object> versionPage(AnnualReport r, String number) {
    AnnualReportVersion v =
        r.version(versionNumber(number)).orElseThrow(() -> Problem.notFound("No such version."));
    Map<String, Object> m = version(v, supersededBy(r, v), true);
    m.put(
        "assessments",
        r.assessments().stream()
            .filter(a -> a.version() == v.version())
            .map(AnnualReportJson::assessment)
            .toList());
    return m;
  }

  static Map<String, String> sections(Map<ReportSection, String> sections) {
    Map<String, String> m = new LinkedHashMap<>();
    for (ReportSection s : ReportSection.values()) {
      m.put(s.name(), sections.getOrDefault(s, ""));
    }
    return m;
  }

  static Map<String, Object> attachment(
      ParticipantCode p, ReportingYear y, AnnualReportAttachment a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id().toString());
    m.put("name", a.name());
    m.put("mediaType", a.mediaType());
    m.put("size", a.size());
    m.put("sha256", a.sha256());
    m.put("addedAt", a.addedAt().toString());
    m.put("href", href(p, y) + "/attachments/" + a.id());
    return m;
  }

  static Map<String, Object> assessment(AnnualReportAssessment a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id().toString());
    m.put("version", a.version());
    m.put("assessment", a.assessment());
    m.put("organisationName", a.organisationName());
    m.put("assessedBy", a.assessedBy());
    m.put("assessedAt", a.assessedAt().toString());
    m.put("questions", a.questions().stream().map(AnnualReportJson::question).toList());
    return m;
  }

  static Map<String, Object> question(AnnualReportQuestion q) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", q.id().toString());
    m.put("position", q.position());
    m.put("question", q.question());
    m.put("answer", q.answer());
    m.put("answeredBy", q.answeredBy());
    m.put("answeredAt", q.answeredAt() == null ? null : q.answeredAt().toString());
    return m;
  }

  static Map<String, Object> overview(AnnualReportOverview o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("year", o.year().value());
    m.put("dueOn", o.dueOn().toString());
    m.put("dueSetBy", o.dueSetBy());
    m.put("today", o.today().toString());
    Map<String, Long> counts = new LinkedHashMap<>();
    for (var s : org.kimberlite.governance.AnnualReportStanding.values()) {
      counts.put(s.name(), o.count(s));
    }
    m.put("counts", counts);
    m.put(
        "participants",
        o.rows().stream()
            .map(
                r -> {
                  Map<String, Object> row = new LinkedHashMap<>();
                  row.put("participant", r.participant().code());
                  row.put("name", r.name());
                  row.put("standing", r.standing().name());
                  row.put("latestVersion", r.latestVersion());
                  row.put(
                      "firstSubmittedAt",
                      r.firstSubmittedAt() == null ? null : r.firstSubmittedAt().toString());
                  row.put(
                      "lastSubmittedAt",
                      r.lastSubmittedAt() == null ? null : r.lastSubmittedAt().toString());
                  row.put("openQuestions", r.openQuestions());
                  row.put("href", href(r.participant(), o.year()));
                  return row;
                })
            .toList());
    return m;
  }

  /** Text members of a request body: strings only. */
  static @Nullable String text(Map<String, Object> body, String field) {
    Object o = body.get(field);
    if (o == null) {
      return null;
    }
    if (!(o instanceof String s)) {
      throw Problem.invalid(field, "a string");
    }
    return s;
  }

  static List<String> texts(Map<String, Object> body, String field, int max) {
    Object o = body.get(field);
    if (o == null) {
      return List.of();
    }
    if (!(o instanceof List<?> list) || list.size() > max) {
      throw Problem.invalid(field, "a list of at most " + max + " strings");
    }
    return list.stream()
        .map(
            e -> {
              if (!(e instanceof String s)) {
                throw Problem.invalid(field, "a list of strings");
              }
              return s;
            })
        .toList();
  }
}
