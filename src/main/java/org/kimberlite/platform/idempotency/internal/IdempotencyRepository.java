package org.kimberlite.platform.idempotency.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Idempotency keys by (scope, key). Every statement but {@link #markEffected} runs on its own
 * (auto-commit), outside any action's transaction; {@link #markEffected} runs inside the action's.
 */
@Repository
public class IdempotencyRepository {
  /** A stored key. */
  public record Row(
      String fingerprint,
      String state,
      UUID attempt,
      Instant startedAt,
      Instant expiresAt,
      @Nullable Integer status,
      @Nullable String headers,
      byte @Nullable [] body) {}

  private final JdbcClient jdbc;

  public IdempotencyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static OffsetDateTime ts(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** Inserts the key as IN_FLIGHT; throws DuplicateKeyException when it is there already. */
  public void insert(
      String scope, String key, String fingerprint, UUID attempt, Instant now, Instant expires) {
    jdbc.sql(
            """
            insert into idempotency_key
              (scope, idem_key, fingerprint, state, attempt, started_at, expires_at)
            values (:scope, :key, :fingerprint, 'IN_FLIGHT', :attempt, :now, :expires)
            """)
        .param("scope", scope)
        .param("key", key)
        .param("fingerprint", fingerprint)
        .param("attempt", attempt)
        .param("now", ts(now))
        .param("expires", ts(expires))
        .update();
  }

  public Optional<Row> find(String scope, String key) {
    return jdbc.sql(
            """
            select fingerprint, state, attempt, started_at, expires_at, status, headers, body
            from idempotency_key where scope = :scope and idem_key = :key
            """)
        .param("scope", scope)
        .param("key", key)
        .query(IdempotencyRepository::row)
        .optional();
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    int status = rs.getInt("status");
    Integer nullableStatus = rs.wasNull() ? null : status;
    return new Row(
        rs.getString("fingerprint"),
        rs.getString("state"),
        rs.getObject("attempt", UUID.class),
        rs.getObject("started_at", OffsetDateTime.class).toInstant(),
        rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
        nullableStatus,
        rs.getString("headers"),
        rs.getBytes("body"));
  }

  /** Deletes the key if it expired and still belongs to {@code attempt}. */
  public int deleteExpired(String scope, String key, UUID attempt, Instant now) {
    return jdbc.sql(
            """
            delete from idempotency_key
            where scope = :scope and idem_key = :key and attempt = :attempt and expires_at <= :now
            """)
        .param("scope", scope)
        .param("key", key)
        .param("attempt", attempt)
        .param("now", ts(now))
        .update();
  }

  /** Gives an abandoned IN_FLIGHT key to a new attempt; 1 when it was taken over. */
  public int takeOver(String scope, String key, UUID from, UUID to, Instant now) {
    return jdbc.sql(
            """
            update idempotency_key set attempt = :to, started_at = :now
            where scope = :scope and idem_key = :key and attempt = :from and state = 'IN_FLIGHT'
            """)
        .param("scope", scope)
        .param("key", key)
        .param("from", from)
        .param("to", to)
        .param("now", ts(now))
        .update();
  }

  /**
   * Marks, inside the action's own transaction, that the action took effect; 0 when the attempt no
   * longer owns the key (the transaction must then roll back).
   */
  public int markEffected(String scope, String key, UUID attempt) {
    return jdbc.sql(
            """
            update idempotency_key set state = 'EFFECTED'
            where scope = :scope and idem_key = :key and attempt = :attempt
              and state in ('IN_FLIGHT', 'EFFECTED')
            """)
        .param("scope", scope)
        .param("key", key)
        .param("attempt", attempt)
        .update();
  }

  /** Keeps the answer; 0 when the attempt no longer owns the key. */
  public int complete(
      String scope, String key, UUID attempt, int status, String headers, byte[] body) {
    return jdbc.sql(
            """
            update idempotency_key set state = 'DONE', status = :status, headers = :headers,
              body = :body
            where scope = :scope and idem_key = :key and attempt = :attempt
              and state in ('IN_FLIGHT', 'EFFECTED')
            """)
        .param("scope", scope)
        .param("key", key)
        .param("attempt", attempt)
        .param("status", status)
        .param("headers", headers)
        .param("body", body)
        .update();
  }

  /** Frees a key whose action took no effect (it failed before committing anything). */
  public int release(String scope, String key, UUID attempt) {
    return jdbc.sql(
            """
            delete from idempotency_key
            where scope = :scope and idem_key = :key and attempt = :attempt
              and state = 'IN_FLIGHT'
            """)
        .param("scope", scope)
        .param("key", key)
        .param("attempt", attempt)
        .update();
  }

  /** Deletes every key that expired before {@code now}; the number deleted. */
  public int purge(Instant now) {
    return jdbc.sql("delete from idempotency_key where expires_at <= :now")
        .param("now", ts(now))
        .update();
  }
}
