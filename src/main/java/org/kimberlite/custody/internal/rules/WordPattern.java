package org.kimberlite.custody.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A fixed wording with a few permitted variations, matched against a text's words (see {@code
 * Words}): a sequence of slots, each one of a few alternative word sequences (an optional slot has
 * the empty sequence among them). Found when the whole sequence occurs, contiguous, anywhere in the
 * text.
 */
final class WordPattern {
  private static final Pattern SPACE = Pattern.compile(" ");

  /** One place in the wording and the word sequences that may fill it. */
  record Slot(List<List<String>> alternatives) {
    Slot {
      alternatives = List.copyOf(alternatives.stream().map(List::copyOf).toList());
    }
  }

  private final List<Slot> slots;

  private WordPattern(List<Slot> slots) {
    this.slots = List.copyOf(slots);
  }

  static WordPattern of(Slot... slots) {
    return new WordPattern(List.of(slots));
  }

  static Slot words(String words) {
    return new Slot(List.of(split(words)));
  }

  static Slot anyOf(String... alternatives) {
    List<List<String>> all = new ArrayList<>();
    for (String a : alternatives) {
      all.add(split(a));
    }
    return new Slot(all);
  }

  static Slot optional(String words) {
    return new Slot(List.of(split(words), List.of()));
  }

  boolean foundIn(List<String> text) {
    for (int start = 0; start < text.size(); start++) {
      if (matches(text, start, 0)) {
        return true;
      }
    }
    return false;
  }

  private boolean matches(List<String> text, int at, int slot) {
    if (slot == slots.size()) {
      return true;
    }
    for (List<String> alternative : slots.get(slot).alternatives()) {
      if (startsWith(text, at, alternative) && matches(text, at + alternative.size(), slot + 1)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWith(List<String> text, int at, List<String> words) {
    if (at + words.size() > text.size()) {
      return false;
    }
    for (int i = 0; i < words.size(); i++) {
      if (!text.get(at + i).equals(words.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static List<String> split(String words) {
    return List.of(SPACE.split(words));
  }
}
