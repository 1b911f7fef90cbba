package org.kimberlite.custody;

/**
 * What a check found about one event of a capture batch.
 *
 * @param eventIndex the event's position in the captured document's event list (from 0)
 * @param rule the rule ID from docs/rules.md, such as {@code CUS-01}
 * @param effect what the finding does to the event
 * @param pointer where in the event (a JSON pointer relative to the event; empty for the whole)
 * @param message the reason, in words a client may read
 */
public record Finding(int eventIndex, String rule, Effect effect, String pointer, String message) {

  /** What a finding does to its event. */
  public enum Effect {
    /** The event is refused: not stored (and, by default, neither is the rest of its document). */
    REFUSE,
    /** The event is stored and the finding is kept for due diligence. */
    FLAG,
    /** The event is stored already: it is not stored again and this is not an error. */
    KNOWN
  }

  public static Finding refuse(int eventIndex, String rule, String pointer, String message) {
    return new Finding(eventIndex, rule, Effect.REFUSE, pointer, message);
  }

  public static Finding flag(int eventIndex, String rule, String pointer, String message) {
    return new Finding(eventIndex, rule, Effect.FLAG, pointer, message);
  }

  public static Finding known(int eventIndex, String rule, String message) {
    return new Finding(eventIndex, rule, Effect.KNOWN, "", message);
  }
}
