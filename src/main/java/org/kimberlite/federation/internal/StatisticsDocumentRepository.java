package org.kimberlite.federation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.ParticipantCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Statistics across nodes: the documents this node made, those the secretariat's node took from
 * other nodes, and the state of fetching them.
 */
@Repository
public class StatisticsDocumentRepository {
  private final JdbcClient jdbc;

  public StatisticsDocumentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A document this node made. */
  public record Own(
      ParticipantCode participant,
      int year,
      long version,
      String figuresHash,
      String jws,
      UUID entryId,
      Instant issuedAt) {}

  /** A document taken from another node. */
  public record Held(
      ParticipantCode participant,
      int year,
      long version,
      String fromNode,
      String jws,
      long checkpointSize,
      Instant receivedAt) {}

  /** The state of fetching from one node. */
  public record Source(
      String nodeId,
      Instant lastAttemptAt,
      @Nullable Instant lastSuccessAt,
      int documents,
      @Nullable String lastError) {}

  private static final String OWN =
      "select participant, period_year, version, figures_hash, jws, entry_id, issued_at"
          + " from federation_statistics_document";
  private static final String HELD =
      "select participant, period_year, version, from_node, jws, checkpoint_size, received_at"
          + " from federation_statistics_held";

  /** The latest version this node made of a participant's year. */
  public Optional<Own> latestOwn(ParticipantCode participant, int year) {
    return jdbc.sql(
            OWN + " where participant = :p and period_year = :y order by version desc limit 1")
        .param("p", participant.code())
        .param("y", year)
        .query((rs, n) -> own(rs))
        .optional();
  }

  /** The latest version of each participant's year, for the years given. */
  public List<Own> latestOwn(int fromYear, int toYear) {
    return jdbc.sql(
            OWN
                + " d where period_year between :from and :to and version = (select max(version) from"
                + " federation_statistics_document m where m.participant = d.participant and"
                + " m.period_year = d.period_year) order by participant, period_year")
        .param("from", fromYear)
        .param("to", toYear)
        .query((rs, n) -> own(rs))
        .list();
  }

  /** Keeps a document made; false when that version exists already. */
  public boolean insertOwn(Own d) {
    return jdbc.sql(
                """
                insert into federation_statistics_document (participant, period_year, version,
                  figures_hash, jws, entry_id, issued_at)
                values (:p, :y, :v, :hash, :jws, :entry, :at) on conflict do nothing
                """)
            .param("p", d.participant().code())
            .param("y", d.year())
            .param("v", d.version())
            .param("hash", d.figuresHash())
            .param("jws", d.jws())
            .param("entry", d.entryId())
            .param("at", utc(d.issuedAt()))
            .update()
        == 1;
  }

  /** The latest version taken of a participant's year. */
  public Optional<Held> latestHeld(ParticipantCode participant, int year) {
    return jdbc.sql(
            HELD + " where participant = :p and period_year = :y order by version desc limit 1")
        .param("p", participant.code())
        .param("y", year)
        .query((rs, n) -> held(rs))
        .optional();
  }

  /** The latest version taken of each participant's year, for the years given. */
  public List<Held> latestHeld(int fromYear, int toYear) {
    return jdbc.sql(
            HELD
                + " d where period_year between :from and :to and version = (select max(version) from"
                + " federation_statistics_held m where m.participant = d.participant and"
                + " m.period_year = d.period_year) order by participant, period_year")
        .param("from", fromYear)
        .param("to", toYear)
        .query((rs, n) -> held(rs))
        .list();
  }

  /** The years of which a document was taken, the latest first (at most {@code max}). */
  public List<Integer> heldYears(int max) {
    return jdbc.sql(
            "select distinct period_year from federation_statistics_held"
                + " order by period_year desc limit :max")
        .param("max", max)
        .query(Integer.class)
        .list();
  }

  /** Keeps a document taken, with its record and proof; false when that version is held. */
  public boolean insertHeld(Held d, String record, String proof) {
    return jdbc.sql(
                """
                insert into federation_statistics_held (participant, period_year, version, from_node,
                  jws, record, proof, checkpoint_size, received_at)
                values (:p, :y, :v, :from, :jws, :record, :proof, :size, :at) on conflict do nothing
                """)
            .param("p", d.participant().code())
            .param("y", d.year())
            .param("v", d.version())
            .param("from", d.fromNode())
            .param("jws", d.jws())
            .param("record", record)
            .param("proof", proof)
            .param("size", d.checkpointSize())
            .param("at", utc(d.receivedAt()))
            .update()
        == 1;
  }

  /** Records an attempt to fetch from {@code nodeId}: a success when {@code error} is null. */
  public void attempt(String nodeId, Instant at, int documents, @Nullable String error) {
    String cut = error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    int updated =
        jdbc.sql(
                "update federation_statistics_source set last_attempt_at = :at, last_error = :e,"
                    + " documents = case when :ok then :docs else documents end,"
                    + " last_success_at = case when :ok then :at else last_success_at end"
                    + " where node_id = :node")
            .param("at", utc(at))
            .param("e", cut)
            .param("ok", error == null)
            .param("docs", documents)
            .param("node", nodeId)
            .update();
    if (updated == 0) {
      jdbc.sql(
              """
              insert into federation_statistics_source (node_id, last_attempt_at, last_success_at,
                documents, last_error)
              values (:node, :at, :success, :docs, :e) on conflict do nothing
              """)
          .param("node", nodeId)
          .param("at", utc(at))
          .param("success", error == null ? utc(at) : null)
          .param("docs", error == null ? documents : 0)
          .param("e", cut)
          .update();
    }
  }

  /** The state of fetching from each node, by node id. */
  public List<Source> sources() {
    return jdbc.sql(
            "select node_id, last_attempt_at, last_success_at, documents, last_error"
                + " from federation_statistics_source order by node_id")
        .query(
            (rs, n) ->
                new Source(
                    rs.getString("node_id"),
                    instant(rs, "last_attempt_at"),
                    nullableInstant(rs, "last_success_at"),
                    rs.getInt("documents"),
                    rs.getString("last_error")))
        .list();
  }

  private static Own own(ResultSet rs) throws SQLException {
    return new Own(
        ParticipantCode.of(rs.getString("participant")),
        rs.getInt("period_year"),
        rs.getLong("version"),
        rs.getString("figures_hash"),
        rs.getString("jws"),
        rs.getObject("entry_id", UUID.class),
        instant(rs, "issued_at"));
  }

  private static Held held(ResultSet rs) throws SQLException {
    return new Held(
        ParticipantCode.of(rs.getString("participant")),
        rs.getInt("period_year"),
        rs.getLong("version"),
        rs.getString("from_node"),
        rs.getString("jws"),
        rs.getLong("checkpoint_size"),
        instant(rs, "received_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return ExchangeRepository.instant(rs, column);
  }

  private static @Nullable Instant nullableInstant(ResultSet rs, String column)
      throws SQLException {
    return ExchangeRepository.nullableInstant(rs, column);
  }

  private static OffsetDateTime utc(Instant at) {
    return ExchangeRepository.utc(at);
  }
}
