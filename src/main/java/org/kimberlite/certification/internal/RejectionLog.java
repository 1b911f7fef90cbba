package org.kimberlite.certification.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.Violation;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps refused attempts as data, in a transaction of their own: the refused write changes nothing,
 * but the attempt and the rules it broke stay on record for the authorities.
 */
@Component
public class RejectionLog {
  private final CertificateRepository repository;
  private final Clock clock;

  public RejectionLog(CertificateRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /** The width of the number column: a refused number longer than that is kept cut short. */
  static final int NUMBER_LENGTH = 40;

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void record(
      String action,
      @Nullable String number,
      @Nullable UUID organisation,
      List<Violation> violations) {
    String rules =
        violations.stream()
            .map(Violation::rule)
            .distinct()
            .sorted()
            .collect(Collectors.joining(","));
    String detail =
        violations.stream()
            .map(v -> v.rule() + " " + v.field() + ": " + v.message())
            .collect(Collectors.joining("; "));
    repository.insertRejection(
        action,
        clip(number, NUMBER_LENGTH),
        organisation,
        rules.length() > 200 ? rules.substring(0, 200) : rules,
        detail,
        clock.instant());
  }

  /** At most {@code max} chars of {@code text}, never cutting a surrogate pair in two. */
  static @Nullable String clip(@Nullable String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }
}
