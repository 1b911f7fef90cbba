package org.kimberlite.platform.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.UsdAmount;
import org.kimberlite.shared.UsdPerCarat;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * How pages write figures and dates in the reader's language, as {@code #formats} in every
 * template: {@code ${#formats.amount(c.carats())}} is {@code 1,250.40} in English and {@code 1
 * 250,40} in French (as many decimals as the figure keeps), {@code ${#formats.date(c.issuedOn)}} is
 * {@code 28 Nov 2026} or {@code 28 nov. 2026}, and {@code ${#formats.moment(j.createdAt)}} adds the
 * time of day in UTC. No figure or date is a dash. Machine interfaces (JSON, CSV) keep their own
 * formats.
 */
public final class PageFormats {
  /** Shown where there is no figure or date. */
  public static final String NONE = "—";

  private final Locale locale;
  private final DateTimeFormatter date;
  private final DateTimeFormatter moment;

  public PageFormats(Locale locale) {
    this.locale = locale;
    this.date = DateTimeFormatter.ofPattern("d MMM yyyy", locale);
    this.moment = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", locale);
  }

  /**
   * A figure as it is kept, with the reader's separators; a dash for none; other values as they
   * are.
   */
  public String amount(@Nullable Object figure) {
    BigDecimal d =
        switch (figure) {
          case null -> null;
          case BigDecimal b -> b;
          case Carats c -> c.value();
          case UsdAmount u -> u.value();
          case UsdPerCarat p -> p.value();
          case Number n -> new BigDecimal(n.toString());
          default -> null;
        };
    if (d == null) {
      return figure == null ? NONE : figure.toString();
    }
    NumberFormat f = NumberFormat.getNumberInstance(locale);
    int scale = Math.max(0, d.scale());
    f.setMinimumFractionDigits(scale);
    f.setMaximumFractionDigits(scale);
    f.setRoundingMode(RoundingMode.HALF_EVEN);
    return f.format(d);
  }

  /** A day: {@code 28 Nov 2026}; a moment is taken on its day in UTC. */
  public String date(@Nullable Object day) {
    return switch (day) {
      case null -> NONE;
      case LocalDate d -> date.format(d);
      case Instant i -> date.format(i.atOffset(ZoneOffset.UTC));
      case OffsetDateTime o -> date.format(o.withOffsetSameInstant(ZoneOffset.UTC));
      case ZonedDateTime z -> date.format(z.withZoneSameInstant(ZoneOffset.UTC));
      default -> day.toString();
    };
  }

  /** A moment to the minute, in UTC: {@code 28 Nov 2026, 14:05 UTC}. */
  public String moment(@Nullable Object at) {
    return switch (at) {
      case null -> NONE;
      case Instant i -> moment.format(i.atOffset(ZoneOffset.UTC));
      case OffsetDateTime o -> moment.format(o.withOffsetSameInstant(ZoneOffset.UTC));
      case ZonedDateTime z -> moment.format(z.withZoneSameInstant(ZoneOffset.UTC));
      default -> date(at);
    };
  }

  /** Makes {@code #formats} known to every template, in the language of the page being drawn. */
  @Component
  static class Dialect extends AbstractDialect implements IExpressionObjectDialect {
    Dialect() {
      super("kimberlite-formats");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
      return new IExpressionObjectFactory() {
        @Override
        public Set<String> getAllExpressionObjectNames() {
          return Set.of("formats");
        }

        @Override
        public Object buildObject(IExpressionContext context, String name) {
          return new PageFormats(context.getLocale());
        }

        @Override
        public boolean isCacheable(String name) {
          return true;
        }
      };
    }
  }
}
