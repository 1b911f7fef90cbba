package org.kimberlite.backup.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Copies every table of the application schema to and from lines of JSON, database-neutral: one
 * header line per table ({@code {"table", "columns", "kinds", "identity"}}) followed by one JSON
 * array per row. Values are written by kind ({@code text, bytes (base64), int, decimal (string),
 * bool, date, instant (ISO-8601 with offset), uuid}) so that a backup of H2 restores into
 * PostgreSQL and back. Tables come in foreign-key order, parents first.
 *
 * <p>Plain JDBC rather than a JdbcClient: the copy reads the database's own catalogue and streams
 * rows of tables it does not know in advance. Names read from a file are used in SQL only after
 * they were found in the target's catalogue.
 */
public final class TableCopy {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final String FLYWAY = "flyway_schema_history";
  private static final int BATCH = 500;

  private TableCopy() {}

  /** {@code h2} or {@code postgresql}. */
  public static String kind(Connection c) throws SQLException {
    String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.contains("h2")) {
      return "h2";
    }
    if (product.contains("postgres")) {
      return "postgresql";
    }
    throw new SQLException("Unsupported database: " + product);
  }

  /**
   * Starts a read-only transaction that sees one snapshot of the whole database (H2: SNAPSHOT
   * isolation; PostgreSQL: REPEATABLE READ, which is a snapshot there).
   */
  public static void beginSnapshot(Connection c) throws SQLException {
    if (kind(c).equals("h2")) {
      try (Statement s = c.createStatement()) {
        s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
      }
      c.setAutoCommit(false);
    } else {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
    }
  }

  /** Ends the snapshot and gives the connection back as it was taken. */
  public static void endSnapshot(Connection c) throws SQLException {
    c.rollback();
    if (kind(c).equals("h2")) {
      try (Statement s = c.createStatement()) {
        s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED");
      }
    } else {
      c.setReadOnly(false);
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    }
    c.setAutoCommit(true);
  }

  /** The latest successfully applied Flyway version, if the schema has one. */
  public static Optional<String> schemaVersion(Connection c) throws SQLException {
    if (!tables(c).contains(FLYWAY)) {
      return Optional.empty();
    }
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select version from "
                    + FLYWAY
                    + " where success and version is not null order by installed_rank desc")) {
      return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
    }
  }

  /** The log's tree size and latest signed checkpoint note, as this connection sees them. */
  public record LogHead(long treeSize, @Nullable String checkpoint) {}

  public static LogHead logHead(Connection c) throws SQLException {
    long size = 0;
    String note = null;
    try (Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("select tree_size from ledger_state where id = 1")) {
        if (rs.next()) {
          size = rs.getLong(1);
        }
      }
      try (ResultSet rs =
          s.executeQuery("select note from ledger_checkpoint order by tree_size desc")) {
        if (rs.next()) {
          note = rs.getString(1);
        }
      }
    }
    return new LogHead(size, note);
  }

  /** The application tables of the connection's schema, without Flyway's history. */
  public static Set<String> tables(Connection c) throws SQLException {
    Set<String> out = new TreeSet<>();
    try (ResultSet rs =
        c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        out.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  /** Tables ordered so that every table comes after those it references. */
  static List<String> parentsFirst(Connection c, Set<String> tables) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    Map<String, Set<String>> parents = new HashMap<>();
    for (String t : tables) {
      Set<String> p = new TreeSet<>();
      try (ResultSet rs = meta.getImportedKeys(c.getCatalog(), c.getSchema(), t)) {
        while (rs.next()) {
          String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
          if (!parent.equals(t) && tables.contains(parent)) {
            p.add(parent);
          }
        }
      }
      parents.put(t, p);
    }
    LinkedHashSet<String> ordered = new LinkedHashSet<>();
    while (ordered.size() < tables.size()) {
      boolean progress = false;
      for (String t : tables) {
        if (!ordered.contains(t) && ordered.containsAll(parents.get(t))) {
          ordered.add(t);
          progress = true;
        }
      }
      if (!progress) {
        throw new SQLException("The tables reference each other in a cycle");
      }
    }
    return List.copyOf(ordered);
  }

  /** Counts of what {@link #write} wrote. */
  public record Counts(int tables, long rows) {}

  /** Writes every application table as lines of JSON to {@code out}. */
  public static Counts write(Connection c, Writer out) throws SQLException, IOException {
    Set<String> tables = tables(c);
    tables.remove(FLYWAY);
    long rows = 0;
    List<String> ordered = parentsFirst(c, tables);
    for (String table : ordered) {
      requireName(table);
      Set<String> identity = identityColumns(c, table);
      try (Statement s = c.createStatement()) {
        s.setFetchSize(1000);
        try (ResultSet rs = s.executeQuery("select * from " + table)) {
          ResultSetMetaData md = rs.getMetaData();
          int n = md.getColumnCount();
          List<String> columns = new ArrayList<>();
          List<String> kinds = new ArrayList<>();
          for (int i = 1; i <= n; i++) {
            columns.add(md.getColumnName(i).toLowerCase(Locale.ROOT));
            kinds.add(kindOf(md.getColumnType(i), md.getColumnTypeName(i)));
          }
          Map<String, Object> header = new LinkedHashMap<>();
          header.put("table", table);
          header.put("columns", columns);
          header.put("kinds", kinds);
          header.put("identity", List.copyOf(identity));
          line(out, header);
          while (rs.next()) {
            List<@Nullable Object> row = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
              row.add(read(rs, i, kinds.get(i - 1)));
            }
            line(out, row);
            rows++;
          }
        }
      }
    }
    return new Counts(ordered.size(), rows);
  }

  private static void line(Writer out, Object value) throws IOException {
    out.write(JSON.writeValueAsString(value));
    out.write('\n');
  }

  private static Set<String> identityColumns(Connection c, String table) throws SQLException {
    Set<String> out = new TreeSet<>();
    try (ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), c.getSchema(), table, "%")) {
      while (rs.next()) {
        if ("YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))) {
          out.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
        }
      }
    }
    return out;
  }

  static String kindOf(int type, String typeName) {
    String name = typeName.toLowerCase(Locale.ROOT);
    if (name.contains("uuid")) {
      return "uuid";
    }
    if (name.equals("timestamptz") || name.contains("with time zone")) {
      return "instant";
    }
    return switch (type) {
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> "bytes";
      case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> "int";
      case Types.NUMERIC, Types.DECIMAL -> "decimal";
      case Types.BOOLEAN, Types.BIT -> "bool";
      case Types.DATE -> "date";
      case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> "instant";
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB, Types.NCHAR, Types.NVARCHAR ->
          "text";
      default -> throw new IllegalStateException("No backup kind for column type " + typeName);
    };
  }

  private static @Nullable Object read(ResultSet rs, int i, String kind) throws SQLException {
    Object value =
        switch (kind) {
          case "uuid" -> rs.getObject(i, UUID.class);
          case "instant" -> rs.getObject(i, OffsetDateTime.class);
          case "bytes" -> rs.getBytes(i);
          case "int" -> rs.getLong(i);
          case "decimal" -> rs.getBigDecimal(i);
          case "bool" -> rs.getBoolean(i);
          case "date" -> rs.getObject(i, LocalDate.class);
          default -> rs.getString(i);
        };
    if (rs.wasNull() || value == null) {
      return null;
    }
    return switch (value) {
      case byte[] b -> Base64.getEncoder().encodeToString(b);
      case BigDecimal d -> d.toPlainString();
      case OffsetDateTime t -> t.toInstant().toString();
      case UUID u -> u.toString();
      case LocalDate d -> d.toString();
      default -> value;
    };
  }

  /**
   * Loads lines written by {@link #write} into the connection's schema, which must already hold
   * every table and column named (the same schema version); rows the migrations put there are
   * replaced. Runs in the connection's current transaction; returns the rows loaded.
   */
  public static long load(Connection c, BufferedReader in) throws SQLException, IOException {
    Set<String> present = tables(c);
    Map<String, Header> headers = new LinkedHashMap<>();
    String line;
    long rows = 0;
    Header current = null;
    PreparedStatement insert = null;
    int pending = 0;
    try {
      while ((line = in.readLine()) != null) {
        JsonNode node = JSON.readTree(line);
        if (node.isObject()) {
          if (insert != null) {
            if (pending > 0) {
              insert.executeBatch();
            }
            insert.close();
            insert = null;
            pending = 0;
          }
          current = Header.of(node, present, c);
          if (headers.containsKey(current.table())) {
            throw new SQLException("Table " + current.table() + " appears twice");
          }
          headers.put(current.table(), current);
          insert = c.prepareStatement(current.insertSql());
        } else {
          if (current == null || insert == null || !node.isArray()) {
            throw new SQLException("A row before its table");
          }
          if (node.size() != current.columns().size()) {
            throw new SQLException("A row of " + current.table() + " has the wrong length");
          }
          for (int i = 0; i < node.size(); i++) {
            bind(insert, i + 1, current.kinds().get(i), node.get(i));
          }
          insert.addBatch();
          rows++;
          if (++pending == BATCH) {
            insert.executeBatch();
            pending = 0;
          }
        }
      }
      if (insert != null && pending > 0) {
        insert.executeBatch();
      }
    } finally {
      if (insert != null) {
        insert.close();
      }
    }
    for (Header h : headers.values()) {
      h.restartIdentities(c);
    }
    return rows;
  }

  /**
   * Deletes every row of every application table, children first (the rows the migrations put
   * there, before a load).
   */
  public static void emptyAll(Connection c) throws SQLException {
    Set<String> tables = tables(c);
    tables.remove(FLYWAY);
    List<String> ordered = new ArrayList<>(parentsFirst(c, tables));
    java.util.Collections.reverse(ordered);
    try (Statement s = c.createStatement()) {
      for (String t : ordered) {
        requireName(t);
        s.executeUpdate("delete from " + t);
      }
    }
  }

  private static void bind(PreparedStatement ps, int i, String kind, JsonNode v)
      throws SQLException {
    if (v == null || v.isNull()) {
      ps.setNull(i, nullType(kind));
      return;
    }
    switch (kind) {
      case "uuid" -> ps.setObject(i, UUID.fromString(v.asString()));
      case "instant" ->
          ps.setObject(i, OffsetDateTime.ofInstant(java.time.Instant.parse(v.asString()), UTC));
      case "bytes" -> ps.setBytes(i, Base64.getDecoder().decode(v.asString()));
      case "int" -> ps.setLong(i, v.asLong());
      case "decimal" -> ps.setBigDecimal(i, new BigDecimal(v.asString()));
      case "bool" -> ps.setBoolean(i, v.asBoolean());
      case "date" -> ps.setObject(i, LocalDate.parse(v.asString()));
      case "text" -> ps.setString(i, v.asString());
      default -> throw new SQLException("Unknown kind " + kind);
    }
  }

  private static final java.time.ZoneOffset UTC = java.time.ZoneOffset.UTC;

  private static int nullType(String kind) {
    return switch (kind) {
      case "uuid" -> Types.OTHER;
      case "instant" -> Types.TIMESTAMP_WITH_TIMEZONE;
      case "bytes" -> Types.VARBINARY;
      case "int" -> Types.BIGINT;
      case "decimal" -> Types.NUMERIC;
      case "bool" -> Types.BOOLEAN;
      case "date" -> Types.DATE;
      default -> Types.VARCHAR;
    };
  }

  static void requireName(String name) throws SQLException {
    if (!NAME.matcher(name).matches()) {
      throw new SQLException("Not a plain table or column name: " + name);
    }
  }

  private record Header(
      String table, List<String> columns, List<String> kinds, List<String> identity) {
    static Header of(JsonNode node, Set<String> present, Connection c) throws SQLException {
      String table = node.path("table").asString("");
      requireName(table);
      if (!present.contains(table)) {
        throw new SQLException(
            "The backup holds table " + table + ", which this schema does not have");
      }
      Set<String> existing = new TreeSet<>();
      try (ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), c.getSchema(), table, "%")) {
        while (rs.next()) {
          existing.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
        }
      }
      List<String> columns = strings(node.path("columns"));
      List<String> kinds = strings(node.path("kinds"));
      List<String> identity = strings(node.path("identity"));
      if (columns.isEmpty() || columns.size() != kinds.size()) {
        throw new SQLException("The header of " + table + " is malformed");
      }
      for (String col : columns) {
        requireName(col);
        if (!existing.contains(col)) {
          throw new SQLException("The schema has no column " + table + "." + col);
        }
      }
      if (!columns.containsAll(identity)) {
        throw new SQLException("The header of " + table + " is malformed");
      }
      return new Header(table, columns, kinds, identity);
    }

    private static List<String> strings(JsonNode array) {
      List<String> out = new ArrayList<>();
      for (JsonNode n : array) {
        out.add(n.asString());
      }
      return out;
    }

    String insertSql() {
      return "insert into "
          + table
          + " ("
          + String.join(", ", columns)
          + ") values ("
          + String.join(", ", java.util.Collections.nCopies(columns.size(), "?"))
          + ")";
    }

    /** Identity columns continue after the highest restored value. */
    void restartIdentities(Connection c) throws SQLException {
      for (String col : identity) {
        long next = 1;
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("select max(" + col + ") from " + table)) {
          if (rs.next()) {
            next = rs.getLong(1) + 1;
          }
        }
        try (Statement s = c.createStatement()) {
          s.execute("alter table " + table + " alter column " + col + " restart with " + next);
        }
      }
    }
  }
}
