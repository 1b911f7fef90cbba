package org.kimberlite.federation;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.kimberlite.ledger.Checkpoint;
import org.kimberlite.ledger.LogFormatException;
import org.kimberlite.ledger.Note;
import org.kimberlite.ledger.Notes;
import org.kimberlite.ledger.Rfc6962;

/**
 * The body of a C2SP tlog-witness {@code add-checkpoint} request: an {@code old <size>} line, at
 * most {@value #MAX_PROOF_LINES} consistency proof lines (one base64 hash each), an empty line, and
 * a signed checkpoint note. Parsed strictly; nothing here is verified.
 *
 * @param oldSize the size of the checkpoint the client believes this witness cosigned last
 * @param proof the consistency proof from {@code oldSize} to the checkpoint's size
 * @param note the signed checkpoint note, as sent
 * @param checkpoint the note's checkpoint, parsed but not verified
 */
public record AddCheckpointRequest(
    long oldSize, List<byte[]> proof, String note, Checkpoint checkpoint) {
  /** Most consistency proof lines a client may send (tlog-witness). */
  public static final int MAX_PROOF_LINES = 63;

  /** Largest request body accepted, in bytes: a checkpoint note, the proof and the old line. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  private static final Pattern OLD = Pattern.compile("old (0|[1-9][0-9]{0,18})");

  public AddCheckpointRequest {
    proof = proof.stream().map(byte[]::clone).toList();
  }

  @Override
  public List<byte[]> proof() {
    return proof.stream().map(byte[]::clone).toList();
  }

  /**
   * Parses a request body.
   *
   * @throws LogFormatException naming what is wrong: too large, not UTF-8, no {@code old} line, a
   *     size that is not a canonical decimal, a proof line that is not the canonical base64 of 32
   *     bytes, too many proof lines, no empty line, or a note that is not a signed checkpoint
   */
  public static AddCheckpointRequest parse(byte[] body) {
    if (body.length > MAX_BODY_BYTES) {
      throw new LogFormatException("the request exceeds " + MAX_BODY_BYTES + " bytes");
    }
    String text = utf8(body);
    int end = text.indexOf('\n');
    if (end < 0) {
      throw new LogFormatException("the request has no old size line");
    }
    String oldLine = text.substring(0, end);
    if (!OLD.matcher(oldLine).matches()) {
      throw new LogFormatException(
          "the first line must be \"old <size>\" with a decimal size without leading zeros");
    }
    long oldSize;
    try {
      oldSize = Long.parseLong(oldLine.substring(4));
    } catch (NumberFormatException e) {
      throw new LogFormatException("the old size does not fit a 64-bit integer", e);
    }
    List<byte[]> proof = new ArrayList<>();
    int start = end + 1;
    while (true) {
      int next = text.indexOf('\n', start);
      if (next < 0) {
        throw new LogFormatException("the request has no empty line before the checkpoint");
      }
      String line = text.substring(start, next);
      start = next + 1;
      if (line.isEmpty()) {
        break;
      }
      if (proof.size() == MAX_PROOF_LINES) {
        throw new LogFormatException("more than " + MAX_PROOF_LINES + " consistency proof lines");
      }
      proof.add(hash(line, proof.size() + 1));
    }
    String note = text.substring(start);
    Note parsed = Notes.parse(note);
    Checkpoint checkpoint = Checkpoint.parseBody(parsed.text());
    return new AddCheckpointRequest(oldSize, proof, note, checkpoint);
  }

  /** The request body for these parts, as a client sends it. */
  public static String format(long oldSize, List<byte[]> proof, String note) {
    StringBuilder b = new StringBuilder("old ").append(oldSize).append('\n');
    for (byte[] h : proof) {
      b.append(Base64.getEncoder().encodeToString(h)).append('\n');
    }
    return b.append('\n').append(note).toString();
  }

  private static byte[] hash(String line, int number) {
    byte[] h;
    try {
      h = Base64.getDecoder().decode(line);
    } catch (IllegalArgumentException e) {
      throw new LogFormatException("proof line " + number + " is not base64", e);
    }
    if (h.length != Rfc6962.HASH_SIZE || !Base64.getEncoder().encodeToString(h).equals(line)) {
      throw new LogFormatException(
          "proof line " + number + " is not the canonical base64 of a 32-byte hash");
    }
    return h;
  }

  private static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new LogFormatException("the request is not UTF-8", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AddCheckpointRequest r)
        || r.oldSize != oldSize
        || r.proof.size() != proof.size()) {
      return false;
    }
    for (int i = 0; i < proof.size(); i++) {
      if (!Arrays.equals(r.proof.get(i), proof.get(i))) {
        return false;
      }
    }
    return r.note.equals(note) && r.checkpoint.equals(checkpoint);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(oldSize) * 31 + note.hashCode();
  }

  @Override
  public String toString() {
    return "AddCheckpointRequest[old "
        + oldSize
        + ", "
        + proof.size()
        + " proof lines, "
        + checkpoint
        + "]";
  }
}
