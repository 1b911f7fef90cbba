package org.kimberlite.ledger;

import java.util.List;

/**
 * A signed note: its text (ending in a newline) and its signatures in order. What {@link
 * Notes#parse(String)} returns is unverified; {@link Notes#open(String, List)} returns only the
 * signatures it verified.
 */
public record Note(String text, List<NoteSignature> signatures) {
  public Note {
    signatures = List.copyOf(signatures);
  }
}
