package org.kimberlite.ledger;

import java.io.Serial;

/**
 * Thrown when a serialised transparency-log object (tile path, entry bundle, signed note, key,
 * checkpoint, proof) is malformed. Parsers in this package fail closed: they never return a
 * partially parsed result.
 */
public class LogFormatException extends RuntimeException {
  @Serial private static final long serialVersionUID = 1L;

  public LogFormatException(String message) {
    super(message);
  }

  public LogFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
