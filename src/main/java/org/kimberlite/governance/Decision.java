package org.kimberlite.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.registry.DatePrecision;
import org.kimberlite.registry.DecisionReference;
import org.kimberlite.shared.ParticipantCode;

/**
 * A recorded KP decision.
 *
 * @param precision how precisely the effective date is known (a seeded past decision may be known
 *     to the month only)
 * @param concerned the participants it concerns, in code order
 * @param recommendation the monitoring team's recommendation it follows, if any
 * @param source where the text or the facts come from (a communiqué, a published report)
 */
public record Decision(
    UUID id,
    DecisionNumber number,
    String title,
    DecisionBody body,
    LocalDate adoptedOn,
    LocalDate effectiveOn,
    DatePrecision precision,
    String text,
    List<ParticipantCode> concerned,
    List<AppliedOrder> orders,
    @Nullable UUID recommendation,
    @Nullable String source,
    Instant recordedAt,
    String recordedBy) {

  public Decision {
    concerned = List.copyOf(concerned);
    orders = List.copyOf(orders);
  }

  /** The reference the registry keeps on the rows this decision ordered. */
  public DecisionReference reference() {
    return new DecisionReference(id, number.value());
  }
}
