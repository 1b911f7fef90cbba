package org.kimberlite.certification.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.kimberlite.certification.internal.TradeAggregates;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Synthetic certificates for benchmarks only ({@code ./kimberlite bench --statistics}): rows
 * written in batches straight to the certificate tables, unsigned and uncommitted to the log, to
 * measure the statistics queries at volume. Never used by the platform itself.
 */
@Service
public class BenchData {
  private final JdbcTemplate jdbc;
  private final TradeAggregates aggregates;

  public BenchData(JdbcTemplate jdbc, TradeAggregates aggregates) {
    this.jdbc = jdbc;
    this.aggregates = aggregates;
  }

  /** A pair of participants and the organisations that trade between them. */
  public record Lane(String from, String to, UUID authority, UUID exporter, UUID importer) {}

  /** Writes {@code count} certificates of {@code year} spread over the lanes; most confirmed. */
  @Transactional
  public void certificates(int count, int year, List<Lane> lanes, long seed) {
    Random random = new Random(seed);
    List<Object[]> certs = new ArrayList<>();
    List<Object[]> lines = new ArrayList<>();
    List<Object[]> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Lane lane = lanes.get(i % lanes.size());
      String number = "ZZ" + year + String.format(Locale.ROOT, "%07d", i);
      LocalDate issued = LocalDate.of(year, 1, 1).plusDays(random.nextInt(360));
      java.math.BigDecimal carats = java.math.BigDecimal.valueOf(100 + random.nextInt(100_000), 2);
      java.math.BigDecimal value =
          carats.multiply(java.math.BigDecimal.valueOf(50 + random.nextInt(300)));
      boolean cancelled = i % 40 == 0;
      String status = cancelled ? "CANCELLED" : "CONFIRMED";
      certs.add(
          new Object[] {
            number,
            lane.from(),
            lane.authority(),
            "Bench authority",
            "BW",
            lane.exporter(),
            "Bench exporter",
            "BW",
            lane.importer(),
            "Bench importer",
            "BE",
            lane.to(),
            "SINGLE",
            lane.from(),
            1,
            "SEAL",
            issued,
            issued.plusDays(30),
            status,
            issued.plusDays(5),
            carats,
            value,
            "bench",
            "bench"
          });
      lines.add(new Object[] {number, 1, "7102.31", carats, value});
      if (!cancelled) {
        events.add(
            new Object[] {
              number,
              "CONFIRMED",
              issued.plusDays(5),
              "bench",
              java.sql.Timestamp.valueOf(issued.plusDays(5).atStartOfDay())
            });
      }
      if (certs.size() == 5_000 || i == count - 1) {
        flush(certs, lines, events);
      }
    }
    aggregates.rebuild();
  }

  private void flush(List<Object[]> certs, List<Object[]> lines, List<Object[]> events) {
    jdbc.batchUpdate(
        """
        insert into kp_certificate
          (number, issuing_participant, issuing_authority, authority_name, authority_country,
           exporter, exporter_name, exporter_country, importer, importer_name, importer_country,
           importing_participant, origin_kind, origin_countries, parcels, seal_id, issued_on,
           expires_on, status, status_on, carats, value_usd, signature, audience, created_at, version)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, current_timestamp, 0)
        """,
        certs);
    jdbc.batchUpdate(
        "insert into kp_certificate_line (number, line_no, hs_code, carats, value_usd) values (?, ?, ?, ?, ?)",
        lines);
    jdbc.batchUpdate(
        """
        insert into kp_certificate_event (number, status, effective_on, details, recorded_at)
        values (?, ?, ?, ?, ?)
        """,
        events);
    certs.clear();
    lines.clear();
    events.clear();
  }
}
