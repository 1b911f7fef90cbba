package org.kimberlite.ledger.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Elects the one integrator among the server processes sharing a database. On PostgreSQL the leader
 * holds a session-level advisory lock on a connection it keeps open: if the process dies, the
 * server drops the connection and the lock with it, and another process takes over at its next
 * round. The embedded database admits a single process (H2 locks its file), which is then always
 * the leader. Integration rounds also lock the head row, so even two leaders could never hand out
 * the same index.
 */
@Component
public class Election {
  /** The advisory lock key: "KIMB" as a number, so other applications are unlikely to use it. */
  static final long LOCK_KEY = 0x4B494D42L;

  private static final Logger log = LoggerFactory.getLogger(Election.class);
  private final DataSource dataSource;
  private @Nullable Boolean postgres;
  private @Nullable Connection held;

  public Election(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Whether this process is the integrator now; tries to become it if nobody is. */
  public synchronized boolean lead() {
    try {
      if (!isPostgres()) {
        return true;
      }
      if (held != null) {
        if (held.isValid(2)) {
          return true;
        }
        log.warn("Lost the integrator's database connection; standing for election again");
        closeQuietly();
      }
      Connection c = dataSource.getConnection();
      c.setAutoCommit(true);
      try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_lock(?)")) {
        s.setLong(1, LOCK_KEY);
        try (ResultSet rs = s.executeQuery()) {
          if (rs.next() && rs.getBoolean(1)) {
            held = c;
            log.info("This process is now the log's integrator");
            return true;
          }
        }
      }
      c.close();
      return false;
    } catch (SQLException e) {
      log.warn("Integrator election failed: {}", e.toString());
      closeQuietly();
      return false;
    }
  }

  /** Gives up the role (on shutdown). */
  public synchronized void resign() {
    if (held != null) {
      try (PreparedStatement s = held.prepareStatement("select pg_advisory_unlock(?)")) {
        s.setLong(1, LOCK_KEY);
        s.execute();
      } catch (SQLException e) {
        log.debug("Could not release the advisory lock", e);
      }
      closeQuietly();
    }
  }

  private boolean isPostgres() throws SQLException {
    if (postgres == null) {
      try (Connection c = dataSource.getConnection()) {
        postgres =
            c.getMetaData()
                .getDatabaseProductName()
                .toLowerCase(java.util.Locale.ROOT)
                .contains("postgres");
      }
    }
    return postgres;
  }

  private void closeQuietly() {
    if (held != null) {
      try {
        held.close();
      } catch (SQLException ignored) {
        // the connection is gone already
      }
      held = null;
    }
  }
}
