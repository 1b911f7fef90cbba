package org.kimberlite.backup;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.kimberlite.backup.internal.TableCopy;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and restores backup files. A backup file is one manifest line of JSON ({@link Manifest})
 * followed by the content: every application table as lines of JSON, read in one snapshot
 * transaction so that the business rows, the log entries, the tree hashes and the checkpoints in it
 * belong together. The manifest's SHA-256 covers every byte after its line.
 *
 * <p>Neither the master key nor the log key is in a backup: they are kept apart from the data
 * ({@code data/master.key}, {@code data/log.key} or the environment), and a restored database needs
 * the same ones.
 */
public final class Backups {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MAX_MANIFEST = 1 << 20;
  private static final String MIGRATIONS = "classpath:db/migration";

  private Backups() {}

  /** Writes a backup of the database behind {@code connection} to {@code to}, replacing it. */
  public static Manifest backup(Connection connection, Path to, Clock clock) {
    Path target = to.toAbsolutePath().normalize();
    Path dir = target.getParent();
    Path content = null;
    Path whole = null;
    try {
      Files.createDirectories(dir);
      content = Files.createTempFile(dir, ".backup-content-", ".tmp");
      whole = Files.createTempFile(dir, ".backup-", ".tmp");
      MessageDigest sha = sha256();
      String database = TableCopy.kind(connection);
      TableCopy.beginSnapshot(connection);
      Manifest manifest;
      try {
        Instant at = clock.instant();
        String schema =
            TableCopy.schemaVersion(connection)
                .orElseThrow(() -> new BackupException("The database has no schema yet"));
        TableCopy.LogHead head = TableCopy.logHead(connection);
        TableCopy.Counts counts;
        try (OutputStream os = new DigestOutputStream(Files.newOutputStream(content), sha);
            Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8))) {
          counts = TableCopy.write(connection, w);
        }
        manifest =
            new Manifest(
                Manifest.FORMAT,
                Manifest.VERSION,
                database,
                schema,
                head.treeSize(),
                head.checkpoint(),
                at,
                counts.tables(),
                counts.rows(),
                HexFormat.of().formatHex(sha.digest()));
      } finally {
        TableCopy.endSnapshot(connection);
      }
      try (OutputStream out = Files.newOutputStream(whole, StandardOpenOption.TRUNCATE_EXISTING)) {
        out.write(manifestLine(manifest));
        Files.copy(content, out);
      }
      Files.move(
          whole, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return manifest;
    } catch (SQLException e) {
      throw new BackupException("The database could not be read: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new BackupException("The backup could not be written to " + target + ": " + e, e);
    } finally {
      deleteQuietly(content);
      deleteQuietly(whole);
    }
  }

