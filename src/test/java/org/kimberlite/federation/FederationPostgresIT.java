package org.kimberlite.federation;

import org.junit.jupiter.api.BeforeAll;
import org.kimberlite.support.PostgresDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Federation witnessing on PostgreSQL. */
class FederationPostgresIT extends FederationContract {
  static final int PORT = freePort();

  static final PostgresDatabase DATABASE = new PostgresDatabase();

  @BeforeAll
  static void server() {
    DATABASE.ensure();
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    DATABASE.register(registry);
    federation(registry, PORT);
  }
}
