package org.kimberlite.statistics;

import java.io.Reader;
import java.io.StringReader;
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
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.kimberlite.registry.ParticipantSummary;
import org.kimberlite.registry.Participants;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdAmount;
import org.kimberlite.statistics.internal.Csv;
import org.kimberlite.statistics.internal.ProductionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Published KP production figures (the kp-stats tables, one row per source) imported as reference
 * data: full-year (FY) reports that carry their source, used for a participant and year that has no
 * half-year reports of its own.
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
      int year, String source, int rows, Carats carats, UsdAmount valueUsd, int unchanged) {}

  /**
   * Imports a production-by-country CSV given as its lines (joined with line breaks, so a quoted
   * field may span lines); see {@link #importProductionCsv(Reader, String)}.
   */
  @Transactional
  public List<Imported> importProductionCsv(List<String> lines, @Nullable String source) {
    return importProductionCsv(new StringReader(String.join("\n", lines)), source);
  }

  /**
   * Imports a production-by-country CSV ({@code year,participant,production_carats,
   * production_value_usd,...,source_key,source_url,...}). Rows with a value are imported; per year
   * only one source is used: {@code source} when given, else the source with the most rows with a
   * value. TOTAL lines are checked, not imported; residual lines ("Others") keep their label. A
   * malformed file is refused with an {@link IllegalArgumentException} and nothing is imported.
   */
  @Transactional
  public List<Imported> importProductionCsv(Reader csv, @Nullable String source) {
    Csv.Table table = Csv.read(csv);
    if (table.header().isEmpty()) {
      throw new IllegalArgumentException("The file is empty");
    }
    int year = table.column("year");
    int name = table.column("participant");
    int carats = table.column("production_carats");
    int value = table.column("production_value_usd");
    int sourceKey = table.column("source_key");
    int sourceUrl = table.header().getOrDefault("source_url", -1);
    Map<Integer, Map<String, List<CSVRecord>>> byYearAndSource = new LinkedHashMap<>();
    for (CSVRecord cells : table.records()) {
      // Every column read below, the year included (a short row with the year last, fuzzed).
      if (cells.size()
          <= Math.max(Math.max(value, carats), Math.max(sourceKey, Math.max(name, year)))) {
        throw new IllegalArgumentException(
            "Malformed line " + cells.getRecordNumber() + ": " + cells.values().length + " fields");
      }
      if (cells.get(value).isBlank() || cells.get(carats).isBlank()) {
        continue;
      }
      int y;
      try {
        y = Integer.parseInt(cells.get(year));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "Malformed year on line " + cells.getRecordNumber() + ": " + cells.get(year), e);
      }
      byYearAndSource
          .computeIfAbsent(y, k -> new LinkedHashMap<>())
          .computeIfAbsent(cells.get(sourceKey), k -> new ArrayList<>())
          .add(cells);
    }
    Map<String, String> codes = codes();
    List<Imported> out = new ArrayList<>();
    for (var entry : byYearAndSource.entrySet()) {
      Map<String, List<CSVRecord>> sources = entry.getValue();
      String chosen =
          source != null
              ? source
              : sources.entrySet().stream()
                  .max(java.util.Comparator.comparingInt(e -> e.getValue().size()))
                  .orElseThrow()
                  .getKey();
      List<CSVRecord> rows = sources.get(chosen);
      if (rows == null) {
        continue;
      }
      Carats sumCarats = Carats.ZERO;
      UsdAmount sumValue = UsdAmount.ZERO;
      int imported = 0;
      int unchanged = 0;
      for (CSVRecord row : rows) {
        String label = row.get(name);
        boolean total = label.toUpperCase(Locale.ROOT).startsWith("TOTAL");
        String code = total ? null : codes.get(label.toLowerCase(Locale.ROOT));
        String key = total ? Statistics.PUBLISHED_TOTAL : code == null ? label : code;
        Carats c = Carats.of(row.get(carats));
        UsdAmount v = UsdAmount.of(row.get(value));
        String src =
            "kp-stats "
                + chosen
                + (sourceUrl >= 0 && sourceUrl < row.size() ? " " + row.get(sourceUrl) : "");
        ProductionReport current =
            production.history(key, entry.getKey()).stream()
                .filter(r -> r.half().equals("FY"))
                .reduce((a, b) -> b)
                .orElse(null);
        if (!total) {
          sumCarats = sumCarats.plus(c);
          sumValue = sumValue.plus(v);
        }
        if (current != null
            && current.carats().equals(c)
            && current.valueUsd().equals(v)
            && Objects.equals(current.source(), src)) {
          unchanged++;
          continue;
        }
        production.insert(
            new ProductionReport(
                code == null ? null : ParticipantCode.of(code),
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
}
