package org.kimberlite.statistics.internal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.HsCode;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdAmount;
import org.kimberlite.statistics.ImportFlow;
import org.kimberlite.statistics.MirrorTolerance;
import org.kimberlite.statistics.Period;
import org.kimberlite.statistics.ProductionFigure;
import org.kimberlite.statistics.TradeFlow;

/** Flows and figures for the checks' tests, written as text. */
final class CheckFixtures {
  static final String HS = "7102.10";

  private CheckFixtures() {}

  static ParticipantCode code(String code) {
    return ParticipantCode.of(code);
  }

  static List<ParticipantCode> codes(String... codes) {
    return Arrays.stream(codes).map(ParticipantCode::of).toList();
  }

  static TradeFlow export(String from, String to, int year, int quarter, String ct, String usd) {
    return export(from, to, year, quarter, HS, ct, usd);
  }

  static TradeFlow export(
      String from, String to, int year, int quarter, String hs, String ct, String usd) {
    return new TradeFlow(
        code(from),
        code(to),
        new Period(year, quarter),
        HsCode.of(hs),
        Carats.of(ct),
        UsdAmount.of(usd),
        1);
  }

  /** What {@code to} received from {@code from}: exporter first, as in {@link #export}. */
  static ImportFlow importFlow(
      String from, String to, int year, int quarter, String ct, String usd) {
    return new ImportFlow(
        code(from),
        code(to),
        new Period(year, quarter),
        HsCode.of(HS),
        Carats.of(ct),
        UsdAmount.of(usd),
        1);
  }

  static ProductionFigure produced(String who, int year, String half, String ct, String usd) {
    return new ProductionFigure(code(who), year, half, Carats.of(ct), UsdAmount.of(usd));
  }

  static MirrorTolerance lag(int quarters) {
    return new MirrorTolerance(new BigDecimal("0.05"), Carats.of("1.00"), quarters);
  }
}
