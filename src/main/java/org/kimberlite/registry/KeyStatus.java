package org.kimberlite.registry;

/** Where a signing key stands; the strings are part of the published API and the trust list. */
public enum KeyStatus {
  /** The key its authority signs with now. */
  ACTIVE,
  /** Replaced by a newer key: signs nothing new, its earlier signatures still verify. */
  RETIRED,
  /**
   * Withdrawn by its authority: signs nothing new; signatures made from its compromise time on are
   * refused, earlier ones verify marked signed-with-key-later-revoked.
   */
  REVOKED
}
