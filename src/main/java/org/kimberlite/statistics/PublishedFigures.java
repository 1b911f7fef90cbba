package org.kimberlite.statistics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.kimberlite.registry.ParticipantSummary;
import org.kimberlite.registry.Participants;
import org.kimberlite.statistics.internal.ProductionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Published KP production figures (shared/domain/kp-stats, one row per source) imported as
 * reference data: full-year (FY) reports that carry their source, used for a participant and year
 * that has no half-year reports of its own.
 */
@Service
public class PublishedFigures {
  /** Names used by the published tables for participants listed under another name. */
  static final Map<String, String> ALIASES =
      Map.of("russia", "RU", "drc", "CD", "uae", "AE", "usa", "US", "united states", "US");

  private final ProductionRepository production;
  private final Participants participants;
  private final Clock clock;

  public PublishedFigures(ProductionRepository production, Participants participants, Clock clock) {
    this.production = production;
    this.participants = participants;
    this.clock = clock;
  }

  /** What an import did, year by year. */
  public record Imported(
      int year, String source, int rows, BigDecimal carats, BigDecimal valueUsd, int unchanged) {}

  /**
   * Imports a production-by-country CSV ({@code year,participant,production_carats,
   * production_value_usd,...,source_key,source_url,...}). Rows with a value are imported; per year
   * only one source is used: {@code source} when given, else the source with the most rows with a
   * value. TOTAL lines are checked, not imported; residual lines ("Others") keep their label.
   */
  @Transactional
  public List<Imported> importProductionCsv(List<String> lines, @Nullable String source) {
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("The file is empty");
    }
    List<String> header = split(lines.get(0));
    int year = column(header, "year");
    int name = column(header, "participant");
    int carats = column(header, "production_carats");
    int value = column(header, "production_value_usd");
    int sourceKey = column(header, "source_key");
    int sourceUrl = header.indexOf("source_url");
    Map<Integer, Map<String, List<List<String>>>> byYearAndSource = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      List<String> cells = split(line);
      if (cells.size() <= Math.max(value, sourceKey)) {
        throw new IllegalArgumentException("Malformed line: " + line);
      }
      if (cells.get(value).isBlank() || cells.get(carats).isBlank()) {
        continue;
      }
      byYearAndSource
          .computeIfAbsent(Integer.parseInt(cells.get(year).strip()), y -> new LinkedHashMap<>())
          .computeIfAbsent(cells.get(sourceKey).strip(), s -> new ArrayList<>())
          .add(cells);
    }
    Map<String, String> codes = codes();
    List<Imported> out = new ArrayList<>();
    for (var entry : byYearAndSource.entrySet()) {
      Map<String, List<List<String>>> sources = entry.getValue();
      String chosen =
          source != null
              ? source
              : sources.entrySet().stream()
                  .max(java.util.Comparator.comparingInt(e -> e.getValue().size()))
                  .orElseThrow()
                  .getKey();
      List<List<String>> rows = sources.get(chosen);
      if (rows == null) {
        continue;
      }
      BigDecimal sumCarats = BigDecimal.ZERO;
      BigDecimal sumValue = BigDecimal.ZERO;
      int imported = 0;
      int unchanged = 0;
      for (List<String> row : rows) {
        String label = row.get(name).strip();
        boolean total = label.toUpperCase(Locale.ROOT).startsWith("TOTAL");
        String code = total ? null : codes.get(label.toLowerCase(Locale.ROOT));
        String key = total ? Statistics.PUBLISHED_TOTAL : code == null ? label : code;
        BigDecimal c = new BigDecimal(row.get(carats).strip()).setScale(2);
        BigDecimal v = new BigDecimal(row.get(value).strip()).setScale(2);
        String src =
            "kp-stats "
                + chosen
                + (sourceUrl >= 0 && sourceUrl < row.size()
                    ? " " + row.get(sourceUrl).strip()
                    : "");
        ProductionReport current =
            production.history(key, entry.getKey()).stream()
                .filter(r -> r.half().equals("FY"))
                .reduce((a, b) -> b)
                .orElse(null);
        if (!total) {
          sumCarats = sumCarats.add(c);
          sumValue = sumValue.add(v);
        }
        if (current != null
            && current.carats().compareTo(c) == 0
            && current.valueUsd().compareTo(v) == 0
            && Objects.equals(current.source(), src)) {
          unchanged++;
          continue;
        }
        production.insert(
            new ProductionReport(
                code,
                key,
                entry.getKey(),
                "FY",
                production.nextRevision(key, entry.getKey(), "FY"),
                c,
                v,
                null,
                null,
                current == null ? null : "re-imported from " + chosen,
                src,
                "import",
                clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        imported++;
      }
      out.add(new Imported(entry.getKey(), chosen, imported, sumCarats, sumValue, unchanged));
    }
    return out;
  }

  private Map<String, String> codes() {
    Map<String, String> codes = new HashMap<>(ALIASES);
    for (ParticipantSummary p : participants.list(LocalDate.now(clock))) {
      String code = p.participant().code().code();
      codes.put(p.participant().name().toLowerCase(Locale.ROOT), code);
      codes.put(code.toLowerCase(Locale.ROOT), code);
    }
    return codes;
  }

  private static int column(List<String> header, String name) {
    int i = header.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("The CSV has no column '" + name + "'");
    }
    return i;
  }

  /** Splits a CSV line, honouring double quotes. */
  static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
