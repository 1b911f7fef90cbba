package org.kimberlite.ledger;

import org.junit.jupiter.api.BeforeAll;
import org.kimberlite.support.PostgresServer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The transparency log on PostgreSQL. */
class LedgerPostgresIT extends LedgerContract {
  static String url;

  @BeforeAll
  static void server() {
    if (url == null) {
      url = PostgresServer.get().createDatabase();
    }
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> PostgresServer.get().user());
    registry.add("spring.datasource.password", () -> PostgresServer.get().password());
  }
}
