package org.kimberlite.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Signed notes against the Go sumdb/note vectors and the C2SP examples. */
class SignedNoteTest {
  private static final JsonNode GO =
      TestData.json("signed-note-vectors/go-sumdb-note-vectors.json");
  private static final String TEXT = GO.get("text").asString();
  private static final NoteVerifier PETER = NoteVerifier.parse(GO.get("verifierKey").asString());
  private static final NoteVerifier ENOCH =
      NoteVerifier.parse(GO.get("secondVerifierKey").asString());

  @Test
  void goPrivateKeyParsesAndReproducesItsEncodings() {
    NoteSigner s = NoteSigner.parse(GO.get("signerKey").asString());
    assertThat(s.name()).isEqualTo("PeterNeumann");
    assertThat(Integer.toHexString(s.keyId())).isEqualTo(GO.get("keyIdHex").asString());
    assertThat(TestData.hex(s.publicKey())).isEqualTo(GO.get("ed25519PublicKeyHex").asString());
    assertThat(s.vkey()).isEqualTo(GO.get("verifierKey").asString());
    assertThat(s.skey()).isEqualTo(GO.get("signerKey").asString());
    assertThat(s.toString()).doesNotContain(GO.get("signerKey").asString().substring(30));

    NoteSigner fromSeed =
        NoteSigner.fromSeed("PeterNeumann", TestData.hex(GO.get("ed25519SeedHex").asString()));
    assertThat(fromSeed.skey()).isEqualTo(s.skey());
    assertThat(PETER.keyId()).isEqualTo(s.keyId());
    assertThat(PETER.publicKey()).isEqualTo(s.publicKey());
    assertThat(PETER.vkey()).isEqualTo(GO.get("verifierKey").asString());
    assertThat(s.verifier()).isEqualTo(PETER);
  }

  @Test
  void signingReproducesTheGoNoteByteForByte() {
    NoteSigner s = NoteSigner.parse(GO.get("signerKey").asString());
    assertThat(Notes.sign(TEXT, s)).isEqualTo(GO.get("signedNote").asString());
    byte[] raw = s.sign(TEXT.getBytes(StandardCharsets.UTF_8));
    assertThat(raw).hasSize(64);
    assertThat(new NoteSignature(s.name(), s.keyId(), raw).base64())
        .isEqualTo(GO.get("signatureBase64").asString());
    assertThat(PETER.verify(TEXT.getBytes(StandardCharsets.UTF_8), raw)).isTrue();
  }

  @Test
  void openOutcomes() {
    String two = GO.get("noteWithTwoSignatures").asString();
    Note n = Notes.open(two, List.of(PETER));
    assertThat(n.text()).isEqualTo(TEXT);
    assertThat(n.signatures()).extracting(NoteSignature::name).containsExactly("PeterNeumann");

    Note both = Notes.open(two, List.of(PETER, ENOCH));
    assertThat(both.signatures())
        .extracting(NoteSignature::name)
        .containsExactly("PeterNeumann", "EnochRoot");

    assertThat(Notes.parse(two).signatures()).hasSize(2);
    assertThatThrownBy(() -> Notes.open(two, List.of()))
        .isInstanceOf(ProofException.class)
        .hasMessageContaining("no verifiable signature");
    assertThat(Notes.open(GO.get("signedNote").asString(), List.of(PETER, ENOCH)).signatures())
        .hasSize(1);
  }

  @Test
  void tooManySignatures() {
    String line = GO.get("signedNote").asString().substring(TEXT.length() + 1);
    String note = TEXT + "\n" + line.repeat(101);
    assertThatThrownBy(() -> Notes.open(note, List.of(PETER)))
        .isInstanceOf(LogFormatException.class)
        .hasMessageContaining("more than 100");
    assertThat(Notes.open(TEXT + "\n" + line.repeat(100), List.of(PETER)).signatures()).hasSize(1);
  }

  @Test
  void corruptedSignatureByAKnownKeyIsRefused() {
    String line = GO.get("signedNote").asString().substring(TEXT.length() + 1);
    String corrupted = line.substring(0, 60) + "ABCD" + line.substring(60);
    assertThatThrownBy(() -> Notes.open(TEXT + "\n" + corrupted, List.of(PETER)))
        .isInstanceOf(ProofException.class)
        .hasMessageContaining("invalid signature for key PeterNeumann+c74f20a3");
  }

  @Test
  void mismatchedNameOrKeyIdIsNotVerifiable() {
    String line = GO.get("signedNote").asString().substring(TEXT.length() + 1);
    String renamed = line.replace("PeterNeumann", "CarmenSandiego");
    String otherId = line.replace("x08g", "xxxx");
    assertThatThrownBy(() -> Notes.open(TEXT + "\n" + renamed, List.of(PETER)))
        .isInstanceOf(ProofException.class);
    assertThatThrownBy(() -> Notes.open(TEXT + "\n" + otherId, List.of(PETER)))
        .isInstanceOf(ProofException.class);
    // Ignored, not fatal, next to a valid signature.
    assertThat(Notes.open(TEXT + "\n" + renamed + otherId + line, List.of(PETER)).signatures())
        .hasSize(1);
  }

