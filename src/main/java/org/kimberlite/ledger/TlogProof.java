package org.kimberlite.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An offline-verifiable proof that an entry is in a transparency log (https://c2sp.org/tlog-proof):
 *
 * <pre>
 * c2sp.org/tlog-proof@v1
 * [extra &lt;base64&gt;]
 * index &lt;n&gt;
 * [&lt;base64 hash&gt;]*
 *
 * &lt;signed checkpoint note, verbatim&gt;
 * </pre>
 *
 * @param extra optional opaque, unauthenticated extra data (null when absent; an empty array is
 *     taken as absent)
 * @param index the zero-based index of the entry
 * @param inclusionProof the RFC 6962 audit path, leaf's sibling first, 32-byte hashes
 * @param checkpointNote the signed checkpoint note, verbatim
 */
public record TlogProof(
    byte @Nullable [] extra, long index, List<byte[]> inclusionProof, String checkpointNote) {
  /** The first line of every proof. */
  public static final String HEADER = "c2sp.org/tlog-proof@v1";

  private static final int MAX_PROOF_HASHES = 63;
  private static final int MAX_SIZE = 2 * Notes.MAX_NOTE_SIZE;

  public TlogProof {
    if (extra != null) {
      extra = extra.length == 0 ? null : extra.clone();
    }
    if (index < 0) {
      throw new IllegalArgumentException("index is negative: " + index);
    }
    if (inclusionProof.size() > MAX_PROOF_HASHES) {
      throw new IllegalArgumentException("inclusion proof has more than 63 hashes");
    }
    List<byte[]> copy = new ArrayList<>(inclusionProof.size());
    for (byte[] h : inclusionProof) {
      if (h.length != Rfc6962.HASH_SIZE) {
        throw new IllegalArgumentException("inclusion proof hashes must be 32 bytes");
      }
      copy.add(h.clone());
    }
    inclusionProof = List.copyOf(copy);
    try {
      Checkpoint.parseBody(Notes.parse(checkpointNote).text());
    } catch (LogFormatException e) {
      throw new IllegalArgumentException("not a signed checkpoint: " + e.getMessage(), e);
    }
  }

  @Override
  public byte @Nullable [] extra() {
    return extra == null ? null : extra.clone();
  }

  @Override
  public List<byte[]> inclusionProof() {
    return inclusionProof.stream().map(byte[]::clone).toList();
  }

  /** The proof text. */
  public String format() {
    StringBuilder b = new StringBuilder(HEADER).append('\n');
    if (extra != null) {
      b.append("extra ").append(Codec.base64(extra)).append('\n');
    }
    b.append("index ").append(index).append('\n');
    for (byte[] h : inclusionProof) {
      b.append(Codec.base64(h)).append('\n');
    }
    return b.append('\n').append(checkpointNote).toString();
  }

  /**
   * Parses a proof strictly: the header line; an optional {@code extra} line with non-empty
   * canonical base64; {@code index} with a decimal without leading zeros; up to 63 lines of
   * canonical base64 32-byte hashes; an empty line; then a well-formed signed note whose text is a
   * checkpoint. Nothing is verified: see {@link #verify}.
   */
  public static TlogProof parse(String text) {
    if (text.length() > MAX_SIZE) {
      throw new LogFormatException("proof is too large");
    }
    Lines lines = new Lines(text);
    if (!lines.next().equals(HEADER)) {
      throw new LogFormatException("proof does not start with " + HEADER);
    }
    String line = lines.next();
    byte[] extra = null;
    if (line.startsWith("extra ")) {
      String b64 = line.substring("extra ".length());
      if (b64.isEmpty()) {
        throw new LogFormatException("proof extra line is empty");
      }
      extra = Codec.base64(b64, "proof extra data");
      line = lines.next();
    }
    if (!line.startsWith("index ")) {
      throw new LogFormatException("proof has no index line");
    }
    long index = Codec.decimal(line.substring("index ".length()), "proof index");
    List<byte[]> hashes = new ArrayList<>();
    while (!(line = lines.next()).isEmpty()) {
      if (hashes.size() == MAX_PROOF_HASHES) {
        throw new LogFormatException("proof has more than 63 hashes");
      }
      hashes.add(Codec.base64Hash(line, "proof hash " + hashes.size()));
    }
    String note = lines.rest();
    Checkpoint.parseBody(Notes.parse(note).text());
    return new TlogProof(extra, index, hashes, note);
  }

  /**
   * Verifies a proof: opens the checkpoint note with the log's keys, checks the origin, checks that
   * the index is below the tree size and verifies the inclusion proof of {@code leafHash} against
   * the root hash.
   *
   * @return the verified checkpoint
   * @throws ProofException if anything does not verify
   */
  public static Checkpoint verify(
      TlogProof proof, byte[] leafHash, String expectedOrigin, List<NoteVerifier> logKeys) {
    Checkpoint c = Checkpoint.open(proof.checkpointNote(), expectedOrigin, logKeys);
    if (proof.index() >= c.size()) {
      throw new ProofException(
          "proof index " + proof.index() + " is not below the checkpoint size " + c.size());
    }
    ProofVerifier.verifyInclusion(
        leafHash, proof.index(), c.size(), proof.inclusionProof, c.rootHash());
    return c;
  }

  /**
   * {@link #verify(TlogProof, byte[], String, List)} and, in addition, requires valid cosignatures
   * from at least {@code quorum} distinct witnesses. A cosignature by a known witness that fails to
   * verify refuses the proof.
   */
  public static Checkpoint verify(
      TlogProof proof,
      byte[] leafHash,
      String expectedOrigin,
      List<NoteVerifier> logKeys,
      List<CosignatureVerifier> witnesses,
      int quorum) {
    Checkpoint c = verify(proof, leafHash, expectedOrigin, logKeys);
    Note note = Notes.parse(proof.checkpointNote());
    int valid = 0;
    for (CosignatureVerifier w : witnesses) {
      boolean present =
          note.signatures().stream()
              .anyMatch(s -> s.name().equals(w.name()) && s.keyId() == w.keyId());
      if (present) {
        w.verify(note);
        valid++;
      }
    }
    if (valid < quorum) {
      throw new ProofException(
          "checkpoint has " + valid + " valid witness cosignatures, " + quorum + " required");
    }
    return c;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TlogProof p)
        || p.index != index
        || !Arrays.equals(p.extra, extra)
        || !p.checkpointNote.equals(checkpointNote)
        || p.inclusionProof.size() != inclusionProof.size()) {
      return false;
    }
    for (int i = 0; i < inclusionProof.size(); i++) {
      if (!Arrays.equals(p.inclusionProof.get(i), inclusionProof.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = Long.hashCode(index) * 31 + Arrays.hashCode(extra);
    for (byte[] x : inclusionProof) {
      h = h * 31 + Arrays.hashCode(x);
    }
    return h * 31 + checkpointNote.hashCode();
  }

  @Override
  public String toString() {
    return "TlogProof[index=" + index + ", " + inclusionProof.size() + " hashes]";
  }

  /** Newline-terminated lines of the proof header. */
  private static final class Lines {
    private final String text;
    private int pos;

    Lines(String text) {
      this.text = text;
    }

    String next() {
      int end = text.indexOf('\n', pos);
      if (end < 0) {
        throw new LogFormatException("proof ends before its checkpoint");
      }
      String line = text.substring(pos, end);
      pos = end + 1;
      return line;
    }

    String rest() {
      String rest = text.substring(pos);
      if (rest.isEmpty()) {
        throw new LogFormatException("proof has no checkpoint");
      }
      return rest;
    }
  }
}
