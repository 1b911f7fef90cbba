package org.kimberlite.statistics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.Policy;
import org.kimberlite.statistics.Finding;
import org.kimberlite.statistics.ImportFlow;
import org.kimberlite.statistics.MirrorTolerance;
import org.kimberlite.statistics.Period;
import org.kimberlite.statistics.TradeFlow;
import org.kimberlite.statistics.internal.CheckFigures.Totals;

/**
 * STAT-02, the mirror check of the Working Group on Statistics: A's exports to B against B's
 * imports from A, quarter by quarter, within a {@link MirrorTolerance} (its timing lag included).
 *
 * <p>A pure policy: no clock, no I/O. Quantities are exact and every comparison with a tolerance is
 * made without rounding; only the figures shown in messages and evidence are rounded (fractions to
 * 4 decimals, prices to the cent, half-even). Findings come sorted by {@link Finding#ORDER}
 * whatever the order of the input.
 */
@Policy(rules = "STAT-02")
public final class MirrorCheck {
  public static final String RULE = "STAT-02";

  private static final BigDecimal HIGH_SHARE = new BigDecimal("0.25");
  private static final BigDecimal MEDIUM_SHARE = new BigDecimal("0.10");
  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  private final MirrorTolerance tolerance;

  public MirrorCheck(MirrorTolerance tolerance) {
    this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
  }

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
  public List<Finding> findings(List<TradeFlow> exports, List<ImportFlow> imports) {
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
      mirrorPair(pair, out, in, findings);
    }
    return CheckFigures.sorted(findings);
  }

  private void mirrorPair(
      Pair pair, TreeMap<Period, Totals> out, TreeMap<Period, Totals> in, List<Finding> findings) {
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
      eCt[k] = cents(e[k].carats().value());
      iCt[k] = cents(i[k].carats().value());
      eUsd[k] = cents(e[k].usd().value());
      iUsd[k] = cents(i[k].usd().value());
    }
    int lag = tolerance.quartersOfLag();
    TransitMatching.Result carats = TransitMatching.match(eCt, iCt, lag);
    TransitMatching.Result usd = TransitMatching.match(eUsd, iUsd, lag);
    for (int k = 0; k < n; k++) {
      Gap ct =
          new Gap(
              "ct",
              e[k].carats().value(),
              i[k].carats().value(),
              hundredths(carats.unmatchedExports()[k]),
              hundredths(carats.unmatchedImports()[k]));
      Gap value =
          new Gap(
              "USD",
              e[k].usd().value(),
              i[k].usd().value(),
              hundredths(usd.unmatchedExports()[k]),
              hundredths(usd.unmatchedImports()[k]));
      BigDecimal ctTolerance = tolerance.absoluteCarats().value();
      BigDecimal usdSideCarats = value.positive() ? e[k].carats().value() : i[k].carats().value();
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
              usdTolerance(ctTolerance, value.base(), usdSideCarats)));
    }
  }

  private Finding mirrorFinding(
      Pair pair,
      Period q,
      int lag,
      Totals e,
      Totals i,
      Gap ct,
      boolean ctFlagged,
      Gap usd,
      boolean usdFlagged,
      BigDecimal usdTolerance) {
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
    evidence.put("exporter", pair.exporter().code());
    evidence.put("importer", pair.importer().code());
    evidence.put("period", q.label());
    evidence.put("periodsCompared", String.join("; ", compared));
    evidence.put("quartersOfLag", Integer.toString(lag));
    evidence.put("exportedCarats", e.carats().toString());
    evidence.put("importedCarats", i.carats().toString());
    evidence.put("exportedUsd", e.usd().toString());
    evidence.put("importedUsd", i.usd().toString());
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
    evidence.put("absoluteToleranceCarats", tolerance.absoluteCarats().toString());
    evidence.put("absoluteToleranceUsd", usdTolerance.toPlainString());
    return new Finding(
        RULE,
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
          + CheckFigures.percent(share())
          + ")";
    }
  }

  private record Pair(ParticipantCode exporter, ParticipantCode importer)
      implements Comparable<Pair> {
    @Override
    public int compareTo(Pair other) {
      int c = exporter.compareTo(other.exporter);
      return c != 0 ? c : importer.compareTo(other.importer);
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

  private static List<Period> quarters(Period first, Period last) {
    return CheckFigures.quarters(first, last);
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
}
