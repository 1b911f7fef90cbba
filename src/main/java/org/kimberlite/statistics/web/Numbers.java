package org.kimberlite.statistics.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.UsdAmount;
import org.kimberlite.shared.UsdPerCarat;

/**
 * How the statistics pages show numbers: amounts with thousands separators and two decimals as they
 * are kept, and short forms ("24.5 M", "4.7 bn") for chart labels. The same in every locale, like
 * the figures in the CSV.
 */
public final class Numbers {
  /** The instance the templates use as {@code num}. */
  public static final Numbers INSTANCE = new Numbers();

  /** Shown where there is no figure. */
  public static final String NONE = "—";

  private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.UK);

  private Numbers() {}

  private static DecimalFormat format(String pattern) {
    DecimalFormat f = new DecimalFormat(pattern, SYMBOLS);
    f.setRoundingMode(RoundingMode.HALF_EVEN);
    return f;
  }

  /**
   * The decimal behind a figure: a {@link BigDecimal}, or a value type's ({@link Carats}, {@link
   * UsdAmount}, {@link UsdPerCarat}); null for none.
   */
  static @Nullable BigDecimal decimal(@Nullable Object figure) {
    return switch (figure) {
      case null -> null;
      case BigDecimal d -> d;
      case Carats c -> c.value();
      case UsdAmount u -> u.value();
      case UsdPerCarat p -> p.value();
      default -> throw new IllegalArgumentException("not a figure: " + figure.getClass().getName());
    };
  }

  /** {@code 24,510,000.00}; a dash for no figure. */
  public String amount(@Nullable Object figure) {
    BigDecimal d = decimal(figure);
    return d == null ? NONE : format("#,##0.00").format(d);
  }

  /** {@code 1,234}. */
  public String count(long n) {
    return format("#,##0").format(n);
  }

  /** A share in percent: {@code 20.18 %}. */
  public String percent(@Nullable Object figure) {
    BigDecimal d = decimal(figure);
    return d == null ? NONE : format("#,##0.00").format(d) + " %";
  }

  /** A short form for a chart: {@code 24.5 M}, {@code 4.7 bn}, {@code 12.3 k}, {@code 148}. */
  public String compact(@Nullable Object figure) {
    BigDecimal d = decimal(figure);
    return d == null ? NONE : compact(d.doubleValue());
  }

  public String compact(double v) {
    String[] suffixes = {"", " k", " M", " bn"};
    double x = v;
    int i = 0;
    while (i < suffixes.length - 1 && Math.abs(x) >= 999.5) {
      x /= 1000;
      i++;
    }
    return significant(x) + suffixes[i];
  }

  /** Three significant digits at most, no trailing zeros: 24.5, 148, 2.25, 0.5. */
  private static String significant(double v) {
    double a = Math.abs(v);
    String pattern = a >= 100 ? "#,##0" : a >= 10 ? "#,##0.#" : "#,##0.##";
    return format(pattern).format(v);
  }

  /** Compact with a currency prefix: {@code US$ 4.7 bn}. */
  public String usd(@Nullable Object figure) {
    BigDecimal d = decimal(figure);
    return d == null ? NONE : "US$ " + compact(d);
  }
}
