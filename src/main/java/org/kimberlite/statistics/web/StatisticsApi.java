package org.kimberlite.statistics.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kimberlite.platform.web.PublicPaths;
import org.kimberlite.registry.Caller;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.problem.FieldError;
import org.kimberlite.shared.problem.Problem;
import org.kimberlite.statistics.ChecksOutcome;
import org.kimberlite.statistics.DataQuality;
import org.kimberlite.statistics.Finding;
import org.kimberlite.statistics.ProductionReport;
import org.kimberlite.statistics.Statistics;
import org.kimberlite.statistics.SubmitOutcome;
import org.kimberlite.statistics.TradeMatrix;
import org.kimberlite.statistics.internal.Csv;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public statistics (aggregates only) and the participants' production reports. Every year in a
 * request is bounded (see {@link YearParameters}); a bad one is a 422 problem naming the parameter.
 */
@RestController
@RequestMapping("/api/v1/statistics")
class StatisticsApi {
  /** The importer shown for a row's cells folded together in the public matrix. */
  static final String OTHER = "OTHER";

  private final Statistics statistics;
  private final DataQuality quality;
  private final YearParameters years;

  StatisticsApi(Statistics statistics, DataQuality quality, Clock clock) {
    this.statistics = statistics;
    this.quality = quality;
    this.years = new YearParameters(clock);
  }

  /** Mirror, anomaly and missing-submission findings of a year, for the KP secretariat. */
  @GetMapping("/checks")
  List<Finding> checks(Caller caller, @RequestParam String year) {
    return checked(quality.findings(caller, years.year("year", year)));
  }

  /** The findings, or the 403 problem of a caller who is not the KP secretariat. */
  static List<Finding> checked(ChecksOutcome outcome) {
    return switch (outcome) {
      case ChecksOutcome.Checked checked -> checked.findings();
      case ChecksOutcome.NotAllowed notAllowed -> throw Problem.forbidden(notAllowed.reason());
    };
  }

  @Bean
  static PublicPaths statisticsPublicPaths() {
    return PublicPaths.of(
        "/statistics",
        "/statistics/**",
        "/api/v1/statistics/summary",
        "/api/v1/statistics/summary.csv",
        "/api/v1/statistics/participants/*",
        "/api/v1/statistics/matrix",
        "/api/v1/statistics/matrix.csv",
        "/api/v1/statistics/years");
  }

  static @Nullable String text(@Nullable Object d) {
    return d == null ? null : d.toString();
  }

