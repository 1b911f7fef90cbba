package org.kimberlite.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.registry.KeyStatus;
import org.kimberlite.shared.ParticipantCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Signing keys: the public key, the sealed seed and the key's life (created, retired, revoked).
 * Public data but for the sealed seed, which only {@link SealedKeys} opens.
 */
@Repository
public class SigningKeyRepository {
  public static final String AUTHORITY = "AUTHORITY";
  public static final String TRUST_LIST = "TRUST_LIST";

  /** A seed sealed before Tink: AES-256-GCM, the IV in its own column, the key id as AAD. */
  public static final int PRE_TINK = 1;

  /** A seed sealed with Tink's AEAD, the IV inside, purpose and key id as associated data. */
  public static final int TINK = 2;

  private static final String COLUMNS =
      """
      k.kid, k.purpose, k.organisation_id, k.participant_code, k.public_key, k.sealed_seed,
      k.nonce, k.seal_format, k.master_key_id, k.created_at, k.retired_at, k.revoked_at,
      k.compromised_at, k.revocation_reason, k.version,
      o.name as organisation_name
      from signing_key k left join organisation o on o.id = k.organisation_id
      """;

  private final JdbcClient jdbc;

  public SigningKeyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored key. */
  public record KeyRow(
      String kid,
      String purpose,
      @Nullable UUID organisationId,
      @Nullable String organisationName,
      @Nullable ParticipantCode participant,
      byte[] publicKey,
      byte[] sealedSeed,
      byte @Nullable [] nonce,
      int sealFormat,
      @Nullable Integer masterKeyId,
      Instant createdAt,
      @Nullable Instant retiredAt,
      @Nullable Instant revokedAt,
      @Nullable Instant compromisedAt,
      @Nullable String revocationReason,
      long version) {

    /**
     * From when the key's signatures are refused: the compromise time its revocation named, or its
     * creation when the revocation named none; null while it is not revoked.
     */
    public @Nullable Instant effectiveCompromise() {
      return revokedAt == null ? null : compromisedAt != null ? compromisedAt : createdAt;
    }

    public KeyStatus status() {
      return revokedAt != null
          ? KeyStatus.REVOKED
          : retiredAt != null ? KeyStatus.RETIRED : KeyStatus.ACTIVE;
    }

    @Override
    public byte[] publicKey() {
      return publicKey.clone();
    }

    @Override
    public String toString() {
      return "KeyRow[" + kid + " " + purpose + " " + status() + "]";
    }
  }

  /** A key to insert, active for {@code owner}. */
  public record NewKey(
      String kid,
      String purpose,
      @Nullable UUID organisationId,
      @Nullable ParticipantCode participant,
      byte[] publicKey,
      byte[] sealedSeed,
      int masterKeyId,
      String owner,
      Instant createdAt) {}

  public void insert(NewKey k) {
    jdbc.sql(
            """
            insert into signing_key
              (kid, purpose, organisation_id, participant_code, public_key, sealed_seed,
               seal_format, master_key_id, active_owner, created_at, version)
            values (:kid, :purpose, :organisation, :participant, :publicKey, :sealed,
                    :format, :masterKey, :owner, :at, 0)
            """)
        .param("kid", k.kid())
        .param("purpose", k.purpose())
        .param("organisation", k.organisationId())
        .param("participant", k.participant() == null ? null : k.participant().code())
        .param("publicKey", k.publicKey())
        .param("sealed", k.sealedSeed())
        .param("format", TINK)
        .param("masterKey", k.masterKeyId())
        .param("owner", k.owner())
        .param("at", Jdbc.timestamp(k.createdAt()))
        .update();
  }

  /** Any key, of an authority or of the platform. */
  public Optional<KeyRow> find(String kid) {
    return jdbc.sql("select " + COLUMNS + " where k.kid = :kid")
        .param("kid", kid)
        .query(SigningKeyRepository::row)
        .optional();
  }

  /** The key active for {@code owner}, if any. */
  public Optional<KeyRow> active(String owner) {
    return jdbc.sql("select " + COLUMNS + " where k.active_owner = :owner")
        .param("owner", owner)
        .query(SigningKeyRepository::row)
        .optional();
  }

