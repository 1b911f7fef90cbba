package org.kimberlite.valuation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.CountryCode;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdPerCarat;
import org.kimberlite.statistics.Statistics;
import org.kimberlite.valuation.internal.PlausibilityBands;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks declared values (VAL-02, KP-11): USD per carat of each HS line against the plausibility
 * band of its origin and flow, drawn from trailing KP statistics, and, where the line comes with an
 * assortment breakdown that price books in force cover entirely, the declared value against the
 * reference value (VAL-01). Both by the same factor (default 3: from ÷3 to ×3), ends included.
 *
 * <p>Bands: a producer export is measured against the origin's production (participants' reports
 * and published KP figures; its certificate exports when it has no production figures); a
 * trading-centre re-export against the exporting participant's exports from its certificates (the
 * origin's production, or the world's for a mixed origin, when it has none). The years are the
 * latest {@code kimberlite.valuation.trailing-years} complete years before the date that have
 * figures, within {@code kimberlite.valuation.lookback-years}.
 */
@Service
public class CheckingValues {
  /** The label of all participants' production together. */
  public static final String WORLD = "WORLD";

  private static final String PRODUCTION = "production";
  private static final String EXPORTS = "exports";

  private final Statistics statistics;
  private final Valuations valuations;
  private final Factor factor;
  private final PlausibilityBands.Trailing trailing;

  public CheckingValues(
      Statistics statistics,
      Valuations valuations,
      @Value("${kimberlite.valuation.plausibility-factor:3}") String factor,
      @Value("${kimberlite.valuation.trailing-years:3}") int trailingYears,
      @Value("${kimberlite.valuation.lookback-years:8}") int lookbackYears) {
    this.statistics = statistics;
    this.valuations = valuations;
    this.factor = Factor.of(factor);
    this.trailing = new PlausibilityBands.Trailing(trailingYears, lookbackYears);
  }

  /** The factor of the bands. */
  public Factor factor() {
    return factor;
  }

  /** The band of an origin (null: mixed or several) and flow on a date, without an exporter. */
  @Transactional(readOnly = true)
  public BandLookup band(@Nullable CountryCode origin, Flow flow, LocalDate on) {
    return band(origin, flow, null, on);
  }

  /**
   * The band of an origin (null: mixed or several) and flow on a date; for a trading-centre
   * re-export, of the exporting participant when given.
   */
  @Transactional(readOnly = true)
  public BandLookup band(
      @Nullable CountryCode origin, Flow flow, @Nullable ParticipantCode exporter, LocalDate on) {
    String label = origin == null ? "mixed" : origin.code();
    List<String> tried = new ArrayList<>();
    if (flow == Flow.PRODUCER) {
      if (origin == null) {
        return new NoBand("a producer export has a single origin");
      }
      ParticipantCode p = ParticipantCode.of(origin);
      BandLookup b = drawn(label, flow, on, p.code(), PRODUCTION, p, tried);
      return b instanceof Band ? b : or(drawn(label, flow, on, p.code(), EXPORTS, p, tried), tried);
    }
    if (exporter != null) {
      BandLookup b = drawn(label, flow, on, exporter.code(), EXPORTS, exporter, tried);
      if (b instanceof Band) {
        return b;
      }
    }
    if (origin != null) {
      ParticipantCode p = ParticipantCode.of(origin);
      return or(drawn(label, flow, on, p.code(), PRODUCTION, p, tried), tried);
    }
    return or(drawn(label, flow, on, WORLD, PRODUCTION, null, tried), tried);
  }

  private static BandLookup or(BandLookup last, List<String> tried) {
    return last instanceof Band ? last : new NoBand(String.join("; ", tried));
  }

  private BandLookup drawn(
      String label,
      Flow flow,
      LocalDate on,
      String participant,
      String source,
      @Nullable ParticipantCode code,
      List<String> tried) {
    int from = on.getYear() - trailing.lookback();
    int to = on.getYear() - 1;
    List<BandFigure> figures = new ArrayList<>();
    if (code == null) {
      for (int year = from; year <= to; year++) {
        Carats carats = Carats.ZERO;
        org.kimberlite.shared.UsdAmount usd = org.kimberlite.shared.UsdAmount.ZERO;
        for (Statistics.Figure f : statistics.production(year)) {
          carats = carats.plus(f.carats());
          usd = usd.plus(f.valueUsd());
        }
        if (!carats.isZero()) {
          figures.add(new BandFigure(WORLD, year, source, carats, usd));
        }
      }
    } else {
      for (Statistics.YearFigures y : statistics.series(code, from, to)) {
        Statistics.Figure f = source.equals(PRODUCTION) ? y.production() : y.exports();
        if (f != null) {
          figures.add(new BandFigure(participant, y.year(), source, f.carats(), f.valueUsd()));
        }
      }
    }
    BandLookup b =
        PlausibilityBands.band(label, flow, on, participant, source, figures, trailing, factor);
    if (b instanceof NoBand n) {
      tried.add(n.reason());
    }
    return b;
  }

