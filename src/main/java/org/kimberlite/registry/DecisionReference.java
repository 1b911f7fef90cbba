package org.kimberlite.registry;

import java.util.Objects;
import java.util.UUID;

/**
 * The KP decision that orders a status change or a compliant zone: its id in the governance module
 * and its number as the KP cites it. The registry accepts such changes only with one.
 */
public record DecisionReference(UUID id, String number) {
  /** The most characters a decision number has. */
  public static final int MAX_NUMBER = 60;

  public DecisionReference {
    Objects.requireNonNull(id, "id");
    if (number.isBlank() || number.length() > MAX_NUMBER) {
      throw new IllegalArgumentException(
          "A decision number has 1 to " + MAX_NUMBER + " characters");
    }
  }
}
