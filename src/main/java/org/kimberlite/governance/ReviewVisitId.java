package org.kimberlite.governance;

import java.util.Optional;
import java.util.UUID;

/** A peer review visit's identifier. */
public record ReviewVisitId(UUID value) {
  public static ReviewVisitId random() {
    return new ReviewVisitId(UUID.randomUUID());
  }

  /** The id written as a UUID; empty for anything else (the caller answers 404). */
  public static Optional<ReviewVisitId> parse(String text) {
    if (text.length() != 36) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ReviewVisitId(UUID.fromString(text)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