  /** The verdict on a claim: each HS line against its band and, where it can, a price book. */
  @Transactional(readOnly = true)
  public Verdict check(ValueClaim claim) {
    BandLookup lookup = band(claim.singleOrigin(), claim.flow(), claim.exporter(), claim.on());
    List<Verdict.LineVerdict> lines = new ArrayList<>();
    for (int i = 0; i < claim.lines().size(); i++) {
      lines.add(line(i, claim.lines().get(i), claim.on(), lookup));
    }
    if (lines.stream().anyMatch(l -> l.status() == Verdict.Status.OUTSIDE)) {
      return new Verdict.Outside(lines);
    }
    if (lines.stream().anyMatch(l -> l.status() == Verdict.Status.WITHIN)) {
      return new Verdict.Within(lines);
    }
    return new Verdict.NoBand(
        lookup instanceof NoBand n
            ? n.reason()
            : lines.isEmpty() ? "no lines" : "no line has carats to measure",
        lines);
  }

  private Verdict.LineVerdict line(int index, ValueClaim.Line l, LocalDate on, BandLookup lookup) {
    UsdPerCarat perCarat = l.declared().per(l.carats()).orElse(null);
    List<String> words = new ArrayList<>();
    boolean checked = false;
    boolean outside = false;
    Band band = lookup instanceof Band b ? b : null;
    if (band != null && perCarat != null) {
      checked = true;
      boolean in = band.contains(perCarat);
      outside = !in;
      words.add(
          String.format(
              Locale.ROOT,
              "declared USD %s/ct is %s the band USD %s to %s/ct. %s",
              perCarat,
              in ? "within" : "outside",
              band.low(),
              band.high(),
              band.explanation()));
    } else if (band == null) {
      words.add("no statistical band: " + ((NoBand) lookup).reason());
    } else {
      words.add("zero carats: no USD per carat to measure");
    }
    Verdict.BookCheck book = null;
    if (!l.assortment().isEmpty()) {
      Carats breakdown = Carats.sum(l.assortment().stream().map(ParcelLine::carats).toList());
      if (breakdown.compareTo(l.carats()) != 0) {
        words.add(
            "no price-book check: the breakdown weighs "
                + breakdown
                + " ct, the line "
                + l.carats()
                + " ct");
      } else {
        Valuation v;
        try {
          v = valuations.value(on, l.assortment(), null);
        } catch (IllegalArgumentException e) {
          v = null;
          words.add("no price-book check: " + e.getMessage());
        }
        if (v != null && !v.complete()) {
          words.add(
              "no price-book check: "
                  + v.uncovered().size()
                  + " class(es) of the breakdown no book in force prices");
        } else if (v != null && !v.referenceValue().isZero()) {
          PlausibilityBands.Range range = PlausibilityBands.amountBand(v.referenceValue(), factor);
          boolean in = range.contains(l.declared());
          book = new Verdict.BookCheck(v, range.low(), range.high(), factor, in);
          checked = true;
          outside = outside || !in;
          words.add(
              String.format(
                  Locale.ROOT,
                  "declared USD %s is %s USD %s to %s, the price-book reference value USD %s"
                      + " ÷%s to ×%s (books %s)",
                  l.declared(),
                  in ? "within" : "outside",
                  range.low(),
                  range.high(),
                  v.referenceValue(),
                  factor,
                  factor,
                  String.join(
                      ", ",
                      v.lines().stream()
                          .map(x -> x.book() + " v" + x.version())
                          .distinct()
                          .toList())));
        }
      }
    }
    Verdict.Status status =
        !checked
            ? Verdict.Status.NO_BAND
            : outside ? Verdict.Status.OUTSIDE : Verdict.Status.WITHIN;
    return new Verdict.LineVerdict(
        index,
        l.hsCode(),
        l.carats(),
        l.declared(),
        perCarat,
        status,
        band,
        band == null ? ((NoBand) lookup).reason() : null,
        book,
        String.join("; ", words));
  }
}
