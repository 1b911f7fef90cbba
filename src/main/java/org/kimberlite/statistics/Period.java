package org.kimberlite.statistics;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A calendar quarter, the period of KP trade statistics.
 *
 * @param year the calendar year, 1000 to 9999 (so that labels sort like periods)
 * @param quarter 1 to 4
 */
public record Period(int year, int quarter) implements Comparable<Period> {

  public Period {
    if (year < 1000 || year > 9999) {
      throw new IllegalArgumentException("year must have four digits: " + year);
    }
    if (quarter < 1 || quarter > 4) {
      throw new IllegalArgumentException("quarter must be 1 to 4: " + quarter);
    }
  }

  /** The quarter that contains the day. */
  public static Period of(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return new Period(date.getYear(), (date.getMonthValue() + 2) / 3);
  }

  public Period previous() {
    return quarter == 1 ? new Period(year - 1, 4) : new Period(year, quarter - 1);
  }

  public Period next() {
    return quarter == 4 ? new Period(year + 1, 1) : new Period(year, quarter + 1);
  }

  /** The quarter's first day. */
  public LocalDate firstDay() {
    return LocalDate.of(year, quarter * 3 - 2, 1);
  }

  /** The quarter's last day. */
  public LocalDate lastDay() {
    return next().firstDay().minusDays(1);
  }

  /** Like {@code 2026-Q3}. */
  public String label() {
    return year + "-Q" + quarter;
  }

  @Override
  public int compareTo(Period other) {
    return year != other.year
        ? Integer.compare(year, other.year)
        : Integer.compare(quarter, other.quarter);
  }
}
