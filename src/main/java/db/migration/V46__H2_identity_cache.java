package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On H2 only: the identity columns that every capture, certificate and log record draws from hand
 * out values from a cache of 1,000 instead of H2's 32.
 *
 * <p>H2 writes a sequence's next value to disk each time its cache runs out, and does so by
 * committing a session of its own in the middle of the caller's transaction: with 32, a document of
 * 100 custody events (an event, a movement and a log entry each) committed the store about ten
 * times besides its own commit, which was nearly half of the capture worker's processor time on H2.
 * The values and their order are unchanged (one counter per table for the whole database); after a
 * crash H2 resumes after the cached values, so a crash can leave a gap of up to 1,000, as it could
 * leave one of 32 before, and never hands a value out twice. PostgreSQL is left alone: there a
 * cache is kept per connection, and values would no longer follow the order of their requests.
 */
public class V46__H2_identity_cache extends BaseJavaMigration {
  /** Table and identity column, each written once per event, entry, flag or certificate change. */
  private static final List<List<String>> COLUMNS =
      List.of(
          List.of("ledger_entry", "seq"),
          List.of("custody_event", "seq"),
          List.of("custody_movement", "seq"),
          List.of("custody_finding", "seq"),
          List.of("audit_record", "seq"),
          List.of("kp_certificate_event", "id"),
          List.of("kp_finding", "id"),
          List.of("kp_rejection", "id"));

  static final int CACHE = 1_000;

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    if (!"H2".equals(c.getMetaData().getDatabaseProductName())) {
      return;
    }
    try (Statement s = c.createStatement()) {
      for (List<String> column : COLUMNS) {
        s.execute(
            "alter table "
                + column.get(0)
                + " alter column "
                + column.get(1)
                + " set cache "
                + CACHE);
      }
    }
  }
}
