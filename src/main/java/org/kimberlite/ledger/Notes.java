package org.kimberlite.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signed notes (https://c2sp.org/signed-note, Go's golang.org/x/mod/sumdb/note).
 *
 * <p>A signed note is its text, ending in a newline, then a blank line, then one or more lines
 * {@code — <key name> <base64(32-bit key ID || signature)>} each ending in a newline (the dash is
 * U+2014). The text may contain blank lines: the signatures start after the last one. The whole
 * note must be valid UTF-8 without ASCII control characters other than newline, at most {@value
 * #MAX_NOTE_SIZE} bytes with at most {@value #MAX_SIGNATURES} signatures; base64 must be canonical
 * and padded; a signature must hold at least one byte after the key ID. Anything else is a {@link
 * LogFormatException}.
 */
public final class Notes {
  /** The signature line prefix character, U+2014 EM DASH. */
  public static final String EM_DASH = "\u2014";

  /** Largest note accepted or produced, in UTF-8 bytes. */
  public static final int MAX_NOTE_SIZE = 1 << 20;

  /** Most signature lines accepted in a note (the spec requires at least 16). */
  public static final int MAX_SIGNATURES = 100;

  private static final String SIG_PREFIX = EM_DASH + " ";

  private Notes() {}

  /**
   * Signs {@code text} with every signer, in order, and returns the signed note.
   *
   * @throws IllegalArgumentException if the text does not end in a newline, holds a control
   *     character other than newline or is too large, or if no signer is given
   */
  public static String sign(String text, NoteSigner... signers) {
    try {
      checkText(text);
    } catch (LogFormatException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (signers.length == 0) {
      throw new IllegalArgumentException("a note needs at least one signer");
    }
    return format(new Note(text, signatures(text, signers)));
  }

  /**
   * Adds signatures by {@code signers} to a note, after those already present. An existing
   * signature by the same key (name and key ID) is replaced. The note is parsed strictly but its
   * existing signatures are not verified.
   */
  public static String addSignatures(String note, NoteSigner... signers) {
    if (signers.length == 0) {
      throw new IllegalArgumentException("no signer given");
    }
    Note n = parse(note);
    return addSignatures(n, signatures(n.text(), signers));
  }

  /**
   * Adds ready-made signature lines (for example witness cosignatures) to a note, after those
   * already present. An existing signature by the same key (name and key ID) is replaced.
   */
  public static String addSignatures(String note, List<NoteSignature> signatures) {
    if (signatures.isEmpty()) {
      throw new IllegalArgumentException("no signature given");
    }
    return addSignatures(parse(note), signatures);
  }

  private static String addSignatures(Note n, List<NoteSignature> added) {
    List<NoteSignature> kept = new ArrayList<>();
    for (NoteSignature s : n.signatures()) {
      boolean replaced =
          added.stream().anyMatch(a -> a.name().equals(s.name()) && a.keyId() == s.keyId());
      if (!replaced) {
        kept.add(s);
      }
    }
    kept.addAll(added);
    return format(new Note(n.text(), kept));
  }

  private static List<NoteSignature> signatures(String text, NoteSigner... signers) {
    byte[] message = text.getBytes(StandardCharsets.UTF_8);
    List<NoteSignature> out = new ArrayList<>();
    for (NoteSigner s : signers) {
      out.add(new NoteSignature(s.name(), s.keyId(), s.sign(message)));
    }
    return out;
  }

  /** The encoded note: text, a blank line, then one line per signature. */
  public static String format(Note note) {
    if (note.signatures().isEmpty()) {
      throw new IllegalArgumentException("a signed note needs at least one signature");
    }
    if (note.signatures().size() > MAX_SIGNATURES) {
      throw new IllegalArgumentException("more than " + MAX_SIGNATURES + " signatures");
    }
    try {
      checkText(note.text());
    } catch (LogFormatException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    StringBuilder b = new StringBuilder(note.text()).append('\n');
    for (NoteSignature s : note.signatures()) {
      b.append(s.line());
    }
    String out = b.toString();
    if (Codec.utf8(out).length > MAX_NOTE_SIZE) {
      throw new IllegalArgumentException("signed note exceeds " + MAX_NOTE_SIZE + " bytes");
    }
    return out;
  }

  /** Parses a note from bytes, refusing anything that is not strictly valid UTF-8. */
  public static Note parse(byte[] note) {
    if (note.length > MAX_NOTE_SIZE) {
      throw new LogFormatException("note exceeds " + MAX_NOTE_SIZE + " bytes");
    }
    return parse(Codec.utf8(note, "note"));
  }

  /**
   * Parses a signed note strictly, without verifying anything: every signature line is returned, in
   * order, duplicates included.
   */
  public static Note parse(String note) {
    checkChars(note, "note");
    int split = note.lastIndexOf("\n\n");
    if (split < 0) {
      throw new LogFormatException("note has no blank line before its signatures");
    }
    String text = note.substring(0, split + 1);
    String sigs = note.substring(split + 2);
    if (sigs.isEmpty()) {
      throw new LogFormatException("note has no signature");
    }
    if (!sigs.endsWith("\n")) {
      throw new LogFormatException("note does not end with a newline");
    }
    List<NoteSignature> out = new ArrayList<>();
    int start = 0;
    while (start < sigs.length()) {
      int end = sigs.indexOf('\n', start);
      String line = sigs.substring(start, end);
      start = end + 1;
      if (out.size() == MAX_SIGNATURES) {
        throw new LogFormatException("note has more than " + MAX_SIGNATURES + " signatures");
      }
      out.add(parseSignatureLine(line));
    }
    return new Note(text, out);
  }

  private static NoteSignature parseSignatureLine(String line) {
    if (!line.startsWith(SIG_PREFIX)) {
      throw new LogFormatException(
          "note line " + Codec.quote(line) + " is not a signature line (— <name> <signature>)");
    }
    String rest = line.substring(SIG_PREFIX.length());
    int space = rest.indexOf(' ');
    if (space < 0) {
      throw new LogFormatException("signature line has no signature: " + Codec.quote(line));
    }
    String name = rest.substring(0, space);
    String b64 = rest.substring(space + 1);
    if (!Codec.isValidKeyName(name)) {
      throw new LogFormatException("signature line has an invalid key name: " + Codec.quote(line));
    }
    if (b64.isEmpty()) {
      throw new LogFormatException("signature line has an empty signature");
    }
    byte[] sig = Codec.base64(b64, "signature of " + name);
    if (sig.length < 5) {
      throw new LogFormatException("signature of " + name + " is too short");
    }
    int keyId =
        ((sig[0] & 0xFF) << 24)
            | ((sig[1] & 0xFF) << 16)
            | ((sig[2] & 0xFF) << 8)
            | (sig[3] & 0xFF);
    byte[] raw = new byte[sig.length - 4];
    System.arraycopy(sig, 4, raw, 0, raw.length);
    return new NoteSignature(name, keyId, raw);
  }

  /** Opens a note given as bytes; see {@link #open(String, List)}. */
  public static Note open(byte[] note, List<NoteVerifier> known) {
    return open(parse(note), known);
  }

  /**
   * Parses a note and verifies it against the known verifiers.
   *
   * <p>Signatures whose (name, key ID) matches no known verifier are ignored, even if the name or
   * the key ID alone matches. Every signature whose name and key ID match a known verifier must
   * verify, else the whole note is refused. At least one must verify. The returned note holds only
   * the verified signatures, one per key, in note order; use {@link #parse(String)} to reach the
   * others (for example witness cosignatures).
   *
   * @throws LogFormatException if the note is malformed
   * @throws ProofException if a signature by a known key does not verify, or none verifies
   * @throws IllegalArgumentException if two different known keys share a name and key ID (the same
   *     key listed twice is fine)
   */
  public static Note open(String note, List<NoteVerifier> known) {
    return open(parse(note), known);
  }

  private static Note open(Note n, List<NoteVerifier> known) {
    Map<String, NoteVerifier> byKey = new HashMap<>();
    for (NoteVerifier v : known) {
      NoteVerifier previous = byKey.putIfAbsent(key(v.name(), v.keyId()), v);
      if (previous != null && !previous.equals(v)) {
        throw new IllegalArgumentException(
            "ambiguous verifiers: two keys named "
                + v.name()
                + " with ID "
                + Codec.hex8(v.keyId()));
      }
    }
    byte[] message = n.text().getBytes(StandardCharsets.UTF_8);
    Map<String, NoteSignature> verified = new LinkedHashMap<>();
    for (NoteSignature s : n.signatures()) {
      String k = key(s.name(), s.keyId());
      NoteVerifier v = byKey.get(k);
      if (v == null) {
        continue;
      }
      if (!v.verify(message, s.signature())) {
        throw new ProofException(
            "invalid signature for key " + s.name() + "+" + Codec.hex8(s.keyId()));
      }
      verified.putIfAbsent(k, s);
    }
    if (verified.isEmpty()) {
      throw new ProofException("note has no verifiable signature by a known key");
    }
    return new Note(n.text(), List.copyOf(verified.values()));
  }

  private static String key(String name, int keyId) {
    return name + "+" + Codec.hex8(keyId);
  }

  /** A note text: ends in a newline, valid characters, within the size limit. */
  static void checkText(String text) {
    if (!text.endsWith("\n")) {
      throw new LogFormatException("note text must end with a newline");
    }
    checkChars(text, "note text");
  }

  private static void checkChars(String s, String what) {
    if (s.length() > MAX_NOTE_SIZE) {
      throw new LogFormatException(what + " exceeds " + MAX_NOTE_SIZE + " bytes");
    }
    if (!Codec.isWellFormed(s)) {
      throw new LogFormatException(what + " is not well-formed Unicode");
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 && c != '\n') {
        throw new LogFormatException(
            what
                + " contains control character "
                + String.format(java.util.Locale.ROOT, "0x%02x", (int) c));
      }
    }
    if (Codec.utf8(s).length > MAX_NOTE_SIZE) {
      throw new LogFormatException(what + " exceeds " + MAX_NOTE_SIZE + " bytes");
    }
  }
}
