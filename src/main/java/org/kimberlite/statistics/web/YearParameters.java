package org.kimberlite.statistics.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.problem.FieldError;
import org.kimberlite.shared.problem.Problem;

/**
 * The years a statistics request may ask for, read from its parameters: whole numbers from {@link
 * #FIRST} to next year (by the injected clock), a range of at most {@link #MAX_SPAN} years.
 * Anything else is a 422 problem naming the parameter, so no request drives a loop or a query over
 * an unbounded span.
 */
final class YearParameters {
  /** No KP statistics before 1990 (the Scheme itself started in 2003). */
  static final int FIRST = 1990;

  /** The longest range of years one request covers. */
  static final int MAX_SPAN = 50;

  private final Clock clock;

  YearParameters(Clock clock) {
    this.clock = clock;
  }

  int thisYear() {
    return LocalDate.now(clock).getYear();
  }

  int last() {
    return thisYear() + 1;
  }

  /** A required year. */
  int year(String name, @Nullable String text) {
    if (text == null || text.isBlank()) {
      throw bad(name, "is required");
    }
    return parse(name, text);
  }

  /** An optional year: {@code otherwise} when absent. */
  int year(String name, @Nullable String text, int otherwise) {
    return text == null || text.isBlank() ? otherwise : parse(name, text);
  }

  /** A range of years, checked for order and span. */
  record Range(int from, int to) {}

  Range range(String fromName, int from, String toName, int to) {
    if (from > to) {
      throw Problem.invalid(
          "'" + fromName + "' must not be after '" + toName + "'.",
          List.of(new FieldError(fromName, "must not be after " + toName + " (" + to + ")")));
    }
    if (to - from >= MAX_SPAN) {
      throw Problem.invalid(
          "A range covers at most " + MAX_SPAN + " years.",
          List.of(new FieldError(toName, "at most " + MAX_SPAN + " years after " + fromName)));
    }
    return new Range(from, to);
  }

  private int parse(String name, String text) {
    String t = text.strip();
    // At most four digits: nothing to overflow, and no year outside the bounds gets further.
    if (!t.matches("[0-9]{1,4}")) {
      throw bad(name, "must be a year from " + FIRST + " to " + last());
    }
    int year = Integer.parseInt(t);
    if (year < FIRST || year > last()) {
      throw bad(name, "must be a year from " + FIRST + " to " + last());
    }
    return year;
  }

  static Problem bad(String name, String message) {
    return Problem.invalid(
        "Parameter '" + name + "' " + message + ".", List.of(new FieldError(name, message)));
  }
}
