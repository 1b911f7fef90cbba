package org.kimberlite.statistics.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kimberlite.platform.web.PublicPaths;
import org.kimberlite.registry.Caller;
import org.kimberlite.statistics.ProductionReport;
import org.kimberlite.statistics.Statistics;
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

/** Public statistics (aggregates only) and the participants' production reports. */
@RestController
@RequestMapping("/api/v1/statistics")
class StatisticsApi {
  private final Statistics statistics;
  private final org.kimberlite.statistics.DataQuality quality;

  StatisticsApi(Statistics statistics, org.kimberlite.statistics.DataQuality quality) {
    this.statistics = statistics;
    this.quality = quality;
  }

  /** Mirror, anomaly and missing-submission findings of a year, for the KP secretariat. */
  @GetMapping("/checks")
  List<org.kimberlite.statistics.Finding> checks(Caller caller, @RequestParam int year) {
    return quality.findings(caller, year);
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
        "/api/v1/statistics/years");
  }

  static @Nullable String text(@Nullable BigDecimal d) {
    return d == null ? null : d.toPlainString();
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
      line.put("share", text(l.share()));
      lines.add(line);
    }
    m.put("byParticipant", lines);
    return m;
  }

  @GetMapping("/summary")
  Map<String, Object> summary(@RequestParam int year) {
    Statistics.Summary s = statistics.summary(year);
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
              line.put("participant", code);
              line.put("issued", n[0]);
              line.put("imported", n[1]);
              by.add(line);
            });
    certificates.put("byParticipant", by);
    m.put("certificates", certificates);
    return m;
  }

  @GetMapping("/summary.csv")
  ResponseEntity<String> summaryCsv(@RequestParam int year) {
    Statistics.Summary s = statistics.summary(year);
    StringBuilder csv =
        new StringBuilder("year,section,participant,name,carats,value_usd,usd_per_carat,share\n");
    for (var entry :
        List.of(
            Map.entry("production", s.production()),
            Map.entry("exports", s.exports()),
            Map.entry("imports", s.imports()))) {
      for (Statistics.Line l : entry.getValue().byParticipant()) {
        csv.append(year)
            .append(',')
            .append(entry.getKey())
            .append(',')
            .append(l.participant())
            .append(',')
            .append(quote(l.name()))
            .append(',')
            .append(l.carats().toPlainString())
            .append(',')
            .append(l.valueUsd().toPlainString())
            .append(',')
            .append(orEmpty(l.usdPerCarat()))
            .append(',')
            .append(orEmpty(l.share()))
            .append('\n');
      }
      Statistics.Section t = entry.getValue();
      csv.append(year)
          .append(',')
          .append(entry.getKey())
          .append(",WORLD,World,")
          .append(t.carats().toPlainString())
          .append(',')
          .append(t.valueUsd().toPlainString())
          .append(',')
          .append(orEmpty(t.usdPerCarat()))
          .append(",100.00\n");
      Statistics.Figure published = s.publishedProduction();
      if (entry.getKey().equals("production") && published != null) {
        csv.append(year)
            .append(",production,TOTAL,Published world total,")
            .append(published.carats().toPlainString())
            .append(',')
            .append(published.valueUsd().toPlainString())
            .append(',')
            .append(orEmpty(published.usdPerCarat()))
            .append(",\n");
      }
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header("Content-Disposition", "attachment; filename=\"kp-summary-" + year + ".csv\"")
        .body(csv.toString());
  }

  private static String orEmpty(@Nullable BigDecimal d) {
    return d == null ? "" : d.toPlainString();
  }

  private static String quote(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  @GetMapping("/years")
  List<Integer> years() {
    return statistics.years();
  }

  @GetMapping("/participants/{code}")
  List<Map<String, Object>> participant(
      @PathVariable String code,
      @RequestParam(defaultValue = "2004") int from,
      @RequestParam(defaultValue = "2100") int to) {
    List<Map<String, Object>> out = new ArrayList<>();
    int until = Math.min(to, java.time.Year.now().getValue());
    for (Statistics.YearFigures y : statistics.series(code, from, until)) {
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

  @GetMapping("/matrix")
  List<Map<String, Object>> matrix(@RequestParam int year) {
    List<Map<String, Object>> out = new ArrayList<>();
    statistics
        .matrix(year)
        .forEach(
            (from, row) ->
                row.forEach(
                    (to, cell) -> {
                      Map<String, Object> m = new LinkedHashMap<>();
                      m.put("exporter", from);
                      m.put("importer", to);
                      m.put("carats", text(cell[0]));
                      m.put("valueUsd", text(cell[1]));
                      out.add(m);
                    }));
    return out;
  }

  @PutMapping("/production/{participant}/{year}/{half}")
  ProductionReport submit(
      Caller caller,
      @PathVariable String participant,
      @PathVariable int year,
      @PathVariable String half,
      @RequestBody Statistics.Submission body) {
    return statistics.submit(caller, participant, year, half, body);
  }

  @GetMapping("/production/{participant}")
  List<ProductionReport> history(
      Caller caller,
      @PathVariable String participant,
      @RequestParam(required = false) @Nullable Integer year) {
    return statistics.history(participant, year);
  }
}
