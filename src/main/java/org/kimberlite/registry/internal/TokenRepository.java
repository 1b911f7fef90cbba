package org.kimberlite.registry.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kimberlite.registry.ApiToken;
import org.kimberlite.registry.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * API tokens, kept as SHA-256 hashes. Listing and revoking are scoped to the caller's organisation.
 */
@Repository
public class TokenRepository {
  private final JdbcClient jdbc;

  public TokenRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(ApiToken token, String hash) {
    jdbc.sql(
            """
            insert into api_token
              (id, account_id, organisation_id, token_hash, label, created_at, expires_at)
            values (:id, :account, :organisation, :hash, :label, :created, :expires)
            """)
        .param("id", token.id())
        .param("account", token.accountId())
        .param("organisation", token.organisationId())
        .param("hash", hash)
        .param("label", token.label())
        .param("created", Jdbc.timestamp(token.createdAt()))
        .param("expires", Jdbc.timestamp(token.expiresAt()))
        .update();
  }

  /** The account a live token (not expired, not revoked) belongs to. */
  public Optional<UUID> accountOfLiveToken(String hash, Instant now) {
    return jdbc.sql(
            """
            select account_id from api_token
            where token_hash = :hash and revoked_at is null and expires_at > :now
            """)
        .param("hash", hash)
        .param("now", Jdbc.timestamp(now))
        .query((rs, n) -> Jdbc.uuid(rs, "account_id"))
        .optional();
  }

  public List<ApiToken> ofOwnOrganisation(Caller caller) {
    return jdbc.sql(
            """
            select id, account_id, organisation_id, label, created_at, expires_at, revoked_at
            from api_token where organisation_id = :callerOrganisation order by created_at
            """)
        .param("callerOrganisation", caller.organisationId())
        .query(
            (rs, n) ->
                new ApiToken(
                    Jdbc.uuid(rs, "id"),
                    Jdbc.uuid(rs, "account_id"),
                    Jdbc.uuid(rs, "organisation_id"),
                    rs.getString("label"),
                    Jdbc.instant(rs, "created_at"),
                    Jdbc.instant(rs, "expires_at"),
                    Jdbc.nullableInstant(rs, "revoked_at")))
        .list();
  }

  /**
   * Revokes a live token of the caller's organisation: any of them for an administrator, the
   * caller's own otherwise. Returns 0 for anyone else's.
   */
  public int revoke(Caller caller, UUID id, Instant at) {
    return jdbc.sql(
            """
            update api_token set revoked_at = :at
            where id = :id and organisation_id = :callerOrganisation and revoked_at is null
              and (account_id = :callerAccount or :admin = true)
            """)
        .param("at", Jdbc.timestamp(at))
        .param("id", id)
        .param("callerOrganisation", caller.organisationId())
        .param("callerAccount", caller.accountId())
        .param("admin", caller.admin())
        .update();
  }
}
