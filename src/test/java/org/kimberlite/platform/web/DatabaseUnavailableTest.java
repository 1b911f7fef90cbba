package org.kimberlite.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseUnavailableTest {
  @Test
  void connectionFailuresAreUnavailable() {
    assertThat(DatabaseUnavailable.is(new CannotGetJdbcConnectionException("x"))).isTrue();
    assertThat(
            DatabaseUnavailable.is(
                new RuntimeException(new SQLTransientConnectionException("pool timed out"))))
        .isTrue();
    assertThat(DatabaseUnavailable.is(new RuntimeException(new ConnectException("refused"))))
        .isTrue();
    assertThat(DatabaseUnavailable.is(new SQLException("terminating connection", "57P01")))
        .isTrue();
    assertThat(DatabaseUnavailable.is(new SQLException("connection failure", "08006"))).isTrue();
    TransactionSystemException rollback =
        new TransactionSystemException("JDBC rollback failed", new SQLException("closed"));
    assertThat(DatabaseUnavailable.is(rollback)).isTrue();
  }

  @Test
  void otherFailuresAreNot() {
    assertThat(DatabaseUnavailable.is(new IllegalStateException("bug"))).isFalse();
    assertThat(DatabaseUnavailable.is(new DataIntegrityViolationException("too long"))).isFalse();
    assertThat(DatabaseUnavailable.is(new SQLException("syntax", "42601"))).isFalse();
    assertThat(DatabaseUnavailable.is(null)).isFalse();
  }
}
