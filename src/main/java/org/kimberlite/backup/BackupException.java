package org.kimberlite.backup;

/** A backup or restore that could not be done, in words for the operator. */
public class BackupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BackupException(String message) {
    super(message);
  }

  public BackupException(String message, Throwable cause) {
    super(message, cause);
  }
}
