package org.kimberlite.registry;

/** Where a signing key stands; the strings are part of the published API and the trust list. */
public enum KeyStatus {
  /** The key its authority signs with now. */
  ACTIVE,
  /** Replaced by a newer key: signs nothing new, its earlier signatures still verify. */
  RETIRED,
  /** Withdrawn by its authority: every signature made with it is refused. */
  REVOKED
}
