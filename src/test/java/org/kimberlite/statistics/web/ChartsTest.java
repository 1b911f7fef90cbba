package org.kimberlite.statistics.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartsTest {
  static final Numbers NUM = Numbers.INSTANCE;

  @Test
  void numbersHaveThousandsSeparatorsAndShortForms() {
    assertThat(NUM.amount(new BigDecimal("24510000"))).isEqualTo("24,510,000.00");
    assertThat(NUM.amount(new BigDecimal("2254886568.57"))).isEqualTo("2,254,886,568.57");
    assertThat(NUM.amount(null)).isEqualTo("—");
    assertThat(NUM.count(12345)).isEqualTo("12,345");
    assertThat(NUM.percent(new BigDecimal("20.18"))).isEqualTo("20.18 %");
    assertThat(NUM.compact(new BigDecimal("24510000"))).isEqualTo("24.5 M");
    assertThat(NUM.compact(new BigDecimal("4700000000"))).isEqualTo("4.7 bn");
    assertThat(NUM.compact(new BigDecimal("16285000000"))).isEqualTo("16.3 bn");
    assertThat(NUM.compact(new BigDecimal("148.83"))).isEqualTo("149");
    assertThat(NUM.compact(new BigDecimal("10.77"))).isEqualTo("10.8");
    assertThat(NUM.compact(999_700)).isEqualTo("1 M");
    assertThat(NUM.compact(2_500_000)).isEqualTo("2.5 M");
    assertThat(NUM.compact(0)).isEqualTo("0");
    assertThat(NUM.usd(new BigDecimal("4700000000"))).isEqualTo("US$ 4.7 bn");
  }

  @Test
  void scalesEndOnARoundNumber() {
    Charts.Scale s = Charts.Scale.of(41_924_000);
    assertThat(s.step()).isEqualTo(10_000_000);
    assertThat(s.max()).isEqualTo(50_000_000);
    assertThat(s.ticks()).containsExactly(0d, 1e7, 2e7, 3e7, 4e7, 5e7);
    assertThat(Charts.Scale.of(1066).ticks())
        .containsExactly(0d, 200d, 400d, 600d, 800d, 1000d, 1200d);
    assertThat(Charts.Scale.of(600.78).ticks()).containsExactly(0d, 250d, 500d, 750d);
    assertThat(Charts.Scale.of(40).ticks()).containsExactly(0d, 10d, 20d, 30d, 40d);
    assertThat(Charts.Scale.of(100).max()).isEqualTo(100);
    assertThat(Charts.Scale.of(0).max()).isEqualTo(1);
  }

  @Test
  void barsAreProportionalAndTheReferenceIsMarked() {
    Charts.BarChart chart =
        Charts.bars(
            "c",
            "Title",
            "Description",
            "tone-carats",
            List.of(
                new Charts.Datum("Russian Federation", new BigDecimal("40"), "40 ct", "/r"),
                new Charts.Datum(
                    "Democratic Republic of the Congo", new BigDecimal("10"), "10 ct", null),
                new Charts.Datum("Nowhere", BigDecimal.ZERO, "0 ct", null)),
            new BigDecimal("25"),
            "World 25");
    int plot = Charts.BAR_WIDTH - Charts.BAR_LEFT - Charts.BAR_RIGHT;
    assertThat(chart.bars()).hasSize(3);
    assertThat(chart.bars().get(0).length()).isEqualTo(plot, within());
    assertThat(chart.bars().get(1).length()).isEqualTo(plot * 0.25, within());
    assertThat(chart.bars().get(2).length()).isZero();
    assertThat(chart.bars().get(1).label()).hasSize(Charts.LABEL_CHARS).endsWith("…");
    assertThat(chart.bars().get(1).tooltip()).isEqualTo("Democratic Republic of the Congo: 10 ct");
    assertThat(chart.marker()).isNotNull();
    assertThat(chart.marker().x()).isEqualTo(Charts.BAR_LEFT + plot * 0.625, within());
    assertThat(chart.viewBox()).isEqualTo("0 0 560 " + chart.height());
    assertThat(chart.ticks())
        .extracting(Charts.Tick::label)
        .containsExactly("0", "10", "20", "30", "40");
  }

  @Test
  void aLineIsDashedAcrossYearsWithoutFigures() {
    Charts.YearChart chart =
        Charts.line(
            "p",
            "Title",
            "Description",
            2016,
            2023,
            new Charts.Series(
                "US$ per carat",
                "tone-price",
                Map.of(
                    2016, new BigDecimal("139"),
                    2020, new BigDecimal("148.83"),
                    2022, new BigDecimal("191.76"),
                    2023, new BigDecimal("184")),
                NUM::amount));
    assertThat(chart.dots()).hasSize(4);
    assertThat(chart.segments()).extracting(Charts.Segment::gap).containsExactly(true, true, false);
    assertThat(chart.xTicks()).extracting(Charts.Tick::label).contains("2016", "2023");
    assertThat(chart.dots().get(0).tooltip()).isEqualTo("US$ per carat 2016: 139.00");
  }

  @Test
  void columnsSitSideBySidePerYear() {
    Charts.YearChart chart =
        Charts.columns(
            "t",
            "Title",
            "Description",
            2025,
            2026,
            List.of(
                new Charts.Series(
                    "Exports", "tone-exports", Map.of(2025, new BigDecimal("10")), NUM::compact),
                new Charts.Series(
                    "Imports",
                    "tone-imports",
                    Map.of(2025, new BigDecimal("5"), 2026, new BigDecimal("20")),
                    NUM::compact)));
    assertThat(chart.columns()).hasSize(3);
    Charts.Column exports = chart.columns().get(0);
    Charts.Column imports2025 =
        chart.columns().stream()
            .filter(c -> c.tooltip().equals("Imports 2025: 5"))
            .findFirst()
            .orElseThrow();
    assertThat(imports2025.x()).isGreaterThan(exports.x());
    assertThat(imports2025.height()).isEqualTo(exports.height() / 2, within());
    assertThat(chart.legend())
        .extracting(Charts.Legend::name)
        .containsExactly("Exports", "Imports");
    assertThat(chart.columns())
        .allSatisfy(c -> assertThat(c.y() + c.height()).isEqualTo(chart.axisY(), within()));
  }

  static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.11);
  }
}
