package org.kimberlite.platform;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Failures that mean the database cannot be reached right now (stopped, restarting, the pool out of
 * connections for longer than its timeout), as opposed to a fault in what was asked. A request
 * answers them with {@code 503} and {@code Retry-After}; a background worker waits and tries the
 * same work again. Nothing is lost either way: the failed transaction committed nothing.
 */
public final class DatabaseOutage {
  private DatabaseOutage() {}

  /** Whether {@code e} or one of its causes says the database is out of reach. */
  public static boolean is(@Nullable Throwable e) {
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
}
