package org.kimberlite.registry;

import org.junit.jupiter.api.BeforeAll;
import org.kimberlite.support.PostgresDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The signing-key contract on PostgreSQL (a throwaway server started by the suite). */
class SigningKeysPostgresIT extends SigningKeysContract {
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
