package org.kimberlite.shared;

import java.util.Locale;
import java.util.Optional;

/**
 * Checks for text that people will read back: identifiers (names, numbers, usernames, labels) hold
 * printable characters only; free text (reasons, notes) may also break lines and use tabs. Both
 * refuse control characters, bidirectional overrides and isolates, and unpaired surrogates, which
 * can make a stored value display as something other than what it is; both are bounded in length.
 */
public final class PrintableText {
  private PrintableText() {}

  /** Why {@code text} is not a printable identifier of at most {@code maxLength} chars, if not. */
  public static Optional<String> identifierFault(String text, int maxLength) {
    return fault(text, maxLength, false);
  }

  /** Why {@code text} is not acceptable free text of at most {@code maxLength} chars, if not. */
  public static Optional<String> freeTextFault(String text, int maxLength) {
    return fault(text, maxLength, true);
  }

  /** The identifier as given; refused with {@link InvalidInput} naming {@code field}. */
  public static String requireIdentifier(String field, String text, int maxLength) {
    identifierFault(text, maxLength)
        .ifPresent(
            reason -> {
              throw new InvalidInput(field, reason);
            });
    return text;
  }

  /** The free text as given; refused with {@link InvalidInput} naming {@code field}. */
  public static String requireFreeText(String field, String text, int maxLength) {
    freeTextFault(text, maxLength)
        .ifPresent(
            reason -> {
              throw new InvalidInput(field, reason);
            });
    return text;
  }

  /** True for a character no identifier may hold. */
  public static boolean forbiddenInIdentifier(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.SURROGATE,
          Character.PRIVATE_USE,
          Character.UNASSIGNED,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR ->
          true;
      default -> isBidiControl(codePoint) || isNonCharacter(codePoint);
    };
  }

  /** True for a character free text may not hold (tab, line feed and carriage return may be). */
  public static boolean forbiddenInFreeText(int codePoint) {
    if (codePoint == '\t' || codePoint == '\n' || codePoint == '\r') {
      return false;
    }
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL, Character.SURROGATE -> true;
      default -> isBidiControl(codePoint) || isNonCharacter(codePoint);
    };
  }

  /**
   * Text for a message: at most 40 characters, with anything outside printable ASCII shown as a
   * {@code \\uXXXX} escape, in double quotes.
   */
  public static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    int shown = 0;
    for (int i = 0; i < text.length() && shown < 40; i++, shown++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
        out.append(c);
      } else {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    if (text.length() > shown) {
      out.append('…');
    }
    return out.append('"').toString();
  }

  private static Optional<String> fault(String text, int maxLength, boolean free) {
    if (text.length() > maxLength) {
      return Optional.of("must have at most " + maxLength + " characters");
    }
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (free ? forbiddenInFreeText(c) : forbiddenInIdentifier(c)) {
        return Optional.of(
            String.format(
                Locale.ROOT,
                "must not contain the character U+%04X (%s)",
                c,
                free ? "control, direction or unpaired surrogate" : "not printable"));
      }
      i += Character.charCount(c);
    }
    return Optional.empty();
  }

  private static boolean isBidiControl(int c) {
    return c == 0x061C
        || c == 0x200E
        || c == 0x200F
        || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069);
  }

  private static boolean isNonCharacter(int c) {
    return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
  }
}
