package org.kimberlite.registry;

/**
 * How precisely a recorded date is known. Public sources often give only a month or a year; the
 * date stored is then the first day of it, and this says so.
 */
public enum DatePrecision {
  DAY,
  MONTH,
  YEAR,
  /** Not known: a participant before the seed list's as-of date, admission date not recorded. */
  UNKNOWN
}