  @Test
  void malformedGoNotesAreRejected() {
    JsonNode notes = GO.get("malformedNotesHex");
    assertThat(notes.size()).isEqualTo(7);
    for (int i = 0; i < notes.size(); i++) {
      byte[] bytes = TestData.hex(notes.get(i).asString());
      String why = GO.get("malformedNotesDescription").get(i).asString();
      assertThatThrownBy(() -> Notes.parse(bytes)).as(why).isInstanceOf(LogFormatException.class);
      assertThatThrownBy(() -> Notes.open(bytes, List.of(PETER)))
          .as(why)
          .isInstanceOf(LogFormatException.class);
    }
  }

  @Test
  void c2spVerifierKeyExample() {
    String vkey = TestData.text("c2sp-examples/signed-note_vkey-example.vkey").strip();
    String note = TestData.text("c2sp-examples/signed-note_vkey-example.note");
    NoteVerifier v = NoteVerifier.parse(vkey);
    assertThat(v.name()).isEqualTo("example.com/foo");
    assertThat(v.keyId()).isEqualTo(0x530d903a);
    assertThat(v.vkey()).isEqualTo(vkey);
    Note opened = Notes.open(note, List.of(v));
    assertThat(opened.text()).isEqualTo("This is an example message.\n");
    assertThat(opened.signatures()).hasSize(1);
    assertThat(Notes.format(opened)).isEqualTo(note);
  }

  @Test
  void oneBitChangesAreRefused() {
    String note = TestData.text("c2sp-examples/signed-note_vkey-example.note");
    NoteVerifier v =
        NoteVerifier.parse(TestData.text("c2sp-examples/signed-note_vkey-example.vkey").strip());
    byte[] bytes = note.getBytes(StandardCharsets.UTF_8);
    byte[] text = bytes.clone();
    text[3] ^= 0x01; // "This" -> "Thiq"
    assertThatThrownBy(() -> Notes.open(text, List.of(v))).isInstanceOf(ProofException.class);

    Note parsed = Notes.parse(note);
    NoteSignature sig = parsed.signatures().get(0);
    for (int bit : new int[] {0, 77, 200, 511}) {
      byte[] s = sig.signature();
      s[bit / 8] ^= (byte) (1 << (bit % 8));
      String tampered =
          Notes.format(
              new Note(parsed.text(), List.of(new NoteSignature(sig.name(), sig.keyId(), s))));
      assertThatThrownBy(() -> Notes.open(tampered, List.of(v)))
          .as("bit " + bit)
          .isInstanceOf(ProofException.class);
    }
  }

  @Test
  void introExampleTextMayContainABlankLine() {
    Note n = Notes.parse(TestData.text("c2sp-examples/signed-note_intro-example.note"));
    assertThat(n.text())
        .isEqualTo(
            "Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito"
                + " sera.\n");
    assertThat(n.signatures())
        .singleElement()
        .extracting(NoteSignature::name)
        .isEqualTo("quasimodo.example/salvatore");
    assertThat(Notes.format(n))
        .isEqualTo(TestData.text("c2sp-examples/signed-note_intro-example.note"));
  }

  @Test
  void generatedKeysRoundTripAndCoSign() {
    NoteSigner a = NoteSigner.generate("kimberlite.example/log");
    NoteSigner b = NoteSigner.generate("kimberlite.example/other");
    assertThat(NoteSigner.parse(a.skey()).vkey()).isEqualTo(a.vkey());
    assertThat(NoteVerifier.parse(a.vkey())).isEqualTo(a.verifier());
    String text = "hello\n\nworld\n";
    String note = Notes.sign(text, a);
    String twice = Notes.addSignatures(note, b);
    Note opened = Notes.open(twice, List.of(a.verifier(), b.verifier()));
    assertThat(opened.text()).isEqualTo(text);
    assertThat(opened.signatures()).hasSize(2);
    // Re-signing with the same key replaces the old line rather than adding one.
    assertThat(Notes.parse(Notes.addSignatures(twice, a)).signatures())
        .extracting(NoteSignature::name)
        .containsExactly("kimberlite.example/other", "kimberlite.example/log");
    assertThat(Notes.sign("\n", a)).startsWith("\n\n\u2014 ");
    assertThat(Notes.open(Notes.sign("\n", a), List.of(a.verifier())).text()).isEqualTo("\n");
  }

