package org.kimberlite.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Small conversions between JDBC and java.time that behave the same on H2 and PostgreSQL. */
final class Jdbc {
  private Jdbc() {}

  static OffsetDateTime timestamp(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    if (value == null) {
      throw new SQLException("Column " + column + " is null");
    }
    return value.toInstant();
  }

  static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static LocalDate date(ResultSet rs, String column) throws SQLException {
    LocalDate value = rs.getObject(column, LocalDate.class);
    if (value == null) {
      throw new SQLException("Column " + column + " is null");
    }
    return value;
  }

  static @Nullable LocalDate nullableDate(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, LocalDate.class);
  }

  static UUID uuid(ResultSet rs, String column) throws SQLException {
    UUID value = rs.getObject(column, UUID.class);
    if (value == null) {
      throw new SQLException("Column " + column + " is null");
    }
    return value;
  }
}
