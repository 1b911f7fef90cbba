package org.kimberlite.statistics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.kimberlite.shared.problem.Problem;

/** Years from a request, against a fixed clock: 1990 to next year, ranges of at most 50 years. */
class YearParametersTest {
  // 31 December 2026, 23:30 UTC: still 2026 by the application's clock, whatever the JVM's zone.
  final YearParameters years =
      new YearParameters(Clock.fixed(Instant.parse("2026-12-31T23:30:00Z"), ZoneOffset.UTC));

  static void refused(Runnable r, String field) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(
            Problem.class,
            p -> {
              assertThat(p.status()).isEqualTo(422);
              assertThat(p.fieldErrors()).anyMatch(e -> e.field().equals(field));
            });
  }

  @Test
  void theFirstAndTheLastYearAreAcceptedAndTheirNeighboursRefused() {
    assertThat(years.year("year", "1990")).isEqualTo(1990);
    assertThat(years.year("year", "2027")).isEqualTo(2027);
    refused(() -> years.year("year", "1989"), "year");
    refused(() -> years.year("year", "2028"), "year");
  }

  @Test
  void extremeAndMalformedValuesAreRefusedNamingTheParameter() {
    for (String bad :
        new String[] {
          "-2147483648", "2147483647", "99999999999999999999", "abc", "1e3", " ", "-1"
        }) {
      refused(() -> years.year("from", bad), "from");
    }
    refused(() -> years.year("year", null), "year");
    assertThat(years.year("to", null, 2026)).isEqualTo(2026);
  }

  @Test
  void aRangeCoversAtMostFiftyYearsInOrder() {
    assertThat(years.range("from", 1990, "to", 2039))
        .isEqualTo(new YearParameters.Range(1990, 2039));
    refused(() -> years.range("from", 1990, "to", 2040), "to");
    assertThat(years.range("from", 2026, "to", 2026))
        .isEqualTo(new YearParameters.Range(2026, 2026));
    refused(() -> years.range("from", 2026, "to", 2025), "from");
  }
}
