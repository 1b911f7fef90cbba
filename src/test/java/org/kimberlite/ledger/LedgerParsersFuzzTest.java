package org.kimberlite.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.kimberlite.support.FuzzRuns;

/**
 * Fuzz targets for the transparency-log formats read from outside: signed notes, C2SP checkpoints,
 * tlog-proofs and tile paths. Each parser returns a value or throws its documented exception
 * ({@link LogFormatException} for a malformed input, {@link ProofException} for one that does not
 * verify) and nothing else; what it accepts formats back to the same text.
 *
 * <p>In a normal build each target runs once per input kept under
 * src/test/resources/org/kimberlite/ledger/LedgerParsersFuzzTestInputs/&lt;method&gt;/; to fuzz
 * one: {@code JAZZER_FUZZ=1 ./mvnw -B test -Dtest='LedgerParsersFuzzTest#checkpoint'
 * -Djazzer.hooks=true} (30 s, the maxDuration of the annotation).
 */
class LedgerParsersFuzzTest {
  static final String ORIGIN = "kimberlite.example/log";

  /** A fixed log key, so that kept inputs signed with it verify in every run. */
  static final NoteSigner LOG = NoteSigner.fromSeed(ORIGIN, new byte[32]);

  /** The key of the C2SP signed-note example (vectors/c2sp-examples). */
  static final NoteVerifier EXAMPLE =
      NoteVerifier.parse("example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k");

  static final List<NoteVerifier> KEYS = List.of(LOG.verifier(), EXAMPLE);

  private static String text(byte[] input) {
    return new String(input, StandardCharsets.UTF_8);
  }

  @FuzzTest(maxDuration = "30s")
  void note(byte[] input) {
    FuzzRuns.count("LedgerParsersFuzzTest#note");
    Note note;
    try {
      note = Notes.parse(input);
    } catch (LogFormatException malformed) {
      return;
    }
    assertThat(Notes.format(note)).isEqualTo(text(input));
    try {
      Note opened = Notes.open(input, KEYS);
      assertThat(opened.text()).isEqualTo(note.text());
    } catch (ProofException unverified) {
      // documented
    }
  }

  @FuzzTest(maxDuration = "30s")
  void checkpoint(byte[] input) {
    FuzzRuns.count("LedgerParsersFuzzTest#checkpoint");
    String text = text(input);
    try {
      Checkpoint c = Checkpoint.parseBody(text);
      assertThat(c.body()).isEqualTo(text);
    } catch (LogFormatException malformed) {
      // documented
    }
    try {
      Checkpoint c = Checkpoint.open(text, ORIGIN, KEYS);
      assertThat(c.origin()).isEqualTo(ORIGIN);
    } catch (LogFormatException | ProofException refused) {
      // documented
    }
  }

  @FuzzTest(maxDuration = "30s")
  void tlogProof(byte[] input) {
    FuzzRuns.count("LedgerParsersFuzzTest#tlogProof");
    String text = text(input);
    TlogProof proof;
    try {
      proof = TlogProof.parse(text);
    } catch (LogFormatException malformed) {
      return;
    }
    assertThat(proof.format()).isEqualTo(text);
    try {
      TlogProof.verify(proof, new byte[32], ORIGIN, KEYS);
    } catch (ProofException | LogFormatException refused) {
      // documented
    }
  }

  @FuzzTest(maxDuration = "30s")
  void tilePath(byte[] input) {
    FuzzRuns.count("LedgerParsersFuzzTest#tilePath");
    String text = text(input);
    try {
      TilePath t = TilePath.parse(text);
      assertThat(t.path()).isEqualTo(text);
    } catch (LogFormatException malformed) {
      // documented
    }
  }
}
