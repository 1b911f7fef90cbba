package org.kimberlite.custody.internal.rules;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One rule a custody fact breaks: the rule's ID from docs/rules.md, whether it blocks the write or
 * only flags it, and why, in words a user can read.
 *
 * @param rule the rule ID ({@code "LGD-02"})
 * @param effect {@link Effect#BLOCK} refuses the write; {@link Effect#FLAG} records a finding
 * @param message what is wrong, naming the words, natures or figures at fault
 */
public record Breach(String rule, Effect effect, String message) {
  private static final Pattern RULE_ID = Pattern.compile("(SOW|LGD|NOM|CUS)-\\d{2}");

  /** What a breach does to the write that caused it. */
  public enum Effect {
    /** The write is refused and nothing changes. */
    BLOCK,
    /** The write is accepted and a finding is recorded with it. */
    FLAG
  }

  public Breach {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(effect, "effect");
    Objects.requireNonNull(message, "message");
    if (!RULE_ID.matcher(rule).matches()) {
      throw new IllegalArgumentException("not a custody rule ID: " + rule);
    }
  }

  static Breach block(String rule, String message) {
    return new Breach(rule, Effect.BLOCK, message);
  }

  static Breach flag(String rule, String message) {
    return new Breach(rule, Effect.FLAG, message);
  }

  public boolean blocks() {
    return effect == Effect.BLOCK;
  }
}
