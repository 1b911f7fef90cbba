package org.kimberlite.custody.internal.rules;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text cut into lower-case words for the wording checks, so that layout and typography do not
 * matter: Unicode compatibility forms are folded (NFKC: full-width letters, ligatures), case is
 * folded, every kind of dash counts as a hyphen, invisible characters (soft hyphen, zero-width
 * space) are dropped, a few Cyrillic and Greek letters that look like Latin ones are read as the
 * Latin letter, a decimal point or comma between digits stays inside the number ("1.02" is one
 * word), and every other character that is not a letter, digit or combining mark separates words
 * (spaces, quotes straight or typographic, brackets, slashes, punctuation).
 */
final class Words {
  private Words() {}

  /**
   * One word.
   *
   * @param text the word in lower case
   * @param hyphenated whether a hyphen (and nothing else) joins it to the word before, as in
   *     "laboratory-grown"
   */
  record Word(String text, boolean hyphenated) {}

  static List<Word> of(CharSequence text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
    List<Word> words = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean hyphenPending = false; // a single hyphen right after the last word, nothing else yet
    boolean hyphenated = false; // the word being read follows a hyphen
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.FORMAT) {
        continue; // soft hyphen, zero-width space and joiners: invisible, they join
      }
      if (isWordChar(cp, type)) {
        if (current.isEmpty()) {
          hyphenated = hyphenPending;
        }
        hyphenPending = false;
        current.appendCodePoint(lookAlike(Character.toLowerCase(cp)));
        continue;
      }
      if ((cp == '.' || cp == ',')
          && !current.isEmpty()
          && Character.isDigit(current.charAt(current.length() - 1))
          && i < s.length()
          && Character.isDigit(s.charAt(i))) {
        current.append((char) cp); // a decimal number ("1.02") is one word
        continue;
      }
      boolean dash = type == Character.DASH_PUNCTUATION || cp == '\u2212';
      if (!current.isEmpty()) {
        words.add(new Word(current.toString().toLowerCase(Locale.ROOT), hyphenated));
        current.setLength(0);
        hyphenPending = dash;
      } else {
        hyphenPending = false;
      }
    }
    if (!current.isEmpty()) {
      words.add(new Word(current.toString().toLowerCase(Locale.ROOT), hyphenated));
    }
    return words;
  }

  static List<String> texts(CharSequence text) {
    return of(text).stream().map(Word::text).toList();
  }

  private static boolean isWordChar(int cp, int type) {
    return Character.isLetterOrDigit(cp)
        || type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  /** Cyrillic and Greek small letters drawn like Latin ones ("nаtural" with a Cyrillic а). */
  private static int lookAlike(int cp) {
    return switch (cp) {
      case 'а', 'α' -> 'a';
      case 'с', 'ϲ' -> 'c';
      case 'ԁ' -> 'd';
      case 'е', 'ε' -> 'e';
      case 'һ' -> 'h';
      case 'і', 'ι' -> 'i';
      case 'ј' -> 'j';
      case 'к', 'κ' -> 'k';
      case 'м' -> 'm';
      case 'п', 'η' -> 'n';
      case 'о', 'ο' -> 'o';
      case 'р', 'ρ' -> 'p';
      case 'ѕ' -> 's';
      case 'т', 'τ' -> 't';
      case 'υ' -> 'u';
      case 'ν' -> 'v';
      case 'х', 'χ' -> 'x';
      case 'у', 'γ' -> 'y';
      default -> cp;
    };
  }
}
