package org.kimberlite.registry.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kimberlite.registry.Account;
import org.kimberlite.registry.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts. Listing is scoped to the caller's organisation in the SQL. */
@Repository
public class AccountRepository {
  private final JdbcClient jdbc;

  public AccountRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Account account, String passwordHash, Instant at) {
    jdbc.sql(
            """
            insert into account
              (id, organisation_id, username, display_name, password_hash, admin, enabled,
               created_at, version)
            values (:id, :organisation, :username, :displayName, :hash, :admin, :enabled, :at, 0)
            """)
        .param("id", account.id())
        .param("organisation", account.organisationId())
        .param("username", account.username())
        .param("displayName", account.displayName())
        .param("hash", passwordHash)
        .param("admin", account.admin())
        .param("enabled", account.enabled())
        .param("at", Jdbc.timestamp(at))
        .update();
  }

  /** For sign-in only: the account with its password hash, whatever its organisation. */
  public Optional<Credentials> credentials(String username) {
    return jdbc.sql(
            """
            select id, organisation_id, username, display_name, admin, enabled, password_hash
            from account where username = :username
            """)
        .param("username", username)
        .query(
            (rs, n) ->
                new Credentials(
                    new Account(
                        Jdbc.uuid(rs, "id"),
                        Jdbc.uuid(rs, "organisation_id"),
                        rs.getString("username"),
                        rs.getString("display_name"),
                        rs.getBoolean("admin"),
                        rs.getBoolean("enabled")),
                    rs.getString("password_hash")))
        .optional();
  }

  /** For bearer tokens: the account the token belongs to. */
  public Optional<Account> findForAuthentication(UUID id) {
    return jdbc.sql(
            """
            select id, organisation_id, username, display_name, admin, enabled
            from account where id = :id
            """)
        .param("id", id)
        .query(
            (rs, n) ->
                new Account(
                    Jdbc.uuid(rs, "id"),
                    Jdbc.uuid(rs, "organisation_id"),
                    rs.getString("username"),
                    rs.getString("display_name"),
                    rs.getBoolean("admin"),
                    rs.getBoolean("enabled")))
        .optional();
  }

  /** The accounts of the caller's own organisation, and only of it. */
  public List<Account> ofOwnOrganisation(Caller caller) {
    return jdbc.sql(
            """
            select id, organisation_id, username, display_name, admin, enabled
            from account where organisation_id = :callerOrganisation order by username
            """)
        .param("callerOrganisation", caller.organisationId())
        .query(
            (rs, n) ->
                new Account(
                    Jdbc.uuid(rs, "id"),
                    Jdbc.uuid(rs, "organisation_id"),
                    rs.getString("username"),
                    rs.getString("display_name"),
                    rs.getBoolean("admin"),
                    rs.getBoolean("enabled")))
        .list();
  }

  public boolean usernameTaken(String username) {
    return jdbc.sql("select count(*) from account where username = :u")
            .param("u", username)
            .query(Long.class)
            .single()
        > 0;
  }

  /** An account with the password hash kept for sign-in. */
  public record Credentials(Account account, String passwordHash) {
    @Override
    public String toString() {
      return "Credentials[account=" + account + ", passwordHash=(redacted)]";
    }
  }
}
