package org.kimberlite.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The data-quality checks the Working Group on Statistics runs on KP statistics (REFERENCE 2.2):
 * mirror analysis (STAT-02), period-on-period anomalies (STAT-03) and missing submissions
 * (STAT-04).
 *
 * <p>Pure functions: no clock (the day is passed in), no I/O. Quantities are exact {@link
 * BigDecimal}s at scale 2 and every comparison with a tolerance or threshold is made without
 * rounding; only the figures shown in messages and evidence are rounded (fractions to 4 decimals,
 * prices to the cent, half-even). Every check returns its findings sorted by {@link Finding#ORDER}
 * (rule, participant, period, then message), whatever the order of its input.
 */
public final class StatisticsChecks {
  static final String MIRROR = "STAT-02";
  static final String ANOMALY = "STAT-03";
  static final String MISSING = "STAT-04";

  private static final BigDecimal HIGH_SHARE = new BigDecimal("0.25");
  private static final BigDecimal MEDIUM_SHARE = new BigDecimal("0.10");
  private static final BigDecimal TWO = BigDecimal.valueOf(2);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  private StatisticsChecks() {}

  // ---------------------------------------------------------------------------------------------
  // STAT-02 mirror analysis

  /**
   * STAT-02: compares, for every pair of participants A and B, A's exports to B with B's imports
   * from A, per quarter, in carats and in US dollars (summed over HS codes).
   *
   * <p><b>Timing.</b> A certificate issued at the end of a quarter may be confirmed by the importer
   * in a later one, so the exports of a quarter are not compared with that quarter's imports alone.
   * Neither of the window rules that come to mind is used, because both misjudge regular trade:
   * cumulative sums over {@code lag + 1} quarters, or "flag a quarter when the difference does not
   * disappear once the next lag quarters are included", count the same import for two quarters (so
   * a real shortfall followed by a normal quarter can pass), and flag a participant whose shipments
   * always arrive one quarter late but vary in size. Instead each measure is reconciled like goods
   * in transit: what is exported in quarter q may be received in q to q + lag, and exports are
   * matched with imports so that as much as possible is matched and, within that, goods spend the
   * least time in transit (see {@code TransitMatching}). What no match covers is the difference of
   * a quarter: its exports that B did not receive by q + lag (positive), or its imports that no
   * export of q − lag to q accounts for (negative). With a lag of 0 this is simply the quarter's
   * exports against the quarter's imports. A shipment issued in Q4 and received in Q1 is therefore
   * no difference with a lag of 1, and a difference in both quarters with a lag of 0.
   *
   * <p>The lists are taken as complete: exports whose receipt window reaches past the last quarter
   * given are judged against the imports given, so pass imports up to {@code lag} quarters beyond
   * the last quarter you want judged.
   *
   * <p><b>Tolerance.</b> A measure's difference is flagged when it exceeds both the relative
   * tolerance, as a share of the quarter's figure on its side (the exports for a positive
   * difference, the imports for a negative one; with a lag of 0 that is the larger side), and the
   * absolute one: {@code absoluteCarats} for carats, and for US dollars the value of that many
   * carats at that side's average price in the quarter. Severity follows the largest flagged share:
   * above 25 % {@code HIGH}, above 10 % {@code MEDIUM}, otherwise {@code LOW}. Exports without any
   * import, and imports without any export, are differences of 100 %.
   *
   * <p>One finding per pair and quarter with a flagged measure; its participant is the exporter,
   * and the evidence names both sides, the quarter's exported and imported figures, the unmatched
   * amounts, the signed differences (exported minus imported), their shares and the periods
   * compared.
   */
  public static List<Finding> mirror(
      List<TradeFlow> exports, List<ImportFlow> imports, MirrorTolerance tolerance) {
    Objects.requireNonNull(tolerance, "tolerance");
    Map<Pair, TreeMap<Period, Totals>> exported = new TreeMap<>();
    for (TradeFlow f : exports) {
      exported
          .computeIfAbsent(new Pair(f.exporter(), f.importer()), k -> new TreeMap<>())
          .merge(f.period(), new Totals(f.carats(), f.valueUsd(), f.certificates()), Totals::plus);
    }
    Map<Pair, TreeMap<Period, Totals>> imported = new TreeMap<>();
    for (ImportFlow f : imports) {
      imported
          .computeIfAbsent(new Pair(f.exporter(), f.importer()), k -> new TreeMap<>())
          .merge(f.period(), new Totals(f.carats(), f.valueUsd(), f.certificates()), Totals::plus);
    }
    Set<Pair> pairs = new TreeSet<>(exported.keySet());
    pairs.addAll(imported.keySet());
    List<Finding> findings = new ArrayList<>();
    for (Pair pair : pairs) {
      TreeMap<Period, Totals> out = exported.getOrDefault(pair, new TreeMap<>());
      TreeMap<Period, Totals> in = imported.getOrDefault(pair, new TreeMap<>());
      mirrorPair(pair, out, in, tolerance, findings);
    }
    return sorted(findings);
  }

  private static void mirrorPair(
      Pair pair,
      TreeMap<Period, Totals> out,
      TreeMap<Period, Totals> in,
      MirrorTolerance tolerance,
      List<Finding> findings) {
    List<Period> quarters = quarters(first(out, in), last(out, in));
    int n = quarters.size();
    Totals[] e = new Totals[n];
    Totals[] i = new Totals[n];
    long[] eCt = new long[n];
    long[] iCt = new long[n];
    long[] eUsd = new long[n];
    long[] iUsd = new long[n];
    for (int k = 0; k < n; k++) {
      e[k] = out.getOrDefault(quarters.get(k), Totals.NONE);
      i[k] = in.getOrDefault(quarters.get(k), Totals.NONE);
      eCt[k] = cents(e[k].carats());
      iCt[k] = cents(i[k].carats());
      eUsd[k] = cents(e[k].usd());
      iUsd[k] = cents(i[k].usd());
    }
    int lag = tolerance.quartersOfLag();
    TransitMatching.Result carats = TransitMatching.match(eCt, iCt, lag);
    TransitMatching.Result usd = TransitMatching.match(eUsd, iUsd, lag);
    for (int k = 0; k < n; k++) {
      Gap ct =
          new Gap(
              "ct",
              e[k].carats(),
              i[k].carats(),
              hundredths(carats.unmatchedExports()[k]),
              hundredths(carats.unmatchedImports()[k]));
      Gap value =
          new Gap(
              "USD",
              e[k].usd(),
              i[k].usd(),
              hundredths(usd.unmatchedExports()[k]),
              hundredths(usd.unmatchedImports()[k]));
      BigDecimal ctTolerance = tolerance.absoluteCarats();
      BigDecimal usdSideCarats = value.positive() ? e[k].carats() : i[k].carats();
      boolean ctFlagged = ct.exceeds(tolerance.relative(), ctTolerance, BigDecimal.ONE);
      boolean usdFlagged =
          value.exceeds(tolerance.relative(), ctTolerance.multiply(value.base()), usdSideCarats);
      if (!ctFlagged && !usdFlagged) {
        continue;
      }
      findings.add(
          mirrorFinding(
              pair,
              quarters.get(k),
              lag,
              e[k],
              i[k],
              ct,
              ctFlagged,
              value,
              usdFlagged,
              usdTolerance(ctTolerance, value.base(), usdSideCarats),
              tolerance));
    }
  }

  private static Finding mirrorFinding(
      Pair pair,
      Period q,
      int lag,
      Totals e,
      Totals i,
      Gap ct,
      boolean ctFlagged,
      Gap usd,
      boolean usdFlagged,
      BigDecimal usdTolerance,
      MirrorTolerance tolerance) {
    List<Gap> flagged = new ArrayList<>();
    if (ctFlagged) {
      flagged.add(ct);
    }
    if (usdFlagged) {
      flagged.add(usd);
    }
    String severity = Finding.LOW;
    for (Gap g : flagged) {
      severity = max(severity, g.severity());
    }
    String exportWindow = window(q.label(), q, lag, true);
    String importWindow = window(q.label(), q, lag, false);
    List<String> sentences = new ArrayList<>();
    List<String> shortfalls = flagged.stream().filter(Gap::positive).map(Gap::describe).toList();
    List<String> surpluses =
        flagged.stream().filter(g -> !g.positive()).map(Gap::describe).toList();
    List<String> compared = new ArrayList<>();
    if (!shortfalls.isEmpty()) {
      sentences.add(
          String.join(" and ", shortfalls)
              + " of "
              + pair.exporter()
              + "'s exports to "
              + pair.importer()
              + " issued in "
              + q.label()
              + " were not recorded as imports by "
              + pair.importer()
              + " in "
              + exportWindow);
      compared.add("exports of " + q.label() + " against imports of " + exportWindow);
    }
    if (!surpluses.isEmpty()) {
      sentences.add(
          String.join(" and ", surpluses)
              + " of "
              + pair.importer()
              + "'s imports from "
              + pair.exporter()
              + " received in "
              + q.label()
              + " match no export by "
              + pair.exporter()
              + " in "
              + importWindow);
      compared.add("imports of " + q.label() + " against exports of " + importWindow);
    }
    Map<String, String> evidence = new LinkedHashMap<>();
    evidence.put("exporter", pair.exporter());
    evidence.put("importer", pair.importer());
    evidence.put("period", q.label());
    evidence.put("periodsCompared", String.join("; ", compared));
    evidence.put("quartersOfLag", Integer.toString(lag));
    evidence.put("exportedCarats", e.carats().toPlainString());
    evidence.put("importedCarats", i.carats().toPlainString());
    evidence.put("exportedUsd", e.usd().toPlainString());
    evidence.put("importedUsd", i.usd().toPlainString());
    evidence.put("exportedCertificates", Long.toString(e.certificates()));
    evidence.put("importedCertificates", Long.toString(i.certificates()));
    evidence.put("unreceivedExportsCarats", ct.unreceived().toPlainString());
    evidence.put("unmatchedImportsCarats", ct.unmatched().toPlainString());
    evidence.put("differenceCarats", ct.difference().toPlainString());
    evidence.put("relativeDifferenceCarats", ct.share().toPlainString());
    evidence.put("unreceivedExportsUsd", usd.unreceived().toPlainString());
    evidence.put("unmatchedImportsUsd", usd.unmatched().toPlainString());
    evidence.put("differenceUsd", usd.difference().toPlainString());
    evidence.put("relativeDifferenceUsd", usd.share().toPlainString());
    evidence.put("relativeTolerance", tolerance.relative().toPlainString());
    evidence.put("absoluteToleranceCarats", tolerance.absoluteCarats().toPlainString());
    evidence.put("absoluteToleranceUsd", usdTolerance.toPlainString());
    return new Finding(
        MIRROR,
        pair.exporter(),
        q.label(),
        severity,
        "Mirror check "
            + pair.exporter()
            + " → "
            + pair.importer()
            + ", "
            + q.label()
            + ": "
            + String.join("; ", sentences)
            + ".",
        evidence);
  }

  /** {@code 2025-Q4..2026-Q1}: the quarters after (exports) or before (imports) q within lag. */
  private static String window(String label, Period q, int lag, boolean forward) {
    if (lag == 0) {
      return label;
    }
    Period other = q;
    for (int k = 0; k < lag; k++) {
      other = forward ? other.next() : other.previous();
    }
    return forward ? label + ".." + other.label() : other.label() + ".." + label;
  }

  private static BigDecimal usdTolerance(
      BigDecimal caratTolerance, BigDecimal sideUsd, BigDecimal sideCarats) {
    if (sideCarats.signum() == 0) {
      return ZERO;
    }
    return caratTolerance.multiply(sideUsd).divide(sideCarats, 2, RoundingMode.HALF_EVEN);
  }

  /**
   * One measure's difference in one quarter; at most one of {@code unreceived} and {@code
   * unmatched} is non-zero, since a maximum matching never leaves both an export and an import
   * unmatched that could meet.
   */
  private record Gap(
      String unit,
      BigDecimal exported,
      BigDecimal imported,
      BigDecimal unreceived,
      BigDecimal unmatched) {

    boolean positive() {
      return unreceived.signum() > 0;
    }

    BigDecimal size() {
      return positive() ? unreceived : unmatched;
    }

    /** The quarter's figure on the side of the difference. */
    BigDecimal base() {
      return positive() ? exported : imported;
    }

    BigDecimal difference() {
      return unreceived.subtract(unmatched);
    }

    BigDecimal share() {
      return base().signum() == 0
          ? BigDecimal.ZERO.setScale(4)
          : size().divide(base(), 4, RoundingMode.HALF_EVEN);
    }

    /**
     * Whether the difference exceeds {@code relative} of the base and {@code absolute / per}
     * (compared by cross-multiplying, so without rounding).
     */
    boolean exceeds(BigDecimal relative, BigDecimal absolute, BigDecimal per) {
      BigDecimal size = size();
      if (size.signum() == 0 || size.compareTo(relative.multiply(base())) <= 0) {
        return false;
      }
      return per.signum() == 0 || size.multiply(per).compareTo(absolute) > 0;
    }

    String severity() {
      if (size().compareTo(HIGH_SHARE.multiply(base())) > 0) {
        return Finding.HIGH;
      }
      return size().compareTo(MEDIUM_SHARE.multiply(base())) > 0 ? Finding.MEDIUM : Finding.LOW;
    }

    String describe() {
      return size().toPlainString()
          + " "
          + unit
          + " of "
          + base().toPlainString()
          + " ("
          + percent(share())
          + ")";
    }
  }

  private record Pair(String exporter, String importer) implements Comparable<Pair> {
    @Override
    public int compareTo(Pair other) {
      int c = exporter.compareTo(other.exporter);
      return c != 0 ? c : importer.compareTo(other.importer);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // STAT-03 period-on-period anomalies

  /**
   * STAT-03: flags a participant whose figures change period on period by more than {@code
   * threshold} (a fraction: 0.5 = 50 %, up or down), which marks it for the WGS data-anomaly
   * questionnaire (DAQ). Three measures are compared: carats, US dollars and US dollars per carat
   * (the last only when both periods have carats). A change from zero to something is always
   * flagged; a change of exactly the threshold is not.
   *
   * <ul>
   *   <li>Production, half-year on half-year: each H1 or H2 figure against the half-year just
   *       before it, when that was reported as a half-year. Where a year was reported only as FY,
   *       the year is compared with the year before it (an FY figure or H1 + H2), labelled {@code
   *       YYYY-FY}.
   *   <li>Exports, quarter on quarter: each exporter's total over importers and HS codes, over
   *       every quarter from the first to the last present in {@code exports}; a quarter without
   *       certificates counts as zero exports (the figures come from the certificates).
   * </ul>
   *
   * <p>One finding per participant, series and period, naming every measure that moved, from what
   * to what. Severity {@code HIGH} when a flagged measure moved from zero or by more than twice the
   * threshold, otherwise {@code MEDIUM}.
   */
  public static List<Finding> anomalies(
      List<ProductionFigure> production, List<TradeFlow> exports, BigDecimal threshold) {
    Objects.requireNonNull(threshold, "threshold");
    if (threshold.signum() < 0) {
      throw new IllegalArgumentException("threshold must not be negative: " + threshold);
    }
    List<Finding> findings = new ArrayList<>();
    Map<String, TreeMap<HalfYear, Totals>> halves = new TreeMap<>();
    Map<String, TreeMap<Integer, Totals>> fullYears = new TreeMap<>();
    for (ProductionFigure f : production) {
      Totals t = new Totals(f.carats(), f.valueUsd(), 0);
      if (ProductionFigure.FY.equals(f.half())) {
        fullYears
            .computeIfAbsent(f.participant(), k -> new TreeMap<>())
            .merge(f.year(), t, Totals::plus);
      } else {
        halves
            .computeIfAbsent(f.participant(), k -> new TreeMap<>())
            .merge(
                new HalfYear(f.year(), ProductionFigure.H1.equals(f.half()) ? 1 : 2),
                t,
                Totals::plus);
      }
    }
    Set<String> producers = new TreeSet<>(halves.keySet());
    producers.addAll(fullYears.keySet());
    for (String p : producers) {
      TreeMap<HalfYear, Totals> h = halves.getOrDefault(p, new TreeMap<>());
      TreeMap<Integer, Totals> fy = fullYears.getOrDefault(p, new TreeMap<>());
      for (Map.Entry<HalfYear, Totals> now : h.entrySet()) {
        HalfYear before = now.getKey().previous();
        Totals then = h.get(before);
        if (then != null) {
          compare(
                  "production",
                  p,
                  before.label(),
                  now.getKey().label(),
                  then,
                  now.getValue(),
                  threshold)
              .ifPresent(findings::add);
        }
      }
      TreeMap<Integer, Totals> annual = new TreeMap<>();
      Set<Integer> years = new TreeSet<>(fy.keySet());
      h.keySet().forEach(k -> years.add(k.year()));
      for (int y : years) {
        if (fy.containsKey(y)) {
          annual.put(y, fy.get(y));
        } else if (complete(h, y)) {
          annual.put(y, h.get(new HalfYear(y, 1)).plus(h.get(new HalfYear(y, 2))));
        }
      }
      for (Map.Entry<Integer, Totals> now : annual.entrySet()) {
        int y = now.getKey();
        Totals then = annual.get(y - 1);
        if (then != null && !(complete(h, y) && complete(h, y - 1))) {
          compare("production", p, (y - 1) + "-FY", y + "-FY", then, now.getValue(), threshold)
              .ifPresent(findings::add);
        }
      }
    }
    Map<String, TreeMap<Period, Totals>> byExporter = new TreeMap<>();
    TreeSet<Period> present = new TreeSet<>();
    for (TradeFlow f : exports) {
      byExporter
          .computeIfAbsent(f.exporter(), k -> new TreeMap<>())
          .merge(f.period(), new Totals(f.carats(), f.valueUsd(), f.certificates()), Totals::plus);
      present.add(f.period());
    }
    if (!present.isEmpty()) {
      List<Period> quarters = quarters(present.first(), present.last());
      for (Map.Entry<String, TreeMap<Period, Totals>> x : byExporter.entrySet()) {
        for (int k = 1; k < quarters.size(); k++) {
          Period before = quarters.get(k - 1);
          Period now = quarters.get(k);
          compare(
                  "exports",
                  x.getKey(),
                  before.label(),
                  now.label(),
                  x.getValue().getOrDefault(before, Totals.NONE),
                  x.getValue().getOrDefault(now, Totals.NONE),
                  threshold)
              .ifPresent(findings::add);
        }
      }
    }
    return sorted(findings);
  }

  private static boolean complete(Map<HalfYear, Totals> halves, int year) {
    return halves.containsKey(new HalfYear(year, 1)) && halves.containsKey(new HalfYear(year, 2));
  }

  private static Optional<Finding> compare(
      String series,
      String participant,
      String previous,
      String period,
      Totals then,
      Totals now,
      BigDecimal threshold) {
    List<Move> moves = new ArrayList<>();
    moves.add(
        Move.of(
            "carats",
            "carats",
            then.carats(),
            BigDecimal.ONE,
            now.carats(),
            BigDecimal.ONE,
            threshold));
    moves.add(
        Move.of("usd", "USD", then.usd(), BigDecimal.ONE, now.usd(), BigDecimal.ONE, threshold));
    if (then.carats().signum() > 0 && now.carats().signum() > 0) {
      moves.add(
          Move.of(
              "usdPerCarat",
              "USD per carat",
              then.usd(),
              then.carats(),
              now.usd(),
              now.carats(),
              threshold));
    }
    List<Move> moved = moves.stream().filter(Move::flagged).toList();
    if (moved.isEmpty()) {
      return Optional.empty();
    }
    boolean high = moved.stream().anyMatch(Move::large);
    Map<String, String> evidence = new LinkedHashMap<>();
    evidence.put("series", series);
    evidence.put("period", period);
    evidence.put("previousPeriod", previous);
    evidence.put("threshold", threshold.toPlainString());
    for (Move m : moves) {
      evidence.put(m.key() + "From", m.from().toPlainString());
      evidence.put(m.key() + "To", m.to().toPlainString());
      if (m.change() != null) {
        evidence.put(m.key() + "Change", m.change().toPlainString());
      }
    }
    evidence.put("measuresMoved", String.join(",", moved.stream().map(Move::key).toList()));
    String what = "production".equals(series) ? "Production" : "Exports";
    return Optional.of(
        new Finding(
            ANOMALY,
            participant,
            period,
            high ? Finding.HIGH : Finding.MEDIUM,
            what
                + " of "
                + participant
                + ", "
                + period
                + " on "
                + previous
                + ": "
                + String.join("; ", moved.stream().map(Move::describe).toList())
                + " — beyond the "
                + percent(threshold)
                + " threshold; "
                + participant
                + " is marked for the data-anomaly questionnaire (DAQ).",
            evidence));
  }

  /**
   * One measure from one period to the next. Values are fractions {@code numerator / denominator}
   * (denominator 1 for carats and US dollars, carats for the price), compared by cross-multiplying
   * so that a change of exactly the threshold is not flagged.
   *
   * @param change the relative change to 4 decimals; null when the measure starts from zero
   */
  private record Move(
      String key,
      String name,
      BigDecimal from,
      BigDecimal to,
      @Nullable BigDecimal change,
      boolean up,
      boolean flagged,
      boolean large) {

    static Move of(
        String key,
        String name,
        BigDecimal fromNumerator,
        BigDecimal fromDenominator,
        BigDecimal toNumerator,
        BigDecimal toDenominator,
        BigDecimal threshold) {
      BigDecimal from = fromNumerator.divide(fromDenominator, 2, RoundingMode.HALF_EVEN);
      BigDecimal to = toNumerator.divide(toDenominator, 2, RoundingMode.HALF_EVEN);
      if (fromNumerator.signum() == 0) {
        boolean flagged = toNumerator.signum() > 0;
        return new Move(key, name, from, to, null, flagged, flagged, flagged);
      }
      // change = (to - from) / from = (tn * fd - fn * td) / (fn * td)
      BigDecimal base = fromNumerator.multiply(toDenominator);
      BigDecimal delta = toNumerator.multiply(fromDenominator).subtract(base);
      BigDecimal size = delta.abs();
      boolean flagged = size.compareTo(threshold.multiply(base)) > 0;
      boolean large = size.compareTo(TWO.multiply(threshold).multiply(base)) > 0;
      return new Move(
          key,
          name,
          from,
          to,
          delta.divide(base, 4, RoundingMode.HALF_EVEN),
          delta.signum() > 0,
          flagged,
          large);
    }

    String describe() {
      String direction = up ? "up" : "down";
      String by = change == null ? "from zero" : signedPercent(change);
      return name
          + " "
          + direction
          + " from "
          + from.toPlainString()
          + " to "
          + to.toPlainString()
          + " ("
          + by
          + ")";
    }
  }

  /** A half-year of production: half 1 is January to June, half 2 July to December. */
  private record HalfYear(int year, int half) implements Comparable<HalfYear> {
    HalfYear previous() {
      return half == 1 ? new HalfYear(year - 1, 2) : new HalfYear(year, 1);
    }

    String label() {
      return year + "-H" + half;
    }

    @Override
    public int compareTo(HalfYear other) {
      return year != other.year
          ? Integer.compare(year, other.year)
          : Integer.compare(half, other.half);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // STAT-04 missing submissions

  /**
   * STAT-04: one finding per participant and half-year from {@code fromYear} to {@code toYear} that
   * has ended by {@code today} (H1 on 30 June, H2 on 31 December, so H1 is due from 1 July) without
   * a production report for it. An FY report counts as both halves; figures of participants not
   * listed are ignored. Severity {@code HIGH} when neither half of that year was reported although
   * both are due, otherwise {@code MEDIUM}.
   */
  public static List<Finding> missing(
      Collection<String> participants,
      List<ProductionFigure> production,
      int fromYear,
      int toYear,
      LocalDate today) {
    Objects.requireNonNull(today, "today");
    if (fromYear > toYear) {
      throw new IllegalArgumentException("fromYear " + fromYear + " is after toYear " + toYear);
    }
    Map<String, Map<Integer, Set<String>>> reported = new TreeMap<>();
    for (ProductionFigure f : production) {
      reported
          .computeIfAbsent(f.participant(), k -> new TreeMap<>())
          .computeIfAbsent(f.year(), k -> new TreeSet<>())
          .add(f.half());
    }
    Set<String> listed = new TreeSet<>();
    for (String p : participants) {
      listed.add(Quantities.code(p, "participant"));
    }
    List<Finding> findings = new ArrayList<>();
    for (String p : listed) {
      for (int y = fromYear; y <= toYear; y++) {
        Set<String> got = reported.getOrDefault(p, Map.of()).getOrDefault(y, Set.of());
        LocalDate h1End = LocalDate.of(y, 6, 30);
        LocalDate h2End = LocalDate.of(y, 12, 31);
        boolean fy = got.contains(ProductionFigure.FY);
        boolean h1Missing = today.isAfter(h1End) && !fy && !got.contains(ProductionFigure.H1);
        boolean h2Missing = today.isAfter(h2End) && !fy && !got.contains(ProductionFigure.H2);
        String severity = h1Missing && h2Missing ? Finding.HIGH : Finding.MEDIUM;
        if (h1Missing) {
          findings.add(missingFinding(p, y, ProductionFigure.H1, h1End, got, today, severity));
        }
        if (h2Missing) {
          findings.add(missingFinding(p, y, ProductionFigure.H2, h2End, got, today, severity));
        }
      }
    }
    return sorted(findings);
  }

  private static Finding missingFinding(
      String participant,
      int year,
      String half,
      LocalDate ended,
      Set<String> got,
      LocalDate today,
      String severity) {
    String label = year + "-" + half;
    String others = got.isEmpty() ? "none" : String.join(",", got);
    Map<String, String> evidence = new LinkedHashMap<>();
    evidence.put("period", label);
    evidence.put("periodEnded", ended.toString());
    evidence.put("today", today.toString());
    evidence.put("reportedForYear", others);
    return new Finding(
        MISSING,
        participant,
        label,
        severity,
        "No "
            + label
            + " production report from "
            + participant
            + " (the half-year ended on "
            + ended
            + "; reported for "
            + year
            + ": "
            + others
            + ").",
        evidence);
  }

  // ---------------------------------------------------------------------------------------------
  // shared helpers

  /** Carats, US dollars and certificates summed over some flows or figures. */
  private record Totals(BigDecimal carats, BigDecimal usd, long certificates) {
    static final Totals NONE = new Totals(ZERO, ZERO, 0);

    Totals plus(Totals other) {
      return new Totals(
          carats.add(other.carats), usd.add(other.usd), certificates + other.certificates);
    }
  }

  private static Period first(TreeMap<Period, Totals> a, TreeMap<Period, Totals> b) {
    if (a.isEmpty()) {
      return b.firstKey();
    }
    return b.isEmpty() || a.firstKey().compareTo(b.firstKey()) <= 0 ? a.firstKey() : b.firstKey();
  }

  private static Period last(TreeMap<Period, Totals> a, TreeMap<Period, Totals> b) {
    if (a.isEmpty()) {
      return b.lastKey();
    }
    return b.isEmpty() || a.lastKey().compareTo(b.lastKey()) >= 0 ? a.lastKey() : b.lastKey();
  }

  /** Every quarter from {@code first} to {@code last}, both included. */
  private static List<Period> quarters(Period first, Period last) {
    List<Period> all = new ArrayList<>();
    for (Period p = first; p.compareTo(last) <= 0; p = p.next()) {
      all.add(p);
    }
    return all;
  }

  private static long cents(BigDecimal hundredths) {
    return hundredths.movePointRight(2).longValueExact();
  }

  private static BigDecimal hundredths(long cents) {
    return BigDecimal.valueOf(cents, 2);
  }

  private static String max(String a, String b) {
    return rank(a) >= rank(b) ? a : b;
  }

  private static int rank(String severity) {
    return switch (severity) {
      case Finding.HIGH -> 2;
      case Finding.MEDIUM -> 1;
      default -> 0;
    };
  }

  /** 0.1234 → {@code 12.3 %}. */
  private static String percent(BigDecimal fraction) {
    return fraction.multiply(HUNDRED).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + " %";
  }

  private static String signedPercent(BigDecimal fraction) {
    return (fraction.signum() > 0 ? "+" : "") + percent(fraction);
  }

  private static List<Finding> sorted(List<Finding> findings) {
    findings.sort(Finding.ORDER);
    return List.copyOf(findings);
  }
}
