package org.kimberlite.governance;

import java.time.LocalDate;

/**
 * A calendar year a participant reports on, from 2003 (the first year of the certification scheme)
 * to 2100.
 *
 * @param value the year
 */
public record ReportingYear(int value) implements Comparable<ReportingYear> {
  public static final int FIRST = 2003;
  public static final int LAST = 2100;

  public ReportingYear {
    if (value < FIRST || value > LAST) {
      throw new IllegalArgumentException("a reporting year from " + FIRST + " to " + LAST);
    }
  }

  public static ReportingYear of(int value) {
    return new ReportingYear(value);
  }

  /** The year as written in a path, or an exception naming the bounds. */
  public static ReportingYear parse(String text) {
    if (text.length() != 4 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("a reporting year such as 2025");
    }
    return new ReportingYear(Integer.parseInt(text));
  }

  /** The year's last day, from which the default due date is counted. */
  public LocalDate lastDay() {
    return LocalDate.of(value, 12, 31);
  }

  @Override
  public int compareTo(ReportingYear other) {
    return Integer.compare(value, other.value);
  }

  @Override
  public String toString() {
    return Integer.toString(value);
  }
}
