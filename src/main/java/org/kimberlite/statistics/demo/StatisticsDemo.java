package org.kimberlite.statistics.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdAmount;
import org.kimberlite.statistics.ProductionReport;
import org.kimberlite.statistics.PublishedFigures;
import org.kimberlite.statistics.internal.ProductionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo world's statistics: the published production figures (bundled copy of kp-stats, with
 * their sources) as reference data, and the demo producers' half-year production reports (half of
 * their 2022 figures each) for last year and for the halves of this year begun. Run it before the
 * demo's certificates, so that due diligence judges their origins against reported production.
 */
@Service
public class StatisticsDemo {
  /** 2022 production (carats, USD) of the demo producers, source ndc2022 (kp-stats). */
  static final Map<String, long[]> PRODUCTION_2022 =
      Map.of(
          "BW", new long[] {24_510_000L, 4_700_000_000L},
          "RU", new long[] {41_924_000L, 3_554_000_000L},
          "CA", new long[] {16_249_000L, 1_878_000_000L},
          "ZA", new long[] {9_660_000L, 1_539_000_000L},
          "CD", new long[] {10_780_000L, 77_000_000L});

  /** The demo's trading participants, which report nil production. */
  static final List<String> NO_PRODUCTION = List.of("EU", "AE", "IN", "US");

  private final PublishedFigures published;
  private final ProductionRepository production;
  private final Clock clock;

  public StatisticsDemo(PublishedFigures published, ProductionRepository production, Clock clock) {
    this.published = published;
    this.production = production;
    this.clock = clock;
  }

  @Transactional
  public void create() {
    InputStream in =
        StatisticsDemo.class
            .getClassLoader()
            .getResourceAsStream("statistics/kp_production_by_country.csv");
    if (in != null) {
      try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        published.importProductionCsv(r, null);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    LocalDate today = LocalDate.now(clock);
    // Last year's two halves and this year's halves begun, so that every year the demo's
    // certificates touch has its production reported (else DD-02 would flag every producer).
    for (int year = today.getYear() - 1; year <= today.getYear(); year++) {
      for (String half : List.of("H1", "H2")) {
        if (year == today.getYear() && half.equals("H2") && today.getMonthValue() <= 6) {
          continue;
        }
        for (var e : new TreeMap<>(PRODUCTION_2022).entrySet()) {
          report(e.getKey(), year, half, e.getValue());
        }
        // The trading participants mine nothing and report so (a nil report), as KP asks.
        for (String trader : NO_PRODUCTION) {
          report(trader, year, half, new long[] {0, 0});
        }
      }
    }
  }

  /** A half-year report of half the 2022 figures. */
  private void report(String participant, int year, String half, long[] figures) {
    BigDecimal two = new BigDecimal("2");
    production.insert(
        new ProductionReport(
            ParticipantCode.of(participant),
            participant,
            year,
            half,
            production.nextRevision(participant, year, half),
            Carats.of(BigDecimal.valueOf(figures[0]).divide(two, 2, RoundingMode.HALF_EVEN)),
            UsdAmount.of(BigDecimal.valueOf(figures[1]).divide(two, 2, RoundingMode.HALF_EVEN)),
            null,
            null,
            null,
            "demo report",
            "demo",
            clock.instant().truncatedTo(ChronoUnit.MILLIS)));
  }
}
