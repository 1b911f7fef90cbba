package org.kimberlite.platform.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kimberlite.platform.DatabaseOutage;
import org.kimberlite.shared.problem.Problem;

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
    return DatabaseOutage.is(e);
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
