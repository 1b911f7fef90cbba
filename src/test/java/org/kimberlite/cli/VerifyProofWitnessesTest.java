package org.kimberlite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kimberlite.ledger.Checkpoint;
import org.kimberlite.ledger.Cosigner;
import org.kimberlite.ledger.HashReader;
import org.kimberlite.ledger.NoteSignature;
import org.kimberlite.ledger.NoteSigner;
import org.kimberlite.ledger.Notes;
import org.kimberlite.ledger.Rfc6962;
import org.kimberlite.ledger.TlogProof;
import org.kimberlite.ledger.TreeMath;

/** {@code verify-proof --witness ... --witnesses-required K}: k of n cosignatures, offline. */
class VerifyProofWitnessesTest {
  static final NoteSigner LOG = NoteSigner.generate("kimberlite.test/log");
  static final Cosigner W1 = Cosigner.generate("one.example/witness");
  static final Cosigner W2 = Cosigner.generate("two.example/witness");
  static final Cosigner W3 = Cosigner.generate("three.example/witness");
  static final KimberliteCommand.Platform NONE =
      args -> {
        throw new AssertionError("verify-proof must not start the platform");
      };

  final List<byte[]> leaves = new ArrayList<>();
  @TempDir Path dir;

  byte[] entry(int i) {
    return ("entry " + i).getBytes(StandardCharsets.UTF_8);
  }

  byte[] hash(long from, long to) {
    if (to - from == 1) {
      return leaves.get((int) from);
    }
    long k = Long.highestOneBit(to - from - 1);
    return Rfc6962.nodeHash(hash(from, from + k), hash(from + k, to));
  }

  /** A proof of entry 3 in a tree of 7, its checkpoint cosigned by {@code cosignatures}. */
  Path proof(List<NoteSignature> cosignatures) throws Exception {
    for (int i = 0; i < 7; i++) {
      leaves.add(Rfc6962.leafHash(entry(i)));
    }
    HashReader r = (level, index) -> hash(index << level, (index + 1) << level);
    Checkpoint c = new Checkpoint(LOG.name(), 7, TreeMath.rootHash(7, r));
    String note = c.sign(LOG);
    if (!cosignatures.isEmpty()) {
      note = Notes.addSignatures(note, cosignatures);
    }
    TlogProof proof = new TlogProof(null, 3, TreeMath.inclusionProof(3, 7, r), note);
    Files.write(dir.resolve("entry"), entry(3));
    return Files.writeString(dir.resolve("proof"), proof.format());
  }

  Checkpoint checkpoint(Path proof) throws Exception {
    return Checkpoint.parseBody(
        Notes.parse(TlogProof.parse(Files.readString(proof)).checkpointNote()).text());
  }

  int verify(Path proof, String... options) {
    List<String> args = new ArrayList<>(List.of("verify-proof", "--vkey", LOG.vkey()));
    args.addAll(List.of(options));
    args.add(proof.toString());
    args.add(dir.resolve("entry").toString());
    return KimberliteCommand.execute(NONE, args.toArray(String[]::new));
  }

  String[] witnesses(String required) {
    return new String[] {
      "--witness",
      W1.vkey(),
      "--witness",
      W2.vkey(),
      "--witness",
      W3.vkey(),
      "--witnesses-required",
      required
    };
  }

  @Test
  void kOfNCosignaturesAreRequiredAndOneLessFails() throws Exception {
    Path unsigned = proof(List.of());
    Checkpoint c = checkpoint(unsigned);
    Path proof = proof(List.of(W1.cosign(c, 1_700_000_000L), W3.cosign(c, 1_700_000_001L)));
    assertThat(verify(proof, witnesses("2"))).isZero();
    assertThat(verify(proof, witnesses("1"))).isZero();
    assertThat(verify(proof, witnesses("3"))).isEqualTo(1);
    assertThat(verify(proof)).isZero(); // no witness asked for: the log's signature is enough
    // all given witnesses by default
    assertThat(verify(proof, "--witness", W1.vkey(), "--witness", W3.vkey())).isZero();
    assertThat(verify(proof, "--witness", W1.vkey(), "--witness", W2.vkey())).isEqualTo(1);
    // more required than given is refused
    assertThat(verify(proof, "--witness", W1.vkey(), "--witnesses-required", "2")).isEqualTo(1);
  }

  @Test
  void aForgedCosignatureOfAListedWitnessRefusesTheProof() throws Exception {
    Checkpoint c = checkpoint(proof(List.of()));
    NoteSignature good = W1.cosign(c, 1_700_000_000L);
    byte[] bad = good.signature();
    bad[bad.length - 1] ^= 1;
    Path proof =
        proof(
            List.of(
                new NoteSignature(good.name(), good.keyId(), bad), W2.cosign(c, 1_700_000_000L)));
    assertThat(verify(proof, witnesses("1"))).isEqualTo(1);
    // A cosignature of a witness nobody asked about is ignored.
    assertThat(verify(proof, "--witness", W2.vkey())).isZero();
  }
}
