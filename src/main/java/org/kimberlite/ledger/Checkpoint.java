package org.kimberlite.ledger;

import java.util.Arrays;
import java.util.List;

/**
 * A transparency-log checkpoint (https://c2sp.org/tlog-checkpoint): the note text {@code
 * <origin>\n<size>\n<base64(root hash)>\n[<extension line>\n]*}.
 *
 * @param origin the log identity, non-empty, one line
 * @param size the tree size
 * @param rootHash the 32-byte RFC 6962 root hash of the tree of that size
 * @param extensions optional extension lines, each non-empty (their use is not recommended)
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {
  private static final java.util.regex.Pattern NEWLINE = java.util.regex.Pattern.compile("\n");

  public Checkpoint {
    checkLine(origin, "origin");
    if (size < 0) {
      throw new IllegalArgumentException("tree size is negative: " + size);
    }
    if (rootHash.length != Rfc6962.HASH_SIZE) {
      throw new IllegalArgumentException("root hash must be 32 bytes, got " + rootHash.length);
    }
    rootHash = rootHash.clone();
    extensions = List.copyOf(extensions);
    for (String e : extensions) {
      checkLine(e, "extension line");
    }
  }

  /** A checkpoint without extension lines. */
  public Checkpoint(String origin, long size, byte[] rootHash) {
    this(origin, size, rootHash, List.of());
  }

  private static void checkLine(String line, String what) {
    if (line.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    if (!Codec.isWellFormed(line)) {
      throw new IllegalArgumentException(what + " is not well-formed Unicode");
    }
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) < 0x20) {
        throw new IllegalArgumentException(what + " contains a newline or control character");
      }
    }
  }

  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }

  /**
   * The note text: origin, size and base64 root hash, then any extension lines, each ending in \n.
   */
  public String body() {
    StringBuilder b = new StringBuilder();
    b.append(origin).append('\n').append(size).append('\n');
    b.append(Codec.base64(rootHash)).append('\n');
    for (String e : extensions) {
      b.append(e).append('\n');
    }
    return b.toString();
  }

  /** The checkpoint as a note signed by every signer. */
  public String sign(NoteSigner... signers) {
    return Notes.sign(body(), signers);
  }

  /**
   * Parses a checkpoint note text strictly: at least three lines, each ending in a newline and none
   * empty; a non-empty origin; the size in ASCII decimal without sign or leading zeros that fits a
   * signed 64-bit integer; the root hash as canonical padded base64 of exactly 32 bytes; no control
   * characters. {@link #body()} gives back the same text byte for byte.
   */
  public static Checkpoint parseBody(String text) {
    try {
      Notes.checkText(text);
    } catch (LogFormatException e) {
      throw new LogFormatException("checkpoint: " + e.getMessage(), e);
    }
    String[] lines = NEWLINE.split(text.substring(0, text.length() - 1), -1);
    if (lines.length < 3) {
      throw new LogFormatException("checkpoint needs origin, size and root hash lines");
    }
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        throw new LogFormatException("checkpoint line " + (i + 1) + " is empty");
      }
    }
    long size = Codec.decimal(lines[1], "checkpoint tree size");
    byte[] root = Codec.base64Hash(lines[2], "checkpoint root hash");
    List<String> extensions = Arrays.asList(lines).subList(3, lines.length);
    return new Checkpoint(lines[0], size, root, extensions);
  }

  /**
   * Opens a signed checkpoint: verifies the note against the log's keys (see {@link
   * Notes#open(String, List)}), parses its text and checks the origin.
   *
   * @throws ProofException if no log signature verifies, one fails, or the origin differs
   * @throws LogFormatException if the note or the checkpoint is malformed
   */
  public static Checkpoint open(String note, String expectedOrigin, List<NoteVerifier> logKeys) {
    Note n = Notes.open(note, logKeys);
    Checkpoint c = parseBody(n.text());
    if (!c.origin().equals(expectedOrigin)) {
      throw new ProofException(
          "checkpoint origin "
              + Codec.quote(c.origin())
              + " is not "
              + Codec.quote(expectedOrigin));
    }
    return c;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Checkpoint c
        && c.origin.equals(origin)
        && c.size == size
        && Arrays.equals(c.rootHash, rootHash)
        && c.extensions.equals(extensions);
  }

  @Override
  public int hashCode() {
    return ((origin.hashCode() * 31 + Long.hashCode(size)) * 31 + Arrays.hashCode(rootHash)) * 31
        + extensions.hashCode();
  }

  @Override
  public String toString() {
    return "Checkpoint[" + body().replace("\n", " | ") + "]";
  }
}
