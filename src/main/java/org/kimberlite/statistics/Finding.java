package org.kimberlite.statistics;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.kimberlite.shared.ParticipantCode;

/**
 * Something a statistics check flags, with the figures it compared.
 *
 * @param rule {@code STAT-02}, {@code STAT-03} or {@code STAT-04}
 * @param participant the participant the finding is about
 * @param period the period's label: {@code 2026-Q3}, {@code 2026-H1} or {@code 2026-FY}
 * @param severity {@code LOW}, {@code MEDIUM} or {@code HIGH}
 * @param message one sentence for a reader
 * @param evidence the figures compared, as plain decimal strings, in a stable order (unmodifiable)
 */
public record Finding(
    String rule,
    ParticipantCode participant,
    String period,
    String severity,
    String message,
    Map<String, String> evidence) {

  public static final String LOW = "LOW";
  public static final String MEDIUM = "MEDIUM";
  public static final String HIGH = "HIGH";

  private static final Set<String> SEVERITIES = Set.of(LOW, MEDIUM, HIGH);

  /** The order every check returns: rule, participant, period label, then message. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::rule)
          .thenComparing(Finding::participant)
          .thenComparing(Finding::period)
          .thenComparing(Finding::message);

  public Finding {
    rule = notBlank(rule, "rule");
    Objects.requireNonNull(participant, "participant");
    period = notBlank(period, "period");
    if (!SEVERITIES.contains(severity)) {
      throw new IllegalArgumentException("severity must be LOW, MEDIUM or HIGH: " + severity);
    }
    message = notBlank(message, "message");
    Objects.requireNonNull(evidence, "evidence");
    evidence.forEach(
        (k, v) -> {
          Objects.requireNonNull(k, "evidence key");
          Objects.requireNonNull(v, "evidence value");
        });
    evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
  }

  private static String notBlank(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return value;
  }
}
