package org.kimberlite.backup;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The first line of a backup file: what it holds and the hash of everything after it.
 *
 * @param format always {@value #FORMAT}
 * @param version the file format's version ({@value #VERSION})
 * @param database {@code h2} or {@code postgresql}: where the backup was taken
 * @param schemaVersion the Flyway schema version of the database at backup time
 * @param treeSize the transparency log's tree size in the snapshot
 * @param checkpoint the latest signed checkpoint note in the snapshot, if any
 * @param createdAt when the snapshot was taken
 * @param tables tables in the file
 * @param rows rows in the file
 * @param contentSha256 lower-case hex SHA-256 of the bytes after the manifest line
 */
public record Manifest(
    String format,
    int version,
    String database,
    String schemaVersion,
    long treeSize,
    @Nullable String checkpoint,
    Instant createdAt,
    int tables,
    long rows,
    String contentSha256) {
  public static final String FORMAT = "kimberlite-backup";
  public static final int VERSION = 1;
}
