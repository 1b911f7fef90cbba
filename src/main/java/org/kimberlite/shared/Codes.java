package org.kimberlite.shared;

import java.util.Objects;

/** The checks behind the code value types: printable, bounded, of one exact shape. */
final class Codes {
  private Codes() {}

  static String twoLetters(String text, String what) {
    Objects.requireNonNull(text, what);
    if (text.length() != 2
        || !Character.isLetter(text.charAt(0))
        || !Character.isLetter(text.charAt(1))
        || text.charAt(0) > 'z'
        || text.charAt(1) > 'z') {
      throw new IllegalArgumentException(what + " must be two letters: " + shown(text));
    }
    return text.toUpperCase(java.util.Locale.ROOT);
  }

  static String shown(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .limit(20)
        .forEach(
            c -> {
              if (c >= 0x20 && c < 0x7f) {
                out.appendCodePoint(c);
              } else {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04x", c));
              }
            });
    return '"' + out.toString() + (text.length() > 20 ? "…\"" : "\"");
  }
}