  /** An organisation's keys, oldest first. */
  public List<KeyRow> ofOrganisation(UUID organisationId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " where k.organisation_id = :organisation order by k.created_at,"
                + " k.kid")
        .param("organisation", organisationId)
        .query(SigningKeyRepository::row)
        .list();
  }

  /** Every key of one purpose, by participant, organisation and age. */
  public List<KeyRow> all(String purpose) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " where k.purpose = :purpose"
                + " order by k.participant_code, k.organisation_id, k.created_at, k.kid")
        .param("purpose", purpose)
        .query(SigningKeyRepository::row)
        .list();
  }

  /** The keys whose seeds are still sealed in the format before Tink. */
  public List<KeyRow> sealedBeforeTink() {
    return jdbc.sql("select " + COLUMNS + " where k.seal_format = " + PRE_TINK + " order by k.kid")
        .query(SigningKeyRepository::row)
        .list();
  }

  /**
   * Replaces the pre-Tink seal of {@code kid} by {@code sealedSeed} (Tink format); returns rows
   * changed (0 when another process re-sealed it first).
   */
  public int reseal(String kid, byte[] sealedSeed, int masterKeyId) {
    return jdbc.sql(
            """
            update signing_key set sealed_seed = :sealed, nonce = null, seal_format = :tink,
              master_key_id = :masterKey
            where kid = :kid and seal_format = :old
            """)
        .param("sealed", sealedSeed)
        .param("masterKey", masterKeyId)
        .param("tink", TINK)
        .param("kid", kid)
        .param("old", PRE_TINK)
        .update();
  }

  /**
   * Up to {@code limit} Tink-format keys sealed under a master key other than {@code sealing}: one
   * of {@code openable}, or one not recorded.
   */
  public List<KeyRow> toReseal(int sealing, List<Integer> openable, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " where k.seal_format = "
                + TINK
                + " and (k.master_key_id is null or (k.master_key_id <> :sealing"
                + " and k.master_key_id in (:openable))) order by k.kid limit :limit")
        .param("sealing", sealing)
        .param("openable", openable)
        .param("limit", limit)
        .query(SigningKeyRepository::row)
        .list();
  }

  /**
   * Replaces the seal of {@code kid} if it is still {@code old}; returns rows changed (0 when
   * another process re-sealed it first).
   */
  public int resealed(String kid, byte[] old, byte[] sealedSeed, int masterKeyId) {
    return jdbc.sql(
            """
            update signing_key set sealed_seed = :sealed, master_key_id = :masterKey
            where kid = :kid and sealed_seed = :old and seal_format = :tink
            """)
        .param("sealed", sealedSeed)
        .param("masterKey", masterKeyId)
        .param("kid", kid)
        .param("old", old)
        .param("tink", TINK)
        .update();
  }

  /** How many seeds are sealed under each master key id (null: not recorded). */
  public Map<@Nullable Integer, Long> countByMasterKey() {
    Map<@Nullable Integer, Long> counts = new HashMap<>();
    jdbc.sql("select master_key_id, count(*) as n from signing_key group by master_key_id")
        .query(
            (rs, n) -> {
              int id = rs.getInt("master_key_id");
              counts.put(rs.wasNull() ? null : id, rs.getLong("n"));
              return id;
            })
        .list();
    return counts;
  }

  public List<String> kids() {
    return jdbc.sql("select kid from signing_key order by kid").query(String.class).list();
  }

  /** Retires the active key {@code kid} if {@code version} is current; returns rows changed. */
  public int retire(String kid, long version, Instant at) {
    return jdbc.sql(
            """
            update signing_key set retired_at = :at, active_owner = null, version = version + 1
            where kid = :kid and version = :version and retired_at is null and revoked_at is null
            """)
        .param("at", Jdbc.timestamp(at))
        .param("kid", kid)
        .param("version", version)
        .update();
  }

  /**
   * Revokes {@code kid} of {@code organisationId} if {@code version} is current; returns rows
   * changed (0 when it is not that organisation's key, already revoked, or changed meanwhile).
   */
  public int revoke(
      String kid,
      UUID organisationId,
      long version,
      Instant at,
      @Nullable Instant compromisedAt,
      String reason) {
    return jdbc.sql(
            """
            update signing_key set revoked_at = :at, revocation_reason = :reason,
              compromised_at = :compromised, active_owner = null, version = version + 1
            where kid = :kid and organisation_id = :organisation and version = :version
              and revoked_at is null
            """)
        .param("at", Jdbc.timestamp(at))
        .param("compromised", compromisedAt == null ? null : Jdbc.timestamp(compromisedAt))
        .param("reason", reason)
        .param("kid", kid)
        .param("organisation", organisationId)
        .param("version", version)
        .update();
  }

  /**
   * Locks the organisation's row for the rest of the transaction: key creation, rotation and
   * revocation of one organisation happen one at a time.
   *
   * @return whether the organisation exists
   */
  public boolean lockOrganisation(UUID organisationId) {
    return jdbc.sql("select id from organisation where id = :id for update")
        .param("id", organisationId)
        .query((rs, n) -> rs.getObject("id"))
        .optional()
        .isPresent();
  }

  private static KeyRow row(ResultSet rs, int n) throws SQLException {
    String participant = rs.getString("participant_code");
    return new KeyRow(
        rs.getString("kid"),
        rs.getString("purpose"),
        rs.getObject("organisation_id", UUID.class),
        rs.getString("organisation_name"),
        participant == null ? null : ParticipantCode.of(participant.trim()),
        rs.getBytes("public_key"),
        rs.getBytes("sealed_seed"),
        rs.getBytes("nonce"),
        rs.getInt("seal_format"),
        rs.getObject("master_key_id") == null ? null : rs.getInt("master_key_id"),
        Jdbc.instant(rs, "created_at"),
        Jdbc.nullableInstant(rs, "retired_at"),
        Jdbc.nullableInstant(rs, "revoked_at"),
        Jdbc.nullableInstant(rs, "compromised_at"),
        rs.getString("revocation_reason"),
        rs.getLong("version"));
  }
}
