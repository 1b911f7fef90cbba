package org.kimberlite.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

class PostgresBatchInsertsTest {
  private final PostgresBatchInserts processor = new PostgresBatchInserts();

  @Test
  void aPostgresPoolRewritesBatchedInserts() {
    try (HikariDataSource pool = new HikariDataSource()) {
      pool.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/kimberlite");
      processor.postProcessBeforeInitialization(pool, "dataSource");
      assertThat(pool.getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "true");
    }
  }

  @Test
  void otherDatabasesAndExplicitChoicesAreLeftAlone() {
    try (HikariDataSource pool = new HikariDataSource()) {
      pool.setJdbcUrl("jdbc:h2:mem:x;MODE=PostgreSQL");
      processor.postProcessBeforeInitialization(pool, "dataSource");
      assertThat(pool.getDataSourceProperties()).isEmpty();
    }
    assertThat(PostgresBatchInserts.applies("jdbc:postgresql://h/db?reWriteBatchedInserts=false"))
        .isFalse();
    assertThat(PostgresBatchInserts.applies(null)).isFalse();
  }
}
