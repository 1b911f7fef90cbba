package org.kimberlite.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.TradeFigures;
import org.kimberlite.certification.TradeRow;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.ParticipantSummary;
import org.kimberlite.registry.Participants;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.problem.FieldError;
import org.kimberlite.shared.problem.Problem;
import org.kimberlite.statistics.internal.ProductionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * KP statistics (STAT-01): production from the participants' reports, trade and certificate counts
 * straight from the certificates, so a certificate issued a second ago is counted.
 *
 * <p>Rounding: amounts keep two decimals as reported; USD per carat is value ÷ carats and a share
 * is carats ÷ world carats × 100, both rounded half-even to two decimals; the world totals are the
 * sums of the unrounded participant figures.
 */
@Service
public class Statistics {
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  /** The label under which a published world total is kept (not a participant's line). */
  public static final String PUBLISHED_TOTAL = "TOTAL";

  private final ProductionRepository production;
  private final TradeFigures trade;
  private final Participants participants;
  private final Clock clock;

  public Statistics(
      ProductionRepository production, TradeFigures trade, Participants participants, Clock clock) {
    this.production = production;
    this.trade = trade;
    this.participants = participants;
    this.clock = clock;
  }

  /** A participant's (or a published label's) carats and value. */
  public record Figure(String participant, String name, BigDecimal carats, BigDecimal valueUsd) {
    public @Nullable BigDecimal usdPerCarat() {
      return perCarat(valueUsd, carats);
    }
  }

  /** One section of the summary: totals and each participant's line with its share. */
  public record Section(BigDecimal carats, BigDecimal valueUsd, List<Line> byParticipant) {
    public @Nullable BigDecimal usdPerCarat() {
      return perCarat(valueUsd, carats);
    }
  }

  /** A participant's line in a section. */
  public record Line(
      String participant,
      String name,
      BigDecimal carats,
      BigDecimal valueUsd,
      @Nullable BigDecimal usdPerCarat,
      @Nullable BigDecimal share) {}

  /** Certificate counts: issued for export, and shipments imported with a certificate. */
  public record Counts(long issued, long imported, Map<String, long[]> byParticipant) {}

  /**
   * The annual global summary; {@code publishedProduction} is the world total as a published source
   * states it, when one was imported (the sum of its rounded rows may differ slightly).
   */
  public record Summary(
      int year,
      Section production,
      @Nullable Figure publishedProduction,
      Section exports,
      Section imports,
      Counts certificates) {}

  public static @Nullable BigDecimal perCarat(BigDecimal value, BigDecimal carats) {
    return carats.signum() == 0 ? null : value.divide(carats, 2, RoundingMode.HALF_EVEN);
  }

