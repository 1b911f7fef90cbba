package org.kimberlite.registry;

/**
 * A registry rule that a requested change breaks, naming the field at fault. What the caller did
 * wrong, in words; how it is answered (an HTTP problem, a form message) is the adapter's business.
 *
 * @param rule which rule
 * @param field the request field at fault
 * @param message what is wrong with the field
 * @param detail the whole story in one sentence
 */
public record RuleBreach(Rule rule, String field, String message, String detail) {

  /** The rules the registry checks on its own records. */
  public enum Rule {
    /** A field has the wrong form or is missing. */
    INVALID_INPUT,
    /** A decision takes effect before the latest recorded one. */
    BACKDATED_DECISION,
    /** The status change does not follow from the status in force. */
    INVALID_STATUS_TRANSITION,
    /** A compliant zone needs an operational framework in force. */
    NO_OPERATIONAL_FRAMEWORK
  }

  /** A field of the wrong form: its message is the whole story. */
  public static RuleBreach invalid(String field, String message) {
    return new RuleBreach(Rule.INVALID_INPUT, field, message, message);
  }
}
