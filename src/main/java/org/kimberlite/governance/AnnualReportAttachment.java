package org.kimberlite.governance;

import java.time.Instant;
import java.util.UUID;

/**
 * A file attached to an annual report, its type found from its content.
 *
 * @param mediaType {@code application/pdf}, {@code image/png}, {@code image/jpeg}, {@code text/csv}
 *     or {@code text/plain}
 * @param sha256 the SHA-256 of the bytes, lower-case hex
 */
public record AnnualReportAttachment(
    UUID id,
    String name,
    String mediaType,
    long size,
    String sha256,
    Instant addedAt,
    String addedBy) {
  /** The most files a report holds. */
  public static final int MAX_FILES = 10;

  /** The largest file, in bytes (5 MiB). */
  public static final int MAX_BYTES = 5 * 1024 * 1024;

  /** The longest file name. */
  public static final int MAX_NAME = 200;
}
