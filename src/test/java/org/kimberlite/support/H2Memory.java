package org.kimberlite.support;

/**
 * The URL of a named in-memory H2 database in the server's PostgreSQL mode, kept until the JVM
 * ends.
 */
public final class H2Memory {
  private H2Memory() {}

  public static String url(String name) {
    return "jdbc:h2:mem:"
        + name
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
  }
}