  @Test
  void aSignatureThatFailsByAKnownKeyRefusesTheNoteEvenIfAnotherVerifies() {
    NoteSigner a = NoteSigner.generate("a.example");
    NoteSigner b = NoteSigner.generate("b.example");
    Note good = Notes.parse(Notes.sign("text\n", a, b));
    byte[] broken = good.signatures().get(1).signature();
    broken[0] ^= 1;
    String note =
        Notes.format(
            new Note(
                good.text(),
                List.of(
                    good.signatures().get(0), new NoteSignature("b.example", b.keyId(), broken))));
    assertThat(Notes.open(note, List.of(a.verifier())).signatures()).hasSize(1);
    assertThatThrownBy(() -> Notes.open(note, List.of(a.verifier(), b.verifier())))
        .isInstanceOf(ProofException.class)
        .hasMessageContaining("b.example");
  }

  @Test
  void theSameVerifierListedTwiceIsFine() {
    NoteVerifier again = NoteVerifier.of("PeterNeumann", PETER.publicKey());
    assertThat(Notes.open(GO.get("signedNote").asString(), List.of(PETER, again)).signatures())
        .hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "no newline",
        "control \t char\n",
        "carriage\r\n",
        "nul \u0000\n",
        "lone surrogate \ud800\n",
        ""
      })
  void signRefusesInvalidText(String text) {
    NoteSigner a = NoteSigner.generate("a.example");
    assertThatThrownBy(() -> Notes.sign(text, a)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void signNeedsASigner() {
    assertThatThrownBy(() -> Notes.sign("x\n")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void malformedSignatureLinesAreRefused() {
    NoteSigner a = NoteSigner.generate("a.example");
    String good = Notes.sign("text\n", a);
    String line = good.substring("text\n\n".length(), good.length() - 1);
    String b64 = line.substring(line.lastIndexOf(' ') + 1);
    String[] bad = {
      "text\n\n" + line, // no final newline
      "text\n" + line + "\n", // no blank line
      "text\n\n- a.example " + b64 + "\n", // hyphen instead of em dash
      "text\n\n\u2014a.example " + b64 + "\n", // no space after the dash
      "text\n\n\u2014  a.example " + b64 + "\n", // empty name
      "text\n\n\u2014 a.example  " + b64 + "\n", // two spaces
      "text\n\n\u2014 a.example\n", // no signature
      "text\n\n\u2014 a.example \n", // empty signature
      "text\n\n\u2014 a+b " + b64 + "\n", // plus in name
      "text\n\n\u2014 a\u00a0b " + b64 + "\n", // no-break space in name
      "text\n\n\u2014 a.example " + b64.replace("=", "") + "\n", // unpadded
      "text\n\n\u2014 a.example " + b64 + " \n", // trailing space
      "text\n\n\u2014 a.example AAAAAA==\n", // 4 bytes: key ID without signature
      "text\n\n\u2014 a.example " + b64 + "\n\n", // trailing blank line
      "text\n\n" + line + "\r\n", // CR
      "text\n\n",
      "\n",
      ""
    };
    for (String note : bad) {
      assertThatThrownBy(() -> Notes.parse(note)).as(note).isInstanceOf(LogFormatException.class);
    }
    assertThat(Notes.parse(good).signatures()).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+0c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T",
        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW=",
        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW ",
        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWAA==",
        "PeterNeumann+c74f20a3+BBpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a3",
        "PeterNeumann",
        "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",
        ""
      })
  void strictVerifierKeyParsing(String vkey) {
    assertThatThrownBy(() -> NoteVerifier.parse(vkey)).isInstanceOf(LogFormatException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "PRIVATE+KEY+PeterNeumann+c74f20a4+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",
        "PRIVATE+KEY+PeterNeumann+C74F20A3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",
        "PRIVATE+KEY+PeterNeumann+c74f20a3+BIEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",
        "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDF",
        "PRIVATE+KEY+Peter+Neumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",
        "PRIVATE+KEYS+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",
        "private+key+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",
        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        ""
      })
  void strictPrivateKeyParsing(String skey) {
    assertThatThrownBy(() -> NoteSigner.parse(skey)).isInstanceOf(LogFormatException.class);
  }

  @Test
  void keyNamesAreChecked() {
    for (String name : new String[] {"", "a b", "a+b", "a\nb", "a\u2003b", "a\u0085b"}) {
      assertThatThrownBy(() -> NoteSigner.generate(name))
          .as(name)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> NoteSigner.fromSeed("a", new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(NoteSigner.generate("é.example/ünïcode").name()).isEqualTo("é.example/ünïcode");
  }

  @Test
  void signatureBase64IsKeyIdThenSignature() {
    NoteSignature s = new NoteSignature("n", 0x01020304, new byte[] {9});
    assertThat(Base64.getDecoder().decode(s.base64())).containsExactly(1, 2, 3, 4, 9);
    assertThat(s.line()).isEqualTo("\u2014 n AQIDBAk=\n");
  }
}
