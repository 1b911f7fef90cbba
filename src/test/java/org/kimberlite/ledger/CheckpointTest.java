package org.kimberlite.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checkpoints and Ed25519 cosignatures, against the C2SP examples. */
class CheckpointTest {
  private static final String ROOT = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";

  @Test
  void checkpointExampleParsesAndReserialisesByteForByte() {
    String note = TestData.text("c2sp-examples/tlog-checkpoint_example.checkpoint");
    Note n = Notes.parse(note);
    Checkpoint c = Checkpoint.parseBody(n.text());
    assertThat(c.origin()).isEqualTo("example.com/behind-the-sofa");
    assertThat(c.size()).isEqualTo(20852163);
    assertThat(Codec.base64(c.rootHash())).isEqualTo(ROOT);
    assertThat(c.extensions()).isEmpty();
    assertThat(c.body()).isEqualTo(n.text());
    assertThat(Notes.format(new Note(c.body(), n.signatures()))).isEqualTo(note);
    assertThat(n.signatures())
        .singleElement()
        .extracting(NoteSignature::keyId)
        .isEqualTo(0x033de0ae);
  }

  @Test
  void cosignatureExampleParsesAndItsSignedMessageMatches() {
    String note = TestData.text("c2sp-examples/tlog-cosignature_example.checkpoint");
    Note n = Notes.parse(note);
    assertThat(Notes.format(n)).isEqualTo(note);
    Checkpoint c = Checkpoint.parseBody(n.text());
    NoteSignature witness = n.signatures().get(1);
    assertThat(witness.name()).isEqualTo("witness.example.com/w1");
    assertThat(witness.keyId()).isEqualTo(0x8d66cf3f);
    assertThat(witness.signature()).hasSize(72);
    long timestamp = ByteBuffer.wrap(witness.signature(), 0, 8).getLong();
    assertThat(timestamp).isEqualTo(1679315147L);
    String expected = TestData.text("c2sp-examples/tlog-cosignature_ed25519-signed-message.txt");
    assertThat(new String(Cosigner.signedMessage(c, timestamp), StandardCharsets.UTF_8))
        .isEqualTo(expected);
  }

  @Test
  void witnessExamplesParse() {
    String request = TestData.text("c2sp-examples/tlog-witness_add-checkpoint-request.txt");
    String note = request.substring(request.indexOf("\n\n") + 2);
    Note n = Notes.parse(note);
    assertThat(Checkpoint.parseBody(n.text()).size()).isEqualTo(20852163);
    assertThat(n.signatures()).hasSize(2);
    String response = TestData.text("c2sp-examples/tlog-witness_add-checkpoint-response.txt");
    Note withCosignatures = Notes.parse(n.text() + "\n" + response);
    assertThat(withCosignatures.signatures())
        .extracting(s -> s.signature().length)
        .containsOnly(72);
  }