  static Section section(List<Figure> figures) {
    BigDecimal carats =
        figures.stream().map(Figure::carats).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal value =
        figures.stream().map(Figure::valueUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    List<Line> lines = new ArrayList<>();
    for (Figure f : figures) {
      lines.add(
          new Line(
              f.participant(),
              f.name(),
              f.carats(),
              f.valueUsd(),
              f.usdPerCarat(),
              carats.signum() == 0
                  ? null
                  : f.carats().multiply(HUNDRED).divide(carats, 2, RoundingMode.HALF_EVEN)));
    }
    lines.sort(Comparator.comparing(Line::carats).reversed().thenComparing(Line::participant));
    return new Section(carats, value, List.copyOf(lines));
  }

  private Map<String, String> names() {
    Map<String, String> names = new HashMap<>();
    for (ParticipantSummary p : participants.list(LocalDate.now(clock))) {
      names.put(p.participant().code().code(), p.participant().name());
    }
    return names;
  }

  /** Each participant's production for a year: H1 + H2 when reported, else a published FY. */
  @Transactional(readOnly = true)
  public List<Figure> production(int year) {
    return productionFigures(year, year).getOrDefault(year, List.of()).stream()
        .filter(f -> !f.participant().equals(PUBLISHED_TOTAL))
        .toList();
  }

  /** The published world total of a year, if one was imported. */
  @Transactional(readOnly = true)
  public @Nullable Figure publishedProduction(int year) {
    return productionFigures(year, year).getOrDefault(year, List.of()).stream()
        .filter(f -> f.participant().equals(PUBLISHED_TOTAL))
        .findFirst()
        .orElse(null);
  }

  private Map<Integer, List<Figure>> productionFigures(int fromYear, int toYear) {
    Map<String, String> names = names();
    Map<Integer, Map<String, BigDecimal[]>> halves = new TreeMap<>();
    Map<Integer, Map<String, BigDecimal[]>> years = new TreeMap<>();
    for (ProductionReport r : production.current(fromYear, toYear)) {
      Map<Integer, Map<String, BigDecimal[]>> target = r.half().equals("FY") ? years : halves;
      BigDecimal[] sum =
          target
              .computeIfAbsent(r.year(), y -> new TreeMap<>())
              .computeIfAbsent(r.label(), l -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      sum[0] = sum[0].add(r.carats());
      sum[1] = sum[1].add(r.valueUsd());
    }
    Map<Integer, List<Figure>> out = new TreeMap<>();
    for (int year = fromYear; year <= toYear; year++) {
      Map<String, BigDecimal[]> merged = new TreeMap<>(years.getOrDefault(year, Map.of()));
      merged.putAll(halves.getOrDefault(year, Map.of())); // reports win over published figures
      List<Figure> figures = new ArrayList<>();
      merged.forEach(
          (label, sum) ->
              figures.add(new Figure(label, names.getOrDefault(label, label), sum[0], sum[1])));
      if (!figures.isEmpty()) {
        out.put(year, figures);
      }
    }
    return out;
  }

  private List<Figure> tradeFigures(List<TradeRow> rows, boolean byExporter) {
    Map<String, String> names = names();
    Map<String, BigDecimal[]> sums = new TreeMap<>();
    for (TradeRow r : rows) {
      BigDecimal[] sum =
          sums.computeIfAbsent(
              (byExporter ? r.exporter() : r.importer()).code(),
              k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      sum[0] = sum[0].add(r.carats().value());
      sum[1] = sum[1].add(r.valueUsd().value());
    }
    List<Figure> out = new ArrayList<>();
    sums.forEach(
        (code, sum) -> out.add(new Figure(code, names.getOrDefault(code, code), sum[0], sum[1])));
    return out;
  }

  @Transactional(readOnly = true)
  public Summary summary(int year) {
    Map<ParticipantCode, Long> issued = trade.issuedCounts(year);
    Map<ParticipantCode, Long> imported = trade.importedCounts(year);
    Map<String, long[]> counts = new TreeMap<>();
    issued.forEach((k, v) -> counts.computeIfAbsent(k.code(), x -> new long[2])[0] = v);
    imported.forEach((k, v) -> counts.computeIfAbsent(k.code(), x -> new long[2])[1] = v);
    return new Summary(
        year,
        section(production(year)),
        publishedProduction(year),
        section(tradeFigures(trade.exports(year, year), true)),
        section(tradeFigures(trade.imports(year, year), false)),
        new Counts(
            issued.values().stream().mapToLong(Long::longValue).sum(),
            imported.values().stream().mapToLong(Long::longValue).sum(),
            counts));
  }

  /** A participant's series over the years: production, exports and imports. */
  public record YearFigures(
      int year, @Nullable Figure production, @Nullable Figure exports, @Nullable Figure imports) {}

  @Transactional(readOnly = true)
  public List<YearFigures> series(String participant, int fromYear, int toYear) {
    String code = participant.toUpperCase(java.util.Locale.ROOT);
    Map<Integer, List<Figure>> prod = productionFigures(fromYear, toYear);
    List<TradeRow> exports = trade.exports(fromYear, toYear);
    List<TradeRow> imports = trade.imports(fromYear, toYear);
    List<YearFigures> out = new ArrayList<>();
    for (int year = fromYear; year <= toYear; year++) {
      int y = year;
      Figure p =
          prod.getOrDefault(year, List.of()).stream()
              .filter(f -> f.participant().equals(code))
              .findFirst()
              .orElse(null);
      Figure e =
          tradeFigures(
                  exports.stream().filter(r -> r.year() == y && r.exporter().equals(code)).toList(),
                  true)
              .stream()
              .findFirst()
              .orElse(null);
      Figure i =
          tradeFigures(
                  imports.stream().filter(r -> r.year() == y && r.importer().equals(code)).toList(),
                  false)
              .stream()
              .findFirst()
              .orElse(null);
      if (p != null || e != null || i != null) {
        out.add(new YearFigures(year, p, e, i));
      }
    }
    return out;
  }

  /** Exports of a year by exporting and importing participant (the trade matrix). */
  @Transactional(readOnly = true)
  public Map<String, Map<String, BigDecimal[]>> matrix(int year) {
    Map<String, Map<String, BigDecimal[]>> out = new TreeMap<>();
    for (TradeRow r : trade.exports(year, year)) {
      BigDecimal[] cell =
          out.computeIfAbsent(r.exporter().code(), k -> new TreeMap<>())
              .computeIfAbsent(
                  r.importer().code(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      cell[0] = cell[0].add(r.carats().value());
      cell[1] = cell[1].add(r.valueUsd().value());
    }
    return out;
  }

  /** The years with any figure, newest first. */
  @Transactional(readOnly = true)
  public List<Integer> years() {
    int now = LocalDate.now(clock).getYear();
    List<Integer> out = new ArrayList<>();
    Map<Integer, List<Figure>> prod = productionFigures(1990, now);
    for (int y = now; y >= 2000; y--) {
      if (prod.containsKey(y) || !trade.issuedCounts(y).isEmpty()) {
        out.add(y);
      }
    }
    return out;
  }

  /** A production report as an authority or the secretariat submits it (a half-year). */
  public record Submission(
      @Nullable String carats,
      @Nullable String valueUsd,
      @Nullable String industrialCarats,
      @Nullable String artisanalCarats,
      @Nullable String reason) {}

  /**
   * Records a participant's production for a half-year; a correction is a new revision and needs a
   * reason. The participant's KP authority or the KP secretariat submits.
   */
  @Transactional
  public ProductionReport submit(
      Caller caller, String participant, int year, String half, Submission s) {
    String code = participant.toUpperCase(java.util.Locale.ROOT);
    if (!(caller.has(OrganisationRole.KP_SECRETARIAT)
        || (caller.has(OrganisationRole.KP_AUTHORITY) && code.equals(caller.participant())))) {
      throw Problem.forbidden(
          "Only " + code + "'s KP authority or the KP secretariat reports its production.");
    }
    if (Participants.codeOf(code).flatMap(participants::detail).isEmpty()) {
      throw Problem.notFound("No participant with code " + code + ".");
    }
    List<FieldError> errors = new ArrayList<>();
    if (!half.equals("H1") && !half.equals("H2")) {
      errors.add(new FieldError("half", "H1 or H2"));
    }
    int thisYear = LocalDate.now(clock).getYear();
    if (year < 2003 || year > thisYear) {
      errors.add(new FieldError("year", "between 2003 and " + thisYear));
    }
    BigDecimal carats = amount(s.carats(), "carats", true, errors);
    BigDecimal value = amount(s.valueUsd(), "valueUsd", true, errors);
    BigDecimal industrial = amount(s.industrialCarats(), "industrialCarats", false, errors);
    BigDecimal artisanal = amount(s.artisanalCarats(), "artisanalCarats", false, errors);
    if (carats != null
        && industrial != null
        && artisanal != null
        && industrial.add(artisanal).compareTo(carats) != 0) {
      errors.add(new FieldError("artisanalCarats", "industrial + artisanal must equal carats"));
    }
    int revision = errors.isEmpty() ? production.nextRevision(code, year, half) : 0;
    if (revision > 1 && (s.reason() == null || s.reason().isBlank())) {
      errors.add(new FieldError("reason", "a correction of an earlier report says why"));
    }
    if (!errors.isEmpty()) {
      throw Problem.invalid("The production report cannot be recorded as given.", errors);
    }
    ProductionReport report =
        new ProductionReport(
            code,
            code,
            year,
            half,
            revision,
            carats,
            value,
            industrial,
            artisanal,
            s.reason() == null || s.reason().isBlank() ? null : s.reason().strip(),
            "report by " + caller.organisationName(),
            caller.username(),
            clock.instant().truncatedTo(ChronoUnit.MILLIS));
    production.insert(report);
    return report;
  }

  /** Every revision of a participant's reports. */
  @Transactional(readOnly = true)
  public List<ProductionReport> history(String participant, @Nullable Integer year) {
    return production.history(participant.toUpperCase(java.util.Locale.ROOT), year);
  }

  private static @Nullable BigDecimal amount(
      @Nullable String text, String field, boolean required, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      if (required) {
        errors.add(new FieldError(field, "is required"));
      }
      return null;
    }
    try {
      BigDecimal d = new BigDecimal(text.strip());
      if (d.scale() > 2 || d.signum() < 0 || d.precision() - d.scale() > 14) {
        errors.add(new FieldError(field, "a non-negative amount with at most two decimals"));
        return null;
      }
      return d.setScale(2, RoundingMode.UNNECESSARY);
    } catch (NumberFormatException e) {
      errors.add(new FieldError(field, "'" + text + "' is not a decimal number"));
      return null;
    }
  }
}
