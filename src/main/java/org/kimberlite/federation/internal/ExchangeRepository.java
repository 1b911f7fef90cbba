package org.kimberlite.federation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.CertificateStatus;
import org.kimberlite.federation.DeliveryKind;
import org.kimberlite.federation.IncomingCertificate;
import org.kimberlite.federation.IncomingRecords;
import org.kimberlite.federation.OutboxEntry;
import org.kimberlite.shared.ParticipantCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The directories accepted, the outbox, and the certificates delivered here. */
@Repository
public class ExchangeRepository {
  private static final String OUTBOX =
      "select id, number, kind, issuing_participant, importing_participant, created_at, attempts,"
          + " next_attempt_at, target_node, delivered_at, last_error from federation_outbox";
  private static final String INCOMING =
      "select number, from_node, issuing_participant, importing_participant, status, record,"
          + " proof, received_at, changed_at, confirmed_on, confirmation from federation_incoming";

  private final JdbcClient jdbc;

  public ExchangeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // ------------------------------------------------------------------ directory

  /** The newest directory accepted, as signed. */
  public Optional<String> latestDirectory() {
    return jdbc.sql("select jws from federation_directory order by version desc limit 1")
        .query(String.class)
        .optional();
  }

  /** Keeps an accepted directory; false when its version is held already. */
  public boolean insertDirectory(long version, String jws, Instant issuedAt, Instant at) {
    return jdbc.sql(
                """
                insert into federation_directory (version, jws, issued_at, accepted_at)
                values (:v, :jws, :issued, :at) on conflict do nothing
                """)
            .param("v", version)
            .param("jws", jws)
            .param("issued", utc(issuedAt))
            .param("at", utc(at))
            .update()
        == 1;
  }

  // ------------------------------------------------------------------ outbox

  /** Adds a delivery unless one of this certificate and kind exists; true when added. */
  public boolean enqueue(
      String number,
      DeliveryKind kind,
      ParticipantCode issuing,
      ParticipantCode importing,
      Instant at) {
    return jdbc.sql(
                """
                insert into federation_outbox (id, number, kind, issuing_participant,
                  importing_participant, created_at, attempts, next_attempt_at)
                values (:id, :number, :kind, :issuing, :importing, :at, 0, :at)
                on conflict do nothing
                """)
            .param("id", UUID.randomUUID())
            .param("number", number)
            .param("kind", kind.name())
            .param("issuing", issuing.code())
            .param("importing", importing.code())
            .param("at", utc(at))
            .update()
        == 1;
  }

  /** Undelivered entries due at {@code now}, oldest first. */
  public List<OutboxEntry> due(Instant now, int max) {
    return jdbc.sql(
            OUTBOX
                + " where delivered_at is null and next_attempt_at <= :now"
                + " order by created_at, id limit :max")
        .param("now", utc(now))
        .param("max", max)
        .query((rs, n) -> outbox(rs))
        .list();
  }

  /**
   * Takes {@code e} for one attempt: moves its next attempt to {@code until} unless another process
   * took it first; true when this one has it.
   */
  public boolean claim(OutboxEntry e, Instant until) {
    return jdbc.sql(
                """
                update federation_outbox set next_attempt_at = :until
                where id = :id and delivered_at is null and next_attempt_at = :seen
                """)
            .param("until", utc(until))
            .param("id", e.id())
            .param("seen", utc(e.nextAttemptAt()))
            .update()
        == 1;
  }

  public void delivered(UUID id, String target, Instant at) {
    jdbc.sql(
            """
            update federation_outbox set delivered_at = :at, target_node = :target,
              attempts = attempts + 1, last_error = null
            where id = :id
            """)
        .param("at", utc(at))
        .param("target", target)
        .param("id", id)
        .update();
  }

  /** A failed attempt: counted, with its reason, tried again at {@code next}. */
  public void failed(UUID id, @Nullable String target, String error, Instant next) {
    jdbc.sql(
            """
            update federation_outbox set attempts = attempts + 1, last_error = :error,
              next_attempt_at = :next, target_node = :target
            where id = :id
            """)
        .param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
        .param("next", utc(next))
        .param("target", target)
        .param("id", id)
        .update();
  }

  /** Not ready yet (the entry awaits its index): tried again at {@code next}, not counted. */
  public void postpone(UUID id, String reason, Instant next) {
    jdbc.sql(
            "update federation_outbox set next_attempt_at = :next, last_error = :reason where id = :id")
        .param("next", utc(next))
        .param("reason", reason)
        .param("id", id)
        .update();
  }

  /**
   * The outbox, newest first; when {@code participant} is given, its own deliveries: certificates
   * it issued and their cancellations, and its confirmations of certificates it imports.
   */
  public List<OutboxEntry> outbox(@Nullable ParticipantCode participant, int max) {
    String order = " order by created_at desc, id limit :max";
    var sql =
        participant == null
            ? jdbc.sql(OUTBOX + order)
            : jdbc.sql(
                    OUTBOX
                        + " where (kind <> 'CONFIRMED' and issuing_participant = :p)"
                        + " or (kind = 'CONFIRMED' and importing_participant = :p)"
                        + order)
                .param("p", participant.code());
    return sql.param("max", max).query((rs, n) -> outbox(rs)).list();
  }