  @Test
  void extensionLinesRoundTrip() {
    String body = "log.example\n0\n" + Codec.base64(Rfc6962.emptyRoot()) + "\next one\next two\n";
    Checkpoint c = Checkpoint.parseBody(body);
    assertThat(c.size()).isZero();
    assertThat(c.extensions()).containsExactly("ext one", "ext two");
    assertThat(c.body()).isEqualTo(body);
    assertThat(Checkpoint.parseBody(c.body())).isEqualTo(c);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "o\n020852163\n" + ROOT + "\n",
        "o\n-1\n" + ROOT + "\n",
        "o\n+5\n" + ROOT + "\n",
        "o\n 5\n" + ROOT + "\n",
        "o\n5 \n" + ROOT + "\n",
        "o\n00\n" + ROOT + "\n",
        "o\n\u0661\n" + ROOT + "\n",
        "o\n9223372036854775808\n" + ROOT + "\n",
        "o\n99999999999999999999\n" + ROOT + "\n",
        "o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n",
        "o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxqw==\n",
        "o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=\n",
        "o\n1\n" + ROOT + ROOT + "\n",
        "o\n1\n" + ROOT,
        "o\n1\n" + ROOT + "\n\n",
        "o\n1\n" + ROOT + "\n\next\n",
        "o\n1\n",
        "\n1\n" + ROOT + "\n",
        "o\r\n1\n" + ROOT + "\n",
        "o\n1\r\n" + ROOT + "\n",
        "o\n1\n" + ROOT + "\r\n",
        "o\u0000\n1\n" + ROOT + "\n",
        ""
      })
  void malformedBodiesAreRefused(String body) {
    assertThatThrownBy(() -> Checkpoint.parseBody(body)).isInstanceOf(LogFormatException.class);
  }

  @Test
  void largestSizeParses() {
    assertThat(Checkpoint.parseBody("o\n9223372036854775807\n" + ROOT + "\n").size())
        .isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void constructorRefusesWhatCannotBeSerialised() {
    byte[] root = Rfc6962.emptyRoot();
    assertThatThrownBy(() -> new Checkpoint("", 0, root))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Checkpoint("a\nb", 0, root))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Checkpoint("a", -1, root))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Checkpoint("a", 0, new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Checkpoint("a", 0, root, List.of("")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void openChecksSignatureAndOrigin() {
    NoteSigner log = NoteSigner.generate("log.example/one");
    Checkpoint c = new Checkpoint("log.example/one", 42, Rfc6962.leafHash(new byte[] {1}));
    String note = c.sign(log);
    assertThat(Checkpoint.open(note, "log.example/one", List.of(log.verifier()))).isEqualTo(c);
    assertThatThrownBy(() -> Checkpoint.open(note, "log.example/two", List.of(log.verifier())))
        .isInstanceOf(ProofException.class)
        .hasMessageContaining("origin");
    NoteSigner other = NoteSigner.generate("log.example/one");
    assertThatThrownBy(() -> Checkpoint.open(note, "log.example/one", List.of(other.verifier())))
        .isInstanceOf(ProofException.class);
  }

  @Test
  void cosignAndVerify() {
    NoteSigner log = NoteSigner.generate("log.example");
    Cosigner w = Cosigner.generate("witness.example/w1");
    Checkpoint c = new Checkpoint("log.example", 7, Rfc6962.leafHash(new byte[] {7}));
    NoteSignature sig = w.cosign(c, 1_700_000_000L);
    assertThat(sig.signature()).hasSize(72);
    assertThat(ByteBuffer.wrap(sig.signature(), 0, 8).getLong()).isEqualTo(1_700_000_000L);
    CosignatureVerifier v = CosignatureVerifier.parse(w.vkey());
    assertThat(v.keyId()).isEqualTo(w.keyId());
    assertThat(v.verify(c, sig)).isEqualTo(1_700_000_000L);

    // Into a note next to the log's signature; opening with the log key ignores the cosignature.
    String note = Notes.addSignatures(c.sign(log), List.of(sig));
    assertThat(Notes.open(note, List.of(log.verifier())).signatures()).hasSize(1);
    assertThat(v.verify(Notes.parse(note))).isEqualTo(1_700_000_000L);
    assertThatThrownBy(() -> v.verify(Notes.parse(c.sign(log)))).isInstanceOf(ProofException.class);

    Checkpoint other = new Checkpoint("log.example", 8, c.rootHash());
    assertThatThrownBy(() -> v.verify(other, sig)).isInstanceOf(ProofException.class);
    byte[] tampered = sig.signature();
    tampered[7] ^= 1; // the timestamp
    assertThatThrownBy(() -> v.verify(c, new NoteSignature(sig.name(), sig.keyId(), tampered)))
        .isInstanceOf(ProofException.class);
    byte[] future = sig.signature();
    future[0] = (byte) 0x80;
    assertThatThrownBy(() -> v.verify(c, new NoteSignature(sig.name(), sig.keyId(), future)))
        .isInstanceOf(ProofException.class)
        .hasMessageContaining("2^63");
    assertThatThrownBy(() -> v.verify(c, new NoteSignature("other", sig.keyId(), sig.signature())))
        .isInstanceOf(ProofException.class);
    assertThatThrownBy(() -> v.verify(c, new NoteSignature(sig.name(), sig.keyId(), new byte[64])))
        .isInstanceOf(ProofException.class);
    assertThatThrownBy(() -> Cosigner.generate("w").verifier().verify(c, sig))
        .isInstanceOf(ProofException.class);
  }

  @Test
  void cosignerKeysUseTypeByte4() {
    byte[] seed = new byte[32];
    seed[0] = 42;
    Cosigner w = Cosigner.fromSeed("witness.example", seed);
    NoteSigner s = NoteSigner.fromSeed("witness.example", seed);
    assertThat(w.publicKey()).isEqualTo(s.publicKey());
    assertThat(w.keyId()).isNotEqualTo(s.keyId());
    assertThat(w.keyId()).isEqualTo(Codec.keyId("witness.example", (byte) 0x04, w.publicKey()));
    assertThat(Codec.base64(w.publicKey())).isNotNull();
    assertThat(java.util.Base64.getDecoder().decode(w.vkey().split("\\+", 3)[2])[0])
        .isEqualTo((byte) 0x04);
    assertThat(Cosigner.parse(w.skey()).vkey()).isEqualTo(w.vkey());
    assertThatThrownBy(() -> CosignatureVerifier.parse(s.vkey()))
        .isInstanceOf(LogFormatException.class);
    assertThatThrownBy(() -> NoteVerifier.parse(w.vkey())).isInstanceOf(LogFormatException.class);
    assertThatThrownBy(() -> Cosigner.parse(s.skey())).isInstanceOf(LogFormatException.class);
  }
}
