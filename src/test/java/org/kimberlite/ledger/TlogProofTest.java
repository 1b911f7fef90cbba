package org.kimberlite.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TlogProofTest {
  private static final String ORIGIN = "kimberlite.example/log";
  private static final NoteSigner LOG = NoteSigner.generate(ORIGIN);
  private static final MemoryTree TREE = new MemoryTree();
  private static final long INDEX = 345;
  private static Checkpoint checkpoint;
  private static TlogProof proof;

  private static byte[] entry(long i) {
    return ("certificate " + i).getBytes(StandardCharsets.UTF_8);
  }

  @BeforeAll
  static void log() {
    for (int i = 0; i < 1000; i++) {
      TREE.appendEntry(entry(i));
    }
    checkpoint = new Checkpoint(ORIGIN, 1000, TreeMath.rootHash(1000, TREE));
    proof =
        new TlogProof(
            "context".getBytes(StandardCharsets.UTF_8),
            INDEX,
            TreeMath.inclusionProof(INDEX, 1000, TREE),
            checkpoint.sign(LOG));
  }

  private static byte[] leaf(long i) {
    return Rfc6962.leafHash(entry(i));
  }

  @Test
  void roundTripAndVerify() {
    String text = proof.format();
    assertThat(text).startsWith("c2sp.org/tlog-proof@v1\nextra Y29udGV4dA==\nindex 345\n");
    assertThat(text).endsWith("\n\n" + proof.checkpointNote());
    TlogProof parsed = TlogProof.parse(text);
    assertThat(parsed).isEqualTo(proof);
    assertThat(parsed.format()).isEqualTo(text);
    assertThat(TlogProof.verify(parsed, leaf(INDEX), ORIGIN, List.of(LOG.verifier())))
        .isEqualTo(checkpoint);
  }

  @Test
  void withoutExtraAndWithoutHashes() {
    MemoryTree one = new MemoryTree();
    one.appendEntry(entry(0));
    Checkpoint c = new Checkpoint(ORIGIN, 1, TreeMath.rootHash(1, one));
    TlogProof p = new TlogProof(null, 0, List.of(), c.sign(LOG));
    String text = p.format();
    assertThat(text).isEqualTo("c2sp.org/tlog-proof@v1\nindex 0\n\n" + c.sign(LOG));
    assertThat(TlogProof.parse(text)).isEqualTo(p);
    assertThat(TlogProof.parse(text).extra()).isNull();
    assertThat(TlogProof.verify(TlogProof.parse(text), leaf(0), ORIGIN, List.of(LOG.verifier())))
        .isEqualTo(c);
    assertThat(new TlogProof(new byte[0], 0, List.of(), c.sign(LOG)).extra()).isNull();
  }

  @Test
  void wrongOriginIsRefused() {
    assertThatThrownBy(
            () ->
                TlogProof.verify(proof, leaf(INDEX), "other.example/log", List.of(LOG.verifier())))
        .isInstanceOf(ProofException.class)
        .hasMessageContaining("origin");
  }

  @Test
  void wrongIndexOrLeafIsRefused() {
    TlogProof shifted =
        new TlogProof(null, INDEX + 1, proof.inclusionProof(), proof.checkpointNote());
    assertThatThrownBy(
            () -> TlogProof.verify(shifted, leaf(INDEX), ORIGIN, List.of(LOG.verifier())))
        .isInstanceOf(ProofException.class);
    assertThatThrownBy(
            () -> TlogProof.verify(proof, leaf(INDEX + 1), ORIGIN, List.of(LOG.verifier())))
        .isInstanceOf(ProofException.class);
    TlogProof beyond = new TlogProof(null, 1000, proof.inclusionProof(), proof.checkpointNote());
    assertThatThrownBy(() -> TlogProof.verify(beyond, leaf(INDEX), ORIGIN, List.of(LOG.verifier())))
        .isInstanceOf(ProofException.class)
        .hasMessageContaining("not below the checkpoint size");
  }

  @Test
  void tamperedProofLineIsRefused() {
    String text = proof.format();
    String[] lines = text.split("\n", -1);
    // lines[3] is the first hash; change one base64 character (still a valid 32-byte hash).
    char c = lines[3].charAt(5);
    lines[3] = lines[3].substring(0, 5) + (c == 'A' ? 'B' : 'A') + lines[3].substring(6);
    TlogProof tampered = TlogProof.parse(String.join("\n", lines));
    assertThatThrownBy(
            () -> TlogProof.verify(tampered, leaf(INDEX), ORIGIN, List.of(LOG.verifier())))
        .isInstanceOf(ProofException.class);

    List<byte[]> shorter = new ArrayList<>(proof.inclusionProof());
    shorter.remove(shorter.size() - 1);
    TlogProof truncated = new TlogProof(null, INDEX, shorter, proof.checkpointNote());
    assertThatThrownBy(
            () -> TlogProof.verify(truncated, leaf(INDEX), ORIGIN, List.of(LOG.verifier())))
        .isInstanceOf(ProofException.class);
  }

  @Test
  void unknownKeyIsRefused() {
    NoteSigner impostor = NoteSigner.generate(ORIGIN);
    assertThatThrownBy(
            () -> TlogProof.verify(proof, leaf(INDEX), ORIGIN, List.of(impostor.verifier())))
        .isInstanceOf(ProofException.class);
    assertThatThrownBy(() -> TlogProof.verify(proof, leaf(INDEX), ORIGIN, List.of()))
        .isInstanceOf(ProofException.class);
    // A checkpoint signed by the impostor, presented with the real key, is refused too.
    TlogProof forged =
        new TlogProof(null, INDEX, proof.inclusionProof(), checkpoint.sign(impostor));
    assertThatThrownBy(() -> TlogProof.verify(forged, leaf(INDEX), ORIGIN, List.of(LOG.verifier())))
        .isInstanceOf(ProofException.class);
  }

  @Test
  void witnessQuorum() {
    Cosigner w1 = Cosigner.generate("w1.example");
    Cosigner w2 = Cosigner.generate("w2.example");
    String note =
        Notes.addSignatures(proof.checkpointNote(), List.of(w1.cosign(checkpoint, 1_700_000_000L)));
    TlogProof p = new TlogProof(null, INDEX, proof.inclusionProof(), note);
    List<NoteVerifier> keys = List.of(LOG.verifier());
    List<CosignatureVerifier> witnesses = List.of(w1.verifier(), w2.verifier());
    assertThat(TlogProof.verify(p, leaf(INDEX), ORIGIN, keys, witnesses, 1)).isEqualTo(checkpoint);
    assertThatThrownBy(() -> TlogProof.verify(p, leaf(INDEX), ORIGIN, keys, witnesses, 2))
        .isInstanceOf(ProofException.class)
        .hasMessageContaining("1 valid witness");
  }

  @Test
  void malformedProofsAreRefused() {
    String text = proof.format();
    String note = proof.checkpointNote();
    String hashes =
        text.substring(
            text.indexOf("index 345\n") + "index 345\n".length(), text.indexOf("\n\n") + 1);
    String[] bad = {
      "",
      text.replace("c2sp.org/tlog-proof@v1", "c2sp.org/tlog-proof@v2"),
      "\n" + text,
      text.replace("index 345", "index 0345"),
      text.replace("index 345", "index -345"),
      text.replace("index 345", "index  345"),
      text.replace("index 345", "index 345 "),
      text.replace("index 345", "index 99999999999999999999"),
      text.replace("index 345", "Index 345"),
      text.replace("extra Y29udGV4dA==\n", "extra \n"),
      text.replace("extra Y29udGV4dA==\n", "extra Y29udGV4dA\n"),
      "c2sp.org/tlog-proof@v1\nindex 345\n" + hashes + "extra Y29udGV4dA==\n\n" + note,
      "c2sp.org/tlog-proof@v1\nindex 345\n" + hashes + note, // no blank line
      "c2sp.org/tlog-proof@v1\nindex 345\n" + hashes + "AAAA\n\n" + note, // short hash
      "c2sp.org/tlog-proof@v1\nindex 345\n" + hashes + "\n", // no checkpoint
      "c2sp.org/tlog-proof@v1\nindex 345\n" + hashes + "\n\n" + note, // two blank lines
      "c2sp.org/tlog-proof@v1\nindex 345", // truncated
      text + "trailing garbage\n",
      text.replace("\n", "\r\n"),
      "c2sp.org/tlog-proof@v1\nindex 345\n"
          + hashes
          + "\n"
          + note.substring(note.indexOf("\n\n") + 2),
      "c2sp.org/tlog-proof@v1\nindex 345\n"
          + hashes
          + "\nnot a checkpoint\n\n"
          + note.substring(note.indexOf("\n\n") + 2),
      "c2sp.org/tlog-proof@v1\nindex 345\n"
          + (Codec.base64(new byte[32]) + "\n").repeat(64)
          + "\n"
          + note
    };
    for (String b : bad) {
      assertThatThrownBy(() -> TlogProof.parse(b)).as(b).isInstanceOf(LogFormatException.class);
    }
  }

  @Test
  void constructorValidates() {
    String note = proof.checkpointNote();
    assertThatThrownBy(() -> new TlogProof(null, -1, List.of(), note))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TlogProof(null, 0, List.of(new byte[31]), note))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TlogProof(null, 0, List.of(), "not a note\n"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
