package org.kimberlite.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.UsdAmount;

/** Figures and dates on the pages, in English and in French. */
class PageFormatsTest {
  final PageFormats english = new PageFormats(Locale.ENGLISH);
  final PageFormats french = new PageFormats(Locale.FRENCH);

  /** French groups thousands with a narrow no-break space; compare with a plain space. */
  static String plain(String s) {
    return s.replace('\u202f', ' ').replace('\u00a0', ' ');
  }

  @Test
  void figuresKeepTheirDecimalsWithTheReadersSeparators() {
    assertThat(english.amount(Carats.of("1250.40"))).isEqualTo("1,250.40");
    assertThat(plain(french.amount(Carats.of("1250.40")))).isEqualTo("1 250,40");
    assertThat(english.amount(UsdAmount.of("6404397.63"))).isEqualTo("6,404,397.63");
    assertThat(plain(french.amount(new BigDecimal("0.90")))).isEqualTo("0,90");
    assertThat(english.amount(12)).isEqualTo("12");
    assertThat(english.amount(null)).isEqualTo(PageFormats.NONE);
    assertThat(english.amount("n/a")).isEqualTo("n/a");
  }

  @Test
  void datesAndMomentsInTheReadersLanguage() {
    LocalDate day = LocalDate.of(2026, 11, 28);
    assertThat(english.date(day)).isEqualTo("28 Nov 2026");
    assertThat(french.date(day)).isEqualTo("28 nov. 2026");
    Instant at = Instant.parse("2026-02-03T23:30:00Z");
    assertThat(english.moment(at)).isEqualTo("3 Feb 2026, 23:30 UTC");
    assertThat(french.moment(at)).isEqualTo("3 févr. 2026, 23:30 UTC");
    assertThat(french.date(at)).isEqualTo("3 févr. 2026");
    assertThat(english.date(null)).isEqualTo(PageFormats.NONE);
    assertThat(english.moment(day)).isEqualTo("28 Nov 2026");
  }
}
