package org.kimberlite.platform.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.problem.Problem;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Failures that mean the database cannot be reached right now (stopped, restarting, the pool out of
 * connections for longer than its timeout): answered {@code 503} with a {@code Retry-After}, not as
 * an internal error, so that clients wait and retry. The server recovers by itself once the
 * database is back: the pool replaces broken connections.
 */
final class DatabaseUnavailable {
  /** Seconds a client is asked to wait before it tries again. */
  static final int RETRY_AFTER_SECONDS = 2;

  private DatabaseUnavailable() {}

  /** Whether {@code e} or one of its causes says the database is out of reach. */
  static boolean is(@Nullable Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DataAccessResourceFailureException
          || t instanceof CannotCreateTransactionException
          || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof java.net.ConnectException) {
        return true;
      }
      if (t instanceof TransactionSystemException tx
          && (tx.getCause() instanceof SQLException || is(tx.getOriginalException()))) {
        // The rollback or commit itself failed at the connection: the database went away.
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        // 08xxx: connection exceptions; 57P01-57P03: the server shutting down or starting up.
        if (state.startsWith("08") || state.startsWith("57P")) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  static Problem problem() {
    return new Problem(
        503,
        "unavailable",
        "Service unavailable",
        "The database cannot be reached right now; try again shortly.",
        List.of(),
        List.of());
  }
}
