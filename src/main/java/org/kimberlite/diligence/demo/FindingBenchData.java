package org.kimberlite.diligence.demo;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Synthetic findings for benchmarks only ({@code ./kimberlite bench}, B5.b): rows written in
 * batches straight to the finding tables, each with one organisation, one participant and one
 * evidence link, raised over the year before {@code now}, to measure the inbox at volume. Never
 * used by the platform itself.
 */
@Service
public class FindingBenchData {
  private static final int BATCH = 5_000;
  private static final String[] RULES = {
    "DD-01", "DD-02", "DD-03", "DD-04", "DD-05", "KP-09", "KP-11", "SOW-03", "SOW-05", "LGD-04"
  };

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;

  public FindingBenchData(JdbcTemplate jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  /**
   * Writes {@code count} findings spread evenly over {@code organisations} and {@code participants}
   * (the n-th finding to the n-th of each, round the lists), in transactions of a few thousand.
   */
  public void findings(
      int count, List<UUID> organisations, List<String> participants, Instant now, long seed) {
    Random random = new Random(seed);
    for (int start = 0; start < count; start += BATCH) {
      int from = start;
      int to = Math.min(count, start + BATCH);
      List<Object[]> findings = new ArrayList<>(to - from);
      List<Object[]> orgs = new ArrayList<>(to - from);
      List<Object[]> parts = new ArrayList<>(to - from);
      List<Object[]> evidence = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        UUID id = new UUID(seed, i);
        String rule = RULES[i % RULES.length];
        Timestamp at =
            Timestamp.from(now.minusSeconds(random.nextInt(365 * 24 * 3600)).minusMillis(i % 1000));
        findings.add(
            new Object[] {
              id, rule, i % 3 == 0 ? "HIGH" : "MEDIUM", "Synthetic finding " + i, "bench:" + i, at
            });
        orgs.add(new Object[] {id, organisations.get(i % organisations.size()), at});
        parts.add(new Object[] {id, participants.get(i % participants.size()), at});
        evidence.add(
            new Object[] {id, "BENCH" + i, "Synthetic certificate " + i, "/api/v1/certificates/X"});
      }
      tx.executeWithoutResult(
          s -> {
            jdbc.batchUpdate(
                "insert into diligence_finding (id, rule, severity, status, escalation, summary,"
                    + " fact_key, raised_at, version) values (?, ?, ?, 'OPEN', 'NONE', ?, ?, ?, 0)",
                findings);
            jdbc.batchUpdate(
                "insert into diligence_finding_organisation (finding_id, organisation_id,"
                    + " raised_at) values (?, ?, ?)",
                orgs);
            jdbc.batchUpdate(
                "insert into diligence_finding_participant (finding_id, participant, raised_at)"
                    + " values (?, ?, ?)",
                parts);
            jdbc.batchUpdate(
                "insert into diligence_evidence (finding_id, position, kind, ref, label, href)"
                    + " values (?, 0, 'certificate', ?, ?, ?)",
                evidence);
          });
    }
  }
}
