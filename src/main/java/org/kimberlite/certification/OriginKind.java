package org.kimberlite.certification;

/**
 * How a certificate declares origin (KP 2024 administrative decision on declared origin;
 * docs/rules.md, KP-04).
 */
public enum OriginKind {
  /** One participant of origin. */
  SINGLE,
  /** Mixed origin, without a list. */
  MIXED,
  /** Mixed origin with the list of the countries of origin. */
  LISTED
}
