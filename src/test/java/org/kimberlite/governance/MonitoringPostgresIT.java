package org.kimberlite.governance;

import org.junit.jupiter.api.BeforeAll;
import org.kimberlite.support.PostgresDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Re-entry monitoring on PostgreSQL. */
class MonitoringPostgresIT extends MonitoringContract {
  static final PostgresDatabase DATABASE = new PostgresDatabase();

  @BeforeAll
  static void server() {
    DATABASE.ensure();
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    DATABASE.register(registry);
  }
}
