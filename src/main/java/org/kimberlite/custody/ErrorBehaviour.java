package org.kimberlite.custody;

import java.util.Locale;
import java.util.Optional;

/** The GS1-Capture-Error-Behaviour of a capture: all or nothing, or store what is valid. */
public enum ErrorBehaviour {
  /** Any refused event refuses the whole document (the default). */
  ROLLBACK,
  /** Store the events that pass; report the others. */
  PROCEED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The behaviour named by a header value; empty when unknown. */
  public static Optional<ErrorBehaviour> parse(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "rollback" -> Optional.of(ROLLBACK);
      case "proceed" -> Optional.of(PROCEED);
      default -> Optional.empty();
    };
  }
}
