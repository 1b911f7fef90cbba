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
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.TradeFigures;
import org.kimberlite.certification.TradeRow;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.ParticipantSummary;
import org.kimberlite.registry.Participants;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdAmount;
import org.kimberlite.shared.UsdPerCarat;
import org.kimberlite.statistics.SubmitOutcome.Violation;
import org.kimberlite.statistics.internal.CellDisclosure;
import org.kimberlite.statistics.internal.ProductionRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
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

  /** The longest span of years a series covers. */
  public static final int MAX_YEARS = 50;

  private final ProductionRepository production;
  private final TradeFigures trade;
  private final Participants participants;
  private final Clock clock;
  private final CellDisclosure disclosure;
  private final ApplicationEventPublisher events;

  public Statistics(
      ProductionRepository production,
      TradeFigures trade,
      Participants participants,
      Clock clock,
      @Value("${kimberlite.statistics.min-certificates-per-cell:3}") int minCertificatesPerCell,
      ApplicationEventPublisher events) {
    this.events = events;
    this.production = production;
    this.trade = trade;
    this.participants = participants;
    this.clock = clock;
    this.disclosure = new CellDisclosure(minCertificatesPerCell);
  }

  /**
   * A participant's (or a published label's) carats and value.
   *
   * @param participant the participant's code, or the label of a published line that is no
   *     participant ("Others", or {@link #PUBLISHED_TOTAL}); hence text, not a code
   */
  public record Figure(String participant, String name, Carats carats, UsdAmount valueUsd) {
    public @Nullable UsdPerCarat usdPerCarat() {
      return perCarat(valueUsd, carats);
    }
  }

  /** One section of the summary: totals and each participant's line with its share. */
  public record Section(Carats carats, UsdAmount valueUsd, List<Line> byParticipant) {
    public @Nullable UsdPerCarat usdPerCarat() {
      return perCarat(valueUsd, carats);
    }
  }

  /**
   * A participant's line in a section.
   *
   * @param participant as in {@link Figure}: a code, or a published label
   * @param share this line's carats in percent of the section's, to the hundredth
   */
  public record Line(
      String participant,
      String name,
      Carats carats,
      UsdAmount valueUsd,
      @Nullable UsdPerCarat usdPerCarat,
      @Nullable BigDecimal share) {}

  /** A participant's certificates: issued for export, and shipments imported with one. */
  public record CertificateCount(long issued, long imported) {
    CertificateCount plus(CertificateCount other) {
      return new CertificateCount(issued + other.issued, imported + other.imported);
    }
  }

  /** Certificate counts: issued for export, and shipments imported with a certificate. */
  public record Counts(
      long issued, long imported, Map<ParticipantCode, CertificateCount> byParticipant) {}

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

  public static @Nullable UsdPerCarat perCarat(UsdAmount value, Carats carats) {
    return UsdPerCarat.of(value, carats).orElse(null);
  }

  static Section section(List<Figure> figures) {
    Carats carats = Carats.sum(figures.stream().map(Figure::carats).toList());
    UsdAmount value = UsdAmount.sum(figures.stream().map(Figure::valueUsd).toList());
    List<Line> lines = new ArrayList<>();
    for (Figure f : figures) {
      lines.add(
          new Line(
              f.participant(),
              f.name(),
              f.carats(),
              f.valueUsd(),
              f.usdPerCarat(),
              carats.isZero()
                  ? null
                  : f.carats()
                      .value()
                      .multiply(HUNDRED)
                      .divide(carats.value(), 2, RoundingMode.HALF_EVEN)));
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
    Map<Integer, Map<String, Sum>> halves = new TreeMap<>();
    Map<Integer, Map<String, Sum>> years = new TreeMap<>();
    for (ProductionReport r : production.current(fromYear, toYear)) {
      Map<Integer, Map<String, Sum>> target = r.half().equals("FY") ? years : halves;
      target
          .computeIfAbsent(r.year(), y -> new TreeMap<>())
          .merge(r.label(), new Sum(r.carats(), r.valueUsd()), Sum::plus);
    }
    // Only the years that have reports: the loop is bounded by the data, not by the arguments.
    java.util.TreeSet<Integer> present = new java.util.TreeSet<>(years.keySet());
    present.addAll(halves.keySet());
    Map<Integer, List<Figure>> out = new TreeMap<>();
    for (int year : present) {
      Map<String, Sum> merged = new TreeMap<>(years.getOrDefault(year, Map.of()));
      merged.putAll(halves.getOrDefault(year, Map.of())); // reports win over published figures
      List<Figure> figures = new ArrayList<>();
      merged.forEach(
          (label, sum) ->
              figures.add(
                  new Figure(label, names.getOrDefault(label, label), sum.carats(), sum.usd())));
      if (!figures.isEmpty()) {
        out.put(year, figures);
      }
    }
    return out;
  }

  /** Carats and US dollars added up. */
  private record Sum(Carats carats, UsdAmount usd) {
    Sum plus(Sum other) {
      return new Sum(carats.plus(other.carats), usd.plus(other.usd));
    }
  }

  private List<Figure> tradeFigures(List<TradeRow> rows, boolean byExporter) {
    Map<String, String> names = names();
    Map<String, Sum> sums = new TreeMap<>();
    for (TradeRow r : rows) {
      sums.merge(
          (byExporter ? r.exporter() : r.importer()).code(),
          new Sum(r.carats(), r.valueUsd()),
          Sum::plus);
    }
    List<Figure> out = new ArrayList<>();
    sums.forEach(
        (code, sum) ->
            out.add(new Figure(code, names.getOrDefault(code, code), sum.carats(), sum.usd())));
    return out;
  }

  @Transactional(readOnly = true)
  public Summary summary(int year) {
    Map<ParticipantCode, Long> issued = trade.issuedCounts(year);
    Map<ParticipantCode, Long> imported = trade.importedCounts(year);
    Map<ParticipantCode, CertificateCount> counts = new TreeMap<>();
    issued.forEach((k, v) -> counts.merge(k, new CertificateCount(v, 0), (a, b) -> a.plus(b)));
    imported.forEach((k, v) -> counts.merge(k, new CertificateCount(0, v), (a, b) -> a.plus(b)));
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

  /**
   * A participant's figures year by year, for the years from {@code fromYear} to {@code toYear}
   * that have any; refused for a span longer than {@link #MAX_YEARS}.
   */
  @Transactional(readOnly = true)
  public List<YearFigures> series(ParticipantCode participant, int fromYear, int toYear) {
    if (fromYear > toYear || toYear - fromYear >= MAX_YEARS) {
      throw new IllegalArgumentException(
          "a series spans 1 to " + MAX_YEARS + " years: " + fromYear + " to " + toYear);
    }
    String code = participant.code();
    Map<Integer, List<Figure>> prod = productionFigures(fromYear, toYear);
    List<TradeRow> exports = trade.exports(fromYear, toYear);
    List<TradeRow> imports = trade.imports(fromYear, toYear);
    java.util.TreeSet<Integer> present = new java.util.TreeSet<>(prod.keySet());
    exports.forEach(r -> present.add(r.year()));
    imports.forEach(r -> present.add(r.year()));
    List<YearFigures> out = new ArrayList<>();
    for (int year : present) {
      int y = year;
      Figure p =
          prod.getOrDefault(year, List.of()).stream()
              .filter(f -> f.participant().equals(code))
              .findFirst()
              .orElse(null);
      Figure e =
          tradeFigures(
                  exports.stream()
                      .filter(r -> r.year() == y && r.exporter().equals(participant))
                      .toList(),
                  true)
              .stream()
              .findFirst()
              .orElse(null);
      Figure i =
          tradeFigures(
                  imports.stream()
                      .filter(r -> r.year() == y && r.importer().equals(participant))
                      .toList(),
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

  /**
   * Exports of a year by exporting and importing participant (the trade matrix). The KP secretariat
   * sees every cell; everyone else sees only the cells backed by enough certificates, the others
   * folded into each exporter's "other" total (see {@link TradeMatrix}).
   */
  @Transactional(readOnly = true)
  public TradeMatrix matrix(@Nullable Caller caller, int year) {
    Map<ParticipantCode, Map<ParticipantCode, TradeMatrix.Cell>> cells = new TreeMap<>();
    // The rows come per HS code, and a certificate with lines under two HS codes is in both: a
    // lane's certificates in a quarter are the most of any one HS code, not their sum.
    Map<LaneQuarter, Long> perQuarter = new HashMap<>();
    for (TradeRow r : trade.exports(year, year)) {
      cells
          .computeIfAbsent(r.exporter(), k -> new TreeMap<>())
          .merge(
              r.importer(),
              new TradeMatrix.Cell(r.importer(), r.carats(), r.valueUsd(), 0),
              TradeMatrix.Cell::plus);
      perQuarter.merge(
          new LaneQuarter(r.exporter(), r.importer(), r.quarter()), r.certificates(), Math::max);
    }
    perQuarter.forEach(
        (lane, n) ->
            cells
                .get(lane.exporter())
                .merge(
                    lane.importer(),
                    new TradeMatrix.Cell(lane.importer(), Carats.ZERO, UsdAmount.ZERO, n),
                    TradeMatrix.Cell::plus));
    List<TradeMatrix.Row> rows = new ArrayList<>();
    cells.forEach(
        (exporter, row) -> rows.add(TradeMatrix.Row.of(exporter, List.copyOf(row.values()), null)));
    TradeMatrix full = new TradeMatrix(year, true, disclosure.minCertificates(), rows);
    boolean secretariat = caller != null && caller.has(OrganisationRole.KP_SECRETARIAT);
    return secretariat ? full : disclosure.publish(full);
  }

  private record LaneQuarter(ParticipantCode exporter, ParticipantCode importer, int quarter) {}

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
  public SubmitOutcome submit(
      Caller caller, String participant, int year, String half, Submission s) {
    String code = participant.toUpperCase(java.util.Locale.ROOT);
    Optional<ParticipantCode> asked = Participants.codeOf(code);
    if (!(caller.has(OrganisationRole.KP_SECRETARIAT)
        || (caller.has(OrganisationRole.KP_AUTHORITY)
            && asked.isPresent()
            && asked.get().equals(caller.participant())))) {
      return new SubmitOutcome.NotAllowed(
          "Only " + code + "'s KP authority or the KP secretariat reports its production.");
    }
    if (asked.flatMap(participants::detail).isEmpty()) {
      return new SubmitOutcome.UnknownParticipant(code);
    }
    LocalDate today = LocalDate.now(clock);
    List<Violation> errors = new ArrayList<>();
    if (!half.equals("H1") && !half.equals("H2")) {
      errors.add(new Violation("half", "H1 or H2"));
    }
    int thisYear = today.getYear();
    if (year < 2003 || year > thisYear) {
      errors.add(new Violation("year", "between 2003 and " + thisYear));
    }
    Carats carats = carats(s.carats(), "carats", true, errors);
    UsdAmount value = usd(s.valueUsd(), "valueUsd", errors);
    Carats industrial = carats(s.industrialCarats(), "industrialCarats", false, errors);
    Carats artisanal = carats(s.artisanalCarats(), "artisanalCarats", false, errors);
    if (carats != null
        && industrial != null
        && artisanal != null
        && industrial.plus(artisanal).compareTo(carats) != 0) {
      errors.add(new Violation("artisanalCarats", "industrial + artisanal must equal carats"));
    }
    int revision = errors.isEmpty() ? production.nextRevision(code, year, half) : 0;
    if (revision > 1 && (s.reason() == null || s.reason().isBlank())) {
      errors.add(new Violation("reason", "a correction of an earlier report says why"));
    }
    if (!errors.isEmpty() || carats == null || value == null) {
      return new SubmitOutcome.Refused(errors);
    }
    ProductionReport report =
        new ProductionReport(
            ParticipantCode.of(code),
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
    events.publishEvent(new ProductionReportFiled(code, year, half, report.submittedAt()));
    return new SubmitOutcome.Filed(report);
  }

  private static @Nullable Carats carats(
      @Nullable String text, String field, boolean required, List<Violation> errors) {
    BigDecimal d = amount(text, field, required, errors);
    if (d == null) {
      return null;
    }
    if (d.compareTo(Carats.MAX) > 0) {
      errors.add(new Violation(field, "at most " + Carats.MAX.toPlainString()));
      return null;
    }
    return Carats.of(d);
  }

  private static @Nullable UsdAmount usd(
      @Nullable String text, String field, List<Violation> errors) {
    BigDecimal d = amount(text, field, true, errors);
    if (d == null) {
      return null;
    }
    if (d.compareTo(UsdAmount.MAX) > 0) {
      errors.add(new Violation(field, "at most " + UsdAmount.MAX.toPlainString()));
      return null;
    }
    return UsdAmount.of(d);
  }

  /** Every revision of a participant's reports. */
  @Transactional(readOnly = true)
  public List<ProductionReport> history(String participant, @Nullable Integer year) {
    return production.history(participant.toUpperCase(java.util.Locale.ROOT), year);
  }

  private static @Nullable BigDecimal amount(
      @Nullable String text, String field, boolean required, List<Violation> errors) {
    if (text == null || text.isBlank()) {
      if (required) {
        errors.add(new Violation(field, "is required"));
      }
      return null;
    }
    try {
      BigDecimal d = new BigDecimal(text.strip());
      if (d.scale() > 2 || d.signum() < 0 || d.precision() - d.scale() > 14) {
        errors.add(new Violation(field, "a non-negative amount with at most two decimals"));
        return null;
      }
      return d.setScale(2, RoundingMode.UNNECESSARY);
    } catch (NumberFormatException e) {
      errors.add(new Violation(field, "'" + text + "' is not a decimal number"));
      return null;
    }
  }
}
