package org.kimberlite.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/** One fresh database on the test PostgreSQL for a test class, and its Spring properties. */
public final class PostgresDatabase {
  private String url;

  /** Creates the database on first use (skips, or fails under CI, without PostgreSQL). */
  public void ensure() {
    if (url == null) {
      url = PostgresServer.get().createDatabase();
    }
  }

  public void register(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> PostgresServer.get().user());
    registry.add("spring.datasource.password", () -> PostgresServer.get().password());
  }
}
