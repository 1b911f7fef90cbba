package org.kimberlite.statistics.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.kimberlite.shared.problem.Problem;
import org.kimberlite.support.FuzzRuns;

/**
 * Fuzz target for the year parameters of statistics requests: a year from 1990 to next year, or a
 * 422 {@link Problem}; a range of two such years is checked for order and span, again with a
 * Problem at worst.
 *
 * <p>Kept inputs: src/test/resources/org/kimberlite/statistics/web/YearParametersFuzzTestInputs/
 * years/ (two parameters separated by a line break); to fuzz: {@code JAZZER_FUZZ=1 ./mvnw -B test
 * -Dtest='YearParametersFuzzTest' -Djazzer.hooks=true} (30 s, the maxDuration of the annotation).
 */
class YearParametersFuzzTest {
  private static final YearParameters YEARS =
      new YearParameters(Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));

  @FuzzTest(maxDuration = "30s")
  void years(byte[] input) {
    FuzzRuns.count("YearParametersFuzzTest#years");
    String text = new String(input, StandardCharsets.UTF_8);
    int split = text.indexOf('\n');
    String from = split < 0 ? text : text.substring(0, split);
    String to = split < 0 ? null : text.substring(split + 1);
    try {
      int f = YEARS.year("from", from);
      int t = YEARS.year("to", to, YEARS.last());
      assertThat(f).isBetween(YearParameters.FIRST, 2027);
      assertThat(t).isBetween(YearParameters.FIRST, 2027);
      YearParameters.Range r = YEARS.range("from", f, "to", t);
      assertThat(r.to() - r.from()).isBetween(0, YearParameters.MAX_SPAN - 1);
    } catch (Problem refused) {
      assertThat(refused.getMessage()).isNotNull();
    }
  }
}