  /**
   * Reads the manifest of a backup file and checks the content against its hash.
   *
   * @throws BackupException if the file is not a backup, of an unknown format version, or its
   *     content does not match the manifest
   */
  public static Manifest verify(Path file) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      Manifest m = parseManifest(readLine(in));
      MessageDigest sha = sha256();
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) > 0) {
        sha.update(buffer, 0, n);
      }
      String actual = HexFormat.of().formatHex(sha.digest());
      if (!actual.equals(m.contentSha256())) {
        throw new BackupException(
            "The backup's content does not match its manifest (SHA-256 "
                + actual
                + ", manifest says "
                + m.contentSha256()
                + "): the file is damaged or was changed");
      }
      return m;
    } catch (IOException e) {
      throw new BackupException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** What a restore did. */
  public sealed interface RestoreOutcome {}

  /** The backup is in the database, migrated to this version's schema. */
  public record Restored(Manifest manifest, long rows) implements RestoreOutcome {}

  /** Nothing was changed, for the reason given. */
  public record Refused(String reason) implements RestoreOutcome {}

  /**
   * Restores {@code from} into the database behind {@code target}: checks the manifest's hash,
   * refuses a database that already holds tables unless {@code force} (then everything in its
   * schema is dropped first), creates the schema at the backup's version, loads the rows in one
   * transaction and migrates to this version's schema.
   */
  public static RestoreOutcome restore(DataSource target, Path from, boolean force) {
    Manifest manifest;
    try {
      manifest = verify(from);
    } catch (BackupException e) {
      return new Refused(e.getMessage());
    }
    try {
      try (Connection c = target.getConnection()) {
        var tables = TableCopy.tables(c);
        if (!tables.isEmpty()) {
          if (!force) {
            return new Refused(
                "The target database is not empty ("
                    + tables.size()
                    + " tables); restore into an empty database, or add --force to replace"
                    + " everything in it");
          }
          dropEverything(c);
        }
      }
      Flyway known = Flyway.configure().dataSource(target).locations(MIGRATIONS).load();
      boolean versionKnown = false;
      for (MigrationInfo info : known.info().all()) {
        if (info.getVersion() != null
            && info.getVersion().equals(MigrationVersion.fromVersion(manifest.schemaVersion()))) {
          versionKnown = true;
        }
      }
      if (!versionKnown) {
        return new Refused(
            "The backup's schema version "
                + manifest.schemaVersion()
                + " is not one this version of Kimberlite knows; restore with the version that"
                + " wrote it");
      }
      Flyway.configure()
          .dataSource(target)
          .locations(MIGRATIONS)
          .target(MigrationVersion.fromVersion(manifest.schemaVersion()))
          .load()
          .migrate();
      long rows;
      // A connection opened after the schema exists (H2 sessions keep what they saw of it).
      try (Connection c = target.getConnection();
          InputStream in = new BufferedInputStream(Files.newInputStream(from))) {
        c.setAutoCommit(false);
        readLine(in);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
          TableCopy.emptyAll(c);
          rows = TableCopy.load(c, reader);
          c.commit();
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        }
      }
      Flyway.configure().dataSource(target).locations(MIGRATIONS).load().migrate();
      return new Restored(manifest, rows);
    } catch (SQLException e) {
      throw new BackupException("The restore failed, nothing was kept: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new BackupException("Cannot read " + from + ": " + e.getMessage(), e);
    }
  }

  private static void dropEverything(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      if (TableCopy.kind(c).equals("h2")) {
        s.execute("drop all objects");
      } else {
        String schema = c.getSchema();
        if (schema == null || !schema.matches("[a-z_][a-z0-9_]*")) {
          throw new SQLException("Cannot empty schema " + schema);
        }
        s.execute("drop schema " + schema + " cascade");
        s.execute("create schema " + schema);
      }
    }
  }

  private static byte[] manifestLine(Manifest m) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("format", m.format());
    json.put("version", m.version());
    json.put("database", m.database());
    json.put("schemaVersion", m.schemaVersion());
    json.put("treeSize", m.treeSize());
    json.put("checkpoint", m.checkpoint());
    json.put("createdAt", m.createdAt().toString());
    json.put("tables", m.tables());
    json.put("rows", m.rows());
    json.put("contentSha256", m.contentSha256());
    return (JSON.writeValueAsString(json) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static Manifest parseManifest(byte[] line) {
    try {
      JsonNode j = JSON.readTree(new String(line, StandardCharsets.UTF_8));
      if (!Manifest.FORMAT.equals(j.path("format").asString(""))) {
        throw new BackupException("Not a Kimberlite backup file");
      }
      int version = j.path("version").asInt(0);
      if (version != Manifest.VERSION) {
        throw new BackupException("Unknown backup format version " + version);
      }
      JsonNode checkpoint = j.path("checkpoint");
      return new Manifest(
          Manifest.FORMAT,
          version,
          j.path("database").asString(""),
          j.path("schemaVersion").asString(""),
          j.path("treeSize").asLong(-1),
          checkpoint.isString() ? checkpoint.asString() : null,
          Instant.parse(j.path("createdAt").asString("")),
          j.path("tables").asInt(0),
          j.path("rows").asLong(0),
          j.path("contentSha256").asString(""));
    } catch (JacksonException | java.time.format.DateTimeParseException e) {
      throw new BackupException("Not a Kimberlite backup file (the manifest is malformed)", e);
    }
  }

  private static byte[] readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0 || line.size() >= MAX_MANIFEST) {
        throw new BackupException("Not a Kimberlite backup file (no manifest line)");
      }
      line.write(b);
    }
    return line.toByteArray();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteQuietly(java.nio.file.@org.jspecify.annotations.Nullable Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // a temporary file left behind is harmless
      }
    }
  }
}
