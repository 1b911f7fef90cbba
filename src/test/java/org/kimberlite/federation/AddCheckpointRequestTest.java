package org.kimberlite.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kimberlite.ledger.LogFormatException;
import org.kimberlite.ledger.NoteSignature;
import org.kimberlite.ledger.Notes;
import org.kimberlite.support.SharedCorpus;

/** The add-checkpoint request body, read strictly (C2SP tlog-witness). */
class AddCheckpointRequestTest {
  final TestLog log = new TestLog("peer.example/log").append(9);

  @Test
  void theSpecsExampleRequestAndResponseParse() throws Exception {
    Path dir = SharedCorpus.require("merkle/c2sp-examples");
    byte[] body = Files.readAllBytes(dir.resolve("tlog-witness_add-checkpoint-request.txt"));
    AddCheckpointRequest r = AddCheckpointRequest.parse(body);
    assertThat(r.oldSize()).isEqualTo(20852014);
    assertThat(r.proof()).hasSize(4);
    assertThat(Base64.getEncoder().encodeToString(r.proof().get(0)))
        .isEqualTo("PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=");
    assertThat(r.checkpoint().origin()).isEqualTo("example.com/behind-the-sofa");
    assertThat(r.checkpoint().size()).isEqualTo(20852163);
    assertThat(Notes.parse(r.note()).signatures()).hasSize(2);
    // Formatting the parts gives the same bytes back.
    assertThat(AddCheckpointRequest.format(r.oldSize(), r.proof(), r.note()))
        .isEqualTo(new String(body, StandardCharsets.UTF_8));

    // The response is signature lines: appended to the checkpoint, they parse as its signatures.
    String response = Files.readString(dir.resolve("tlog-witness_add-checkpoint-response.txt"));
    List<NoteSignature> lines = Notes.parse(r.note() + response).signatures();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(2).name()).isEqualTo("witness.example/w1");
    assertThat(lines.get(4).name()).isEqualTo("witness.example/w2");
  }

  @Test
  void aRequestRoundTrips() {
    String body = log.body(3, 9);
    AddCheckpointRequest r = AddCheckpointRequest.parse(bytes(body));
    assertThat(r.oldSize()).isEqualTo(3);
    assertThat(r.checkpoint()).isEqualTo(log.checkpoint(9));
    assertThat(AddCheckpointRequest.format(r.oldSize(), r.proof(), r.note())).isEqualTo(body);
  }

  @Test
  void malformedBodiesAreRefusedNamingTheirFault() {
    String note = log.note(9);
    String hash = Base64.getEncoder().encodeToString(new byte[32]);
    refused("", "no old size line");
    refused("old 3", "no old size line");
    refused("old 03\n\n" + note, "without leading zeros");
    refused("old -1\n\n" + note, "without leading zeros");
    refused("old  3\n\n" + note, "old <size>");
    refused("new 3\n\n" + note, "old <size>");
    refused("old 99999999999999999999\n\n" + note, "old <size>");
    refused("old 9223372036854775808\n\n" + note, "64-bit");
    // no blank line after the proof: the checkpoint's origin line is read as a proof line
    refused("old 3\n" + hash + "\n" + note, "proof line 2");
    refused("old 3\n" + hash + "\n", "empty line");
    refused("old 3\n" + hash.substring(1) + "\n\n" + note, "proof line 1");
    refused(
        "old 3\n" + Base64.getEncoder().encodeToString(new byte[31]) + "\n\n" + note, "32-byte");
    refused("old 3\n" + (hash + "\n").repeat(64) + "\n" + note, "more than 63");
    refused("old 3\n\nnot a note\n", "blank line");
    refused("old 3\n\n" + "x".repeat(AddCheckpointRequest.MAX_BODY_BYTES), "exceeds");
    assertThatThrownBy(
            () -> AddCheckpointRequest.parse(new byte[] {'o', 'l', 'd', ' ', (byte) 0xC3}))
        .isInstanceOf(LogFormatException.class)
        .hasMessageContaining("UTF-8");
    // 63 proof lines are allowed (a bad proof is the policy's to judge).
    assertThat(
            AddCheckpointRequest.parse(bytes("old 3\n" + (hash + "\n").repeat(63) + "\n" + note))
                .proof())
        .hasSize(63);
  }

  void refused(String body, String message) {
    assertThatThrownBy(() -> AddCheckpointRequest.parse(bytes(body)))
        .as(body.length() > 80 ? body.substring(0, 80) : body)
        .isInstanceOf(LogFormatException.class)
        .hasMessageContaining(message);
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
