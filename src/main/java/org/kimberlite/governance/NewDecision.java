package org.kimberlite.governance;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.registry.DatePrecision;
import org.kimberlite.shared.ParticipantCode;

/**
 * A decision to record, as the secretariat enters it (or as the seed of past decisions holds it).
 */
public record NewDecision(
    DecisionNumber number,
    String title,
    DecisionBody body,
    LocalDate adoptedOn,
    LocalDate effectiveOn,
    DatePrecision precision,
    String text,
    List<ParticipantCode> concerned,
    List<DecisionOrder> orders,
    @Nullable UUID recommendation,
    @Nullable String source) {

  /** The most characters of a title. */
  public static final int MAX_TITLE = 300;

  /** The most characters of a decision's text. */
  public static final int MAX_TEXT = 20_000;

  /** The most characters of a source. */
  public static final int MAX_SOURCE = 1_000;

  /** The most orders one decision gives. */
  public static final int MAX_ORDERS = 50;

  /** The most participants one decision names. */
  public static final int MAX_CONCERNED = 100;

  public NewDecision {
    concerned = List.copyOf(concerned);
    orders = List.copyOf(orders);
  }
}
