package org.kimberlite.support;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need something from the machine (PostgreSQL, a browser) run when it is there, skip
 * with a printed notice when it is not, and fail instead of skipping when {@code CI} is set.
 */
public final class Environment {
  private Environment() {}

  public static boolean ci() {
    String ci = System.getenv("CI");
    return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
  }

  public static void require(boolean available, String what) {
    if (available) {
      return;
    }
    if (ci()) {
      Assertions.fail(what + " is required under CI but is not available");
    }
    System.err.println("NOTICE: skipping, " + what + " is not available on this machine");
    Assumptions.abort(what + " is not available");
  }
}
