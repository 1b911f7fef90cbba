package org.kimberlite.custody.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.custody.CaptureError;
import org.kimberlite.custody.CaptureJob;
import org.kimberlite.custody.ErrorBehaviour;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** SQL of capture jobs. */
@Repository
public class CaptureJobRepository {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  public CaptureJobRepository(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  public void create(
      UUID id,
      UUID organisation,
      UUID account,
      ErrorBehaviour behaviour,
      int events,
      String document,
      Instant at) {
    jdbc.sql(
            """
            insert into custody_capture_job
              (id, organisation_id, account_id, behaviour, running, success, events_total,
               events_stored, events_known, errors_json, document, created_at)
            values (:id, :org, :account, :behaviour, true, true, :events, 0, 0, '{}', :document,
                    :at)
            """)
        .param("id", id)
        .param("org", organisation)
        .param("account", account)
        .param("behaviour", behaviour.wire())
        .param("events", events)
        .param("document", document)
        .param("at", EventRepository.ts(at))
        .update();
  }

  /** A job still to process: whose it is, how to treat errors, and its document. */
  public record Pending(UUID organisationId, ErrorBehaviour behaviour, String document) {}

  /**
   * Those of the jobs {@code ids} that still wait to be processed, in one statement (locked until
   * the transaction ends); a job absent from the answer no longer runs.
   */
  public Map<UUID, Pending> pending(List<UUID> ids) {
    Map<UUID, Pending> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    jdbc.sql(
            "select id, organisation_id, behaviour, document from custody_capture_job"
                + " where id in (:ids) and running and document is not null for update")
        .param("ids", ids)
        .query(
            (ResultSet rs) -> {
              out.put(
                  rs.getObject("id", UUID.class),
                  new Pending(
                      rs.getObject("organisation_id", UUID.class),
                      ErrorBehaviour.parse(rs.getString("behaviour"))
                          .orElse(ErrorBehaviour.ROLLBACK),
                      rs.getString("document")));
            });
    return out;
  }

  /** A job still running and how many events its document holds. */
  public record Running(UUID id, int events) {}

  /** Jobs still running, oldest first (to resume after a restart). */
  public List<Running> running() {
    return jdbc.sql(
            "select id, events_total from custody_capture_job where running order by created_at")
        .query((rs, n) -> new Running(rs.getObject("id", UUID.class), rs.getInt("events_total")))
        .list();
  }

  /** How one job ended: what {@link #finish(List)} writes. */
  public record Finished(
      UUID id,
      boolean success,
      int stored,
      int known,
      List<CaptureError> errors,
      List<CaptureError> findings,
      Instant at) {
    public Finished {
      errors = List.copyOf(errors);
      findings = List.copyOf(findings);
    }
  }

  /** Marks the jobs finished with their report and drops their documents: one batch. */
  public void finish(List<Finished> finished) {
    if (finished.isEmpty()) {
      return;
    }
    List<Object[]> rows = new ArrayList<>(finished.size());
    for (Finished f : finished) {
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("errors", f.errors().stream().map(CaptureJobRepository::json).toList());
      report.put("findings", f.findings().stream().map(CaptureJobRepository::json).toList());
      rows.add(
          new Object[] {
            f.success(),
            f.stored(),
            f.known(),
            JSON.writeValueAsString(report),
            EventRepository.ts(f.at()),
            f.id()
          });
    }
    batch.batchUpdate(
        """
        update custody_capture_job
           set running = false, success = ?, events_stored = ?, events_known = ?,
               errors_json = ?, document = null, finished_at = ?
         where id = ?
        """,
        rows);
  }

  private static Map<String, Object> json(CaptureError e) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("eventIndex", e.eventIndex());
    out.put("rule", e.rule());
    out.put("pointer", e.pointer());
    out.put("detail", e.detail());
    return out;
  }

  private static final String COLUMNS =
      "id, organisation_id, created_at, finished_at, running, success, behaviour, events_total,"
          + " events_stored, events_known, errors_json";

  public Optional<CaptureJob> find(UUID organisation, UUID id) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from custody_capture_job where id = :id and organisation_id = :org")
        .param("id", id)
        .param("org", organisation)
        .query((rs, n) -> job(rs))
        .optional();
  }

  public List<CaptureJob> list(UUID organisation, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from custody_capture_job where organisation_id = :org"
                + " order by created_at desc, id fetch first :limit rows only")
        .param("org", organisation)
        .param("limit", limit)
        .query((rs, n) -> job(rs))
        .list();
  }

  private static CaptureJob job(ResultSet rs) throws SQLException {
    JsonNode report = JSON.readTree(rs.getString("errors_json"));
    OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
    OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
    return new CaptureJob(
        rs.getObject("id", UUID.class),
        rs.getObject("organisation_id", UUID.class),
        created == null ? Instant.EPOCH : created.toInstant(),
        finished == null ? null : finished.toInstant(),
        rs.getBoolean("running"),
        rs.getBoolean("success"),
        ErrorBehaviour.parse(rs.getString("behaviour")).orElse(ErrorBehaviour.ROLLBACK),
        rs.getInt("events_total"),
        rs.getInt("events_stored"),
        rs.getInt("events_known"),
        errors(report.path("errors")),
        errors(report.path("findings")));
  }

  private static List<CaptureError> errors(JsonNode list) {
    List<CaptureError> out = new ArrayList<>();
    for (JsonNode e : list) {
      JsonNode index = e.get("eventIndex");
      @Nullable Integer i = index == null || index.isNull() ? null : index.asInt();
      out.add(
          new CaptureError(
              i,
              e.path("rule").asString(""),
              e.path("pointer").asString(""),
              e.path("detail").asString("")));
    }
    return out;
  }
}