  /** How many deliveries wait, and how many of them failed at least once. */
  public long[] undelivered() {
    return jdbc.sql(
            """
            select count(*) as waiting,
              coalesce(sum(case when last_error is not null and attempts > 0 then 1 else 0 end), 0)
                as failing
            from federation_outbox where delivered_at is null
            """)
        .query((rs, n) -> new long[] {rs.getLong("waiting"), rs.getLong("failing")})
        .single();
  }

  // ------------------------------------------------------------------ incoming

  public Optional<IncomingCertificate> incoming(String number) {
    return jdbc.sql(INCOMING + " where number = :n")
        .param("n", number)
        .query((rs, n) -> incoming(rs))
        .optional();
  }

  public List<IncomingCertificate> incomingList(@Nullable ParticipantCode importing, int max) {
    String order = " order by received_at desc, number limit :max";
    var sql =
        importing == null
            ? jdbc.sql(INCOMING + order)
            : jdbc.sql(INCOMING + " where importing_participant = :p" + order)
                .param("p", importing.code());
    return sql.param("max", max).query((rs, n) -> incoming(rs)).list();
  }

  public boolean insertIncoming(IncomingCertificate c) {
    return jdbc.sql(
                """
                insert into federation_incoming (number, from_node, issuing_participant,
                  importing_participant, status, record, proof, received_at, changed_at)
                values (:number, :from, :issuing, :importing, :status, :record, :proof, :at, :at)
                on conflict do nothing
                """)
            .param("number", c.number())
            .param("from", c.fromNode())
            .param("issuing", c.issuingParticipant().code())
            .param("importing", c.importingParticipant().code())
            .param("status", c.status().name())
            .param("record", c.record())
            .param("proof", c.proof())
            .param("at", utc(c.receivedAt()))
            .update()
        == 1;
  }

  /** The incoming certificate {@code number}, locked until the transaction ends. */
  public Optional<IncomingCertificate> lockIncoming(String number) {
    return jdbc.sql(INCOMING + " where number = :n for update")
        .param("n", number)
        .query((rs, n) -> incoming(rs))
        .optional();
  }

  /** Records the importing authority's confirmation; false when the certificate is not issued. */
  public boolean confirmIncoming(
      String number, java.time.LocalDate receivedOn, String confirmation, Instant at) {
    return jdbc.sql(
                """
                update federation_incoming set status = 'CONFIRMED', confirmed_on = :on,
                  confirmation = :confirmation, changed_at = :at
                where number = :n and status = 'ISSUED'
                """)
            .param("on", receivedOn)
            .param("confirmation", confirmation)
            .param("at", utc(at))
            .param("n", number)
            .update()
        == 1;
  }

  /**
   * What this node delivered of the certificate {@code number} it issued: its participants and the
   * node that accepted it; empty when it was not delivered.
   */
  public Optional<org.kimberlite.federation.DeliveryPolicy.Sent> sent(String number) {
    return jdbc.sql(
            """
            select issuing_participant, importing_participant, target_node from federation_outbox
            where number = :n and kind = 'ISSUED' and delivered_at is not null
            """)
        .param("n", number)
        .query(
            (rs, n) ->
                new org.kimberlite.federation.DeliveryPolicy.Sent(
                    ParticipantCode.of(rs.getString("issuing_participant")),
                    ParticipantCode.of(rs.getString("importing_participant")),
                    rs.getString("target_node")))
        .optional();
  }

  public void cancelIncoming(String number, Instant at) {
    jdbc.sql(
            "update federation_incoming set status = 'CANCELLED', changed_at = :at"
                + " where number = :n and status <> 'CANCELLED'")
        .param("at", utc(at))
        .param("n", number)
        .update();
  }

  /** Whether the delivery {@code id} was accepted before. */
  public boolean received(UUID id) {
    return jdbc.sql("select count(*) from federation_received where id = :id")
            .param("id", id)
            .query(Long.class)
            .single()
        > 0;
  }

  public void insertReceived(UUID id, String number, DeliveryKind kind, String from, Instant at) {
    jdbc.sql(
            """
            insert into federation_received (id, number, kind, from_node, received_at)
            values (:id, :number, :kind, :from, :at) on conflict do nothing
            """)
        .param("id", id)
        .param("number", number)
        .param("kind", kind.name())
        .param("from", from)
        .param("at", utc(at))
        .update();
  }

  private static OutboxEntry outbox(ResultSet rs) throws SQLException {
    return new OutboxEntry(
        rs.getObject("id", UUID.class),
        rs.getString("number"),
        DeliveryKind.valueOf(rs.getString("kind")),
        ParticipantCode.of(rs.getString("issuing_participant")),
        ParticipantCode.of(rs.getString("importing_participant")),
        instant(rs, "created_at"),
        rs.getInt("attempts"),
        instant(rs, "next_attempt_at"),
        rs.getString("target_node"),
        nullableInstant(rs, "delivered_at"),
        rs.getString("last_error"));
  }

  private static IncomingCertificate incoming(ResultSet rs) throws SQLException {
    return new IncomingCertificate(
        rs.getString("number"),
        rs.getString("from_node"),
        ParticipantCode.of(rs.getString("issuing_participant")),
        ParticipantCode.of(rs.getString("importing_participant")),
        CertificateStatus.valueOf(rs.getString("status")),
        IncomingRecords.expiresOn(rs.getString("record")),
        rs.getObject("confirmed_on", java.time.LocalDate.class),
        rs.getString("record"),
        rs.getString("proof"),
        rs.getString("confirmation"),
        instant(rs, "received_at"),
        instant(rs, "changed_at"));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
