package org.kimberlite.governance;

/**
 * How an export stands against the compliant zones in force on its day of issue
 * (docs/governance.md).
 */
public enum ZoneFlag {
  /** Issued under an operational framework, from a compliant zone in force that day. */
  IN_ZONE,
  /** Issued under an operational framework, naming no zone or one not in force that day. */
  OUTSIDE_ZONE,
  /** Issued while the participant was under no operational framework. */
  NOT_UNDER_FRAMEWORK
}
