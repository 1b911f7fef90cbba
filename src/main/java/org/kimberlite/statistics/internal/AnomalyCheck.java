package org.kimberlite.statistics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.Policy;
import org.kimberlite.statistics.Finding;
import org.kimberlite.statistics.Period;
import org.kimberlite.statistics.ProductionFigure;
import org.kimberlite.statistics.TradeFlow;
import org.kimberlite.statistics.internal.CheckFigures.Totals;

/**
 * STAT-03, period-on-period anomalies: production half-year on half-year (or year on year) and
 * exports quarter on quarter, each measure against a threshold of relative change.
 *
 * <p>A pure policy: no clock, no I/O; changes are compared by cross-multiplying, without rounding.
 * Findings come sorted by {@link Finding#ORDER} whatever the order of the input.
 */
@Policy(rules = "STAT-03")
public final class AnomalyCheck {
  public static final String RULE = "STAT-03";

  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  private final BigDecimal threshold;

  /**
   * @param threshold a fraction (0.5 = 50 %), not negative; a change of exactly the threshold is
   *     not flagged
   */
  public AnomalyCheck(BigDecimal threshold) {
    Objects.requireNonNull(threshold, "threshold");
    if (threshold.signum() < 0) {
      throw new IllegalArgumentException("threshold must not be negative: " + threshold);
    }
    this.threshold = threshold;
  }

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
  public List<Finding> findings(List<ProductionFigure> production, List<TradeFlow> exports) {
    List<Finding> findings = new ArrayList<>();
    Map<ParticipantCode, TreeMap<HalfYear, Totals>> halves = new TreeMap<>();
    Map<ParticipantCode, TreeMap<Integer, Totals>> fullYears = new TreeMap<>();
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
    Set<ParticipantCode> producers = new TreeSet<>(halves.keySet());
    producers.addAll(fullYears.keySet());
    for (ParticipantCode p : producers) {
      TreeMap<HalfYear, Totals> h = halves.getOrDefault(p, new TreeMap<>());
      TreeMap<Integer, Totals> fy = fullYears.getOrDefault(p, new TreeMap<>());
      for (Map.Entry<HalfYear, Totals> now : h.entrySet()) {
        HalfYear before = now.getKey().previous();
        Totals then = h.get(before);
        if (then != null) {
          compare("production", p, before.label(), now.getKey().label(), then, now.getValue())
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
          compare("production", p, (y - 1) + "-FY", y + "-FY", then, now.getValue())
              .ifPresent(findings::add);
        }
      }
    }
    Map<ParticipantCode, TreeMap<Period, Totals>> byExporter = new TreeMap<>();
    TreeSet<Period> present = new TreeSet<>();
    for (TradeFlow f : exports) {
      byExporter
          .computeIfAbsent(f.exporter(), k -> new TreeMap<>())
          .merge(f.period(), new Totals(f.carats(), f.valueUsd(), f.certificates()), Totals::plus);
      present.add(f.period());
    }
    if (!present.isEmpty()) {
      List<Period> quarters = CheckFigures.quarters(present.first(), present.last());
      for (Map.Entry<ParticipantCode, TreeMap<Period, Totals>> x : byExporter.entrySet()) {
        for (int k = 1; k < quarters.size(); k++) {
          Period before = quarters.get(k - 1);
          Period now = quarters.get(k);
          compare(
                  "exports",
                  x.getKey(),
                  before.label(),
                  now.label(),
                  x.getValue().getOrDefault(before, Totals.NONE),
                  x.getValue().getOrDefault(now, Totals.NONE))
              .ifPresent(findings::add);
        }
      }
    }
    return CheckFigures.sorted(findings);
  }

  private static boolean complete(Map<HalfYear, Totals> halves, int year) {
    return halves.containsKey(new HalfYear(year, 1)) && halves.containsKey(new HalfYear(year, 2));
  }

  private Optional<Finding> compare(
      String series,
      ParticipantCode participant,
      String previous,
      String period,
      Totals then,
      Totals now) {
    List<Move> moves = new ArrayList<>();
    moves.add(
        Move.of(
            "carats",
            "carats",
            then.carats().value(),
            BigDecimal.ONE,
            now.carats().value(),
            BigDecimal.ONE,
            threshold));
    moves.add(
        Move.of(
            "usd",
            "USD",
            then.usd().value(),
            BigDecimal.ONE,
            now.usd().value(),
            BigDecimal.ONE,
            threshold));
    if (!then.carats().isZero() && !now.carats().isZero()) {
      moves.add(
          Move.of(
              "usdPerCarat",
              "USD per carat",
              then.usd().value(),
              then.carats().value(),
              now.usd().value(),
              now.carats().value(),
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
            RULE,
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
                + CheckFigures.percent(threshold)
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
      String by = change == null ? "from zero" : CheckFigures.signedPercent(change);
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
}