  static Map<String, Object> section(Statistics.Section s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("carats", text(s.carats()));
    m.put("valueUsd", text(s.valueUsd()));
    m.put("usdPerCarat", text(s.usdPerCarat()));
    List<Map<String, Object>> lines = new ArrayList<>();
    for (Statistics.Line l : s.byParticipant()) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("participant", l.participant());
      line.put("name", l.name());
      line.put("carats", text(l.carats()));
      line.put("valueUsd", text(l.valueUsd()));
      line.put("usdPerCarat", text(l.usdPerCarat()));
      line.put("share", l.share() == null ? null : l.share().toPlainString());
      lines.add(line);
    }
    m.put("byParticipant", lines);
    return m;
  }

  @GetMapping("/summary")
  Map<String, Object> summary(@RequestParam String year) {
    Statistics.Summary s = statistics.summary(years.year("year", year));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("year", s.year());
    Map<String, Object> production = section(s.production());
    Statistics.Figure published = s.publishedProduction();
    if (published != null) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("carats", text(published.carats()));
      p.put("valueUsd", text(published.valueUsd()));
      p.put("usdPerCarat", text(published.usdPerCarat()));
      production.put("published", p);
    }
    m.put("production", production);
    m.put("exports", section(s.exports()));
    m.put("imports", section(s.imports()));
    Map<String, Object> certificates = new LinkedHashMap<>();
    certificates.put("issued", s.certificates().issued());
    certificates.put("imported", s.certificates().imported());
    List<Map<String, Object>> by = new ArrayList<>();
    s.certificates()
        .byParticipant()
        .forEach(
            (code, n) -> {
              Map<String, Object> line = new LinkedHashMap<>();
              line.put("participant", code.code());
              line.put("issued", n.issued());
              line.put("imported", n.imported());
              by.add(line);
            });
    certificates.put("byParticipant", by);
    m.put("certificates", certificates);
    return m;
  }

  @ApiResponse(
      responseCode = "200",
      description = "The summary as CSV",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  @GetMapping("/summary.csv")
  ResponseEntity<String> summaryCsv(@RequestParam String year) {
    int y = years.year("year", year);
    Statistics.Summary s = statistics.summary(y);
    List<List<@Nullable Object>> rows = new ArrayList<>();
    for (var entry :
        List.of(
            Map.entry("production", s.production()),
            Map.entry("exports", s.exports()),
            Map.entry("imports", s.imports()))) {
      for (Statistics.Line l : entry.getValue().byParticipant()) {
        rows.add(
            row(
                y,
                entry.getKey(),
                l.participant(),
                l.name(),
                l.carats(),
                l.valueUsd(),
                l.usdPerCarat(),
                l.share() == null ? null : l.share().toPlainString()));
      }
      Statistics.Section t = entry.getValue();
      rows.add(
          row(
              y,
              entry.getKey(),
              "WORLD",
              "World",
              t.carats(),
              t.valueUsd(),
              t.usdPerCarat(),
              "100.00"));
      Statistics.Figure published = s.publishedProduction();
      if (entry.getKey().equals("production") && published != null) {
        rows.add(
            row(
                y,
                "production",
                "TOTAL",
                "Published world total",
                published.carats(),
                published.valueUsd(),
                published.usdPerCarat(),
                null));
      }
    }
    return csv(
        "kp-summary-" + y + ".csv",
        Csv.write(
            List.of(
                "year",
                "section",
                "participant",
                "name",
                "carats",
                "value_usd",
                "usd_per_carat",
                "share"),
            rows));
  }

  /** A CSV row: every value as text, none as an empty field. */
  private static List<@Nullable Object> row(@Nullable Object... values) {
    List<@Nullable Object> row = new ArrayList<>();
    for (Object v : values) {
      row.add(v == null ? "" : v.toString());
    }
    return row;
  }

  private static ResponseEntity<String> csv(String filename, String body) {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
        .body(body);
  }

  @GetMapping("/years")
  List<Integer> years() {
    return statistics.years();
  }

  @GetMapping("/participants/{code}")
  List<Map<String, Object>> participant(
      @PathVariable String code,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to) {
    ParticipantCode participant;
    try {
      participant = ParticipantCode.of(code.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw YearParameters.bad("code", "must be a participant's two-letter code");
    }
    int thisYear = years.thisYear();
    int first = years.year("from", from, Math.max(2004, thisYear - YearParameters.MAX_SPAN + 1));
    int last = Math.min(years.year("to", to, thisYear), thisYear);
    YearParameters.Range range = years.range("from", first, "to", last);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Statistics.YearFigures y : statistics.series(participant, range.from(), range.to())) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("year", y.year());
      m.put("production", figure(y.production()));
      m.put("exports", figure(y.exports()));
      m.put("imports", figure(y.imports()));
      out.add(m);
    }
    return out;
  }

  private static @Nullable Map<String, Object> figure(Statistics.@Nullable Figure f) {
    if (f == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("carats", text(f.carats()));
    m.put("valueUsd", text(f.valueUsd()));
    m.put("usdPerCarat", text(f.usdPerCarat()));
    return m;
  }

  /**
   * The trade matrix as cells; in the public matrix a row's cells of too few certificates come as
   * one cell with importer {@value #OTHER} and the number of cells folded into it.
   */
  @GetMapping("/matrix")
  List<Map<String, Object>> matrix(@RequestParam String year, @Nullable Caller caller) {
    TradeMatrix matrix = statistics.matrix(caller, years.year("year", year));
    List<Map<String, Object>> out = new ArrayList<>();
    for (TradeMatrix.Row row : matrix.rows()) {
      for (TradeMatrix.Cell c : row.cells()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("exporter", row.exporter().code());
        m.put("importer", c.importer().code());
        m.put("carats", text(c.carats()));
        m.put("valueUsd", text(c.valueUsd()));
        out.add(m);
      }
      TradeMatrix.Other other = row.other();
      if (other != null) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("exporter", row.exporter().code());
        m.put("importer", OTHER);
        m.put("carats", text(other.carats()));
        m.put("valueUsd", text(other.valueUsd()));
        m.put("suppressedCells", other.cells());
        out.add(m);
      }
    }
    return out;
  }

  @ApiResponse(
      responseCode = "200",
      description = "The matrix as CSV",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  @GetMapping("/matrix.csv")
  ResponseEntity<String> matrixCsv(@RequestParam String year, @Nullable Caller caller) {
    TradeMatrix matrix = statistics.matrix(caller, years.year("year", year));
    List<List<@Nullable Object>> rows = new ArrayList<>();
    for (TradeMatrix.Row row : matrix.rows()) {
      for (TradeMatrix.Cell c : row.cells()) {
        rows.add(row(matrix.year(), row.exporter(), c.importer(), c.carats(), c.valueUsd(), ""));
      }
      TradeMatrix.Other other = row.other();
      if (other != null) {
        rows.add(
            row(
                matrix.year(),
                row.exporter(),
                OTHER,
                other.carats(),
                other.valueUsd(),
                other.cells()));
      }
    }
    return csv(
        "kp-matrix-" + matrix.year() + ".csv",
        Csv.write(
            List.of("year", "exporter", "importer", "carats", "value_usd", "suppressed_cells"),
            rows));
  }

  @PutMapping("/production/{participant}/{year}/{half}")
  ProductionReport submit(
      Caller caller,
      @PathVariable String participant,
      @PathVariable int year,
      @PathVariable String half,
      @RequestBody Statistics.Submission body) {
    return switch (statistics.submit(caller, participant, year, half, body)) {
      case SubmitOutcome.Filed filed -> filed.report();
      case SubmitOutcome.Refused refused ->
          throw Problem.invalid(
              "The production report cannot be recorded as given.",
              refused.violations().stream()
                  .map(v -> new FieldError(v.field(), v.message()))
                  .toList());
      case SubmitOutcome.NotAllowed notAllowed -> throw Problem.forbidden(notAllowed.reason());
      case SubmitOutcome.UnknownParticipant unknown ->
          throw Problem.notFound("No participant with code " + unknown.code() + ".");
    };
  }

  @GetMapping("/production/{participant}")
  List<ProductionReport> history(
      Caller caller,
      @PathVariable String participant,
      @RequestParam(required = false) @Nullable String year) {
    return statistics.history(
        participant, year == null || year.isBlank() ? null : years.year("year", year));
  }
}
