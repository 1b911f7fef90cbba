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
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * How the statistics pages show numbers: amounts with thousands separators and two decimals as they
 * are kept, and short forms ("24.5 M", "4.7 bn") for chart labels. {@link #INSTANCE} writes them
 * the same in every locale, like the figures in the CSV; {@link #page()} in the reader's language
 * ({@code 1 234,56} and "4,7 Md" in French).
 */
public final class Numbers {
  /** English figures, whatever the reader's language. */
  public static final Numbers INSTANCE =
      new Numbers(
          DecimalFormatSymbols.getInstance(Locale.UK), new String[] {"", " k", " M", " bn"});

  private static final Numbers FRENCH =
      new Numbers(
          DecimalFormatSymbols.getInstance(Locale.FRANCE), new String[] {"", " k", " M", " Md"});

  /** Shown where there is no figure. */
  public static final String NONE = "—";

  private final DecimalFormatSymbols symbols;
  private final String[] suffixes;

  private Numbers(DecimalFormatSymbols symbols, String[] suffixes) {
    this.symbols = symbols;
    this.suffixes = suffixes;
  }

  /** Figures in {@code locale}'s language: French, or else English. */
  public static Numbers forLocale(Locale locale) {
    return locale.getLanguage().equals("fr") ? FRENCH : INSTANCE;
  }

  /** Figures in the language of the page being drawn (English outside a request). */
  public static Numbers page() {
    return LocaleContextHolder.getLocaleContext() == null
        ? INSTANCE
        : forLocale(LocaleContextHolder.getLocale());
  }

  private DecimalFormat format(String pattern) {
    DecimalFormat f = new DecimalFormat(pattern, symbols);
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

  /** The whole: {@code 100.00 %}. */
  public String whole() {
    return percent(BigDecimal.valueOf(100));
  }

  /** An amount of US dollars in full: {@code US$ 1,234.56}, in French {@code 1 234,56 US$}. */
  public String usdAmount(@Nullable Object figure) {
    BigDecimal d = decimal(figure);
    if (d == null) {
      return NONE;
    }
    return this == FRENCH ? amount(d) + " US$" : "US$ " + amount(d);
  }

  /** A short form for a chart: {@code 24.5 M}, {@code 4.7 bn}, {@code 12.3 k}, {@code 148}. */
  public String compact(@Nullable Object figure) {
    BigDecimal d = decimal(figure);
    return d == null ? NONE : compact(d.doubleValue());
  }

  public String compact(double v) {
    double x = v;
    int i = 0;
    while (i < suffixes.length - 1 && Math.abs(x) >= 999.5) {
      x /= 1000;
      i++;
    }
    return significant(x) + suffixes[i];
  }

  /** Three significant digits at most, no trailing zeros: 24.5, 148, 2.25, 0.5. */
  private String significant(double v) {
    double a = Math.abs(v);
    String pattern = a >= 100 ? "#,##0" : a >= 10 ? "#,##0.#" : "#,##0.##";
    return format(pattern).format(v);
  }

  /** Compact with a currency prefix: {@code US$ 4.7 bn}. */
  public String usd(@Nullable Object figure) {
    BigDecimal d = decimal(figure);
    if (d == null) {
      return NONE;
    }
    return this == FRENCH ? compact(d) + " US$" : "US$ " + compact(d);
  }
}
