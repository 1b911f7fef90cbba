package org.kimberlite.statistics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.UsdAmount;
import org.kimberlite.statistics.Finding;
import org.kimberlite.statistics.Period;

/** What the three statistics checks share: totals, the quarters of a span, percentages, order. */
final class CheckFigures {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private CheckFigures() {}

  /** Carats, US dollars and certificates summed over some flows or figures. */
  record Totals(Carats carats, UsdAmount usd, long certificates) {
    static final Totals NONE = new Totals(Carats.ZERO, UsdAmount.ZERO, 0);

    Totals plus(Totals other) {
      return new Totals(
          carats.plus(other.carats), usd.plus(other.usd), certificates + other.certificates);
    }
  }

  /** Every quarter from {@code first} to {@code last}, both included. */
  static List<Period> quarters(Period first, Period last) {
    List<Period> all = new ArrayList<>();
    for (Period p = first; p.compareTo(last) <= 0; p = p.next()) {
      all.add(p);
    }
    return all;
  }

  /** 0.1234 → {@code 12.3 %}. */
  static String percent(BigDecimal fraction) {
    return fraction.multiply(HUNDRED).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + " %";
  }

  static String signedPercent(BigDecimal fraction) {
    return (fraction.signum() > 0 ? "+" : "") + percent(fraction);
  }

  static List<Finding> sorted(List<Finding> findings) {
    findings.sort(Finding.ORDER);
    return List.copyOf(findings);
  }
}
