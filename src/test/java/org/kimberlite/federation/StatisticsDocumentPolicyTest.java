package org.kimberlite.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.kimberlite.federation.Fixtures.Key;
import org.kimberlite.federation.Fixtures.Node;
import org.kimberlite.federation.StatisticsDecision.Reason;
import org.kimberlite.federation.StatisticsDocumentPolicy.Held;
import org.kimberlite.ledger.Checkpoint;
import org.kimberlite.ledger.NoteSigner;
import org.kimberlite.ledger.Rfc6962;
import org.kimberlite.ledger.TlogProof;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.HsCode;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdAmount;
import org.kimberlite.shared.json.CanonicalJson;

/** FED-11 to FED-14: each check of a statistics document, passing and refusing at its edge. */
class StatisticsDocumentPolicyTest {
  static final Node BW = Node.of("botswana", "BW", 10);
  static final Node ZA = Node.of("south-africa", "ZA", 30);

  static NodeStatistics doc(String node, String participant, long version) {
    return new NodeStatistics(
        node,
        ParticipantCode.of(participant),
        2026,
        version,
        Fixtures.T0,
        List.of(
            new NodeStatistics.Flow(
                3,
                ParticipantCode.of("EU"),
                HsCode.NON_INDUSTRIAL,
                Carats.of("1250.40"),
                UsdAmount.of("187560.00"),
                1)),
        List.of(),
        List.of(
            new NodeStatistics.Production("H1", 2, Carats.of("100.00"), UsdAmount.of("50.00"))));
  }

  /** The parts of a fetched document, each replaceable before they are put together. */
  static final class Parts {
    NodeStatistics doc;
    Key signer = BW.trustList();
    byte[] salt = new byte[32];
    String entryType = NodeStatistics.RECORD_TYPE;
    @Nullable String entryId;
    @Nullable String record;
    NoteSigner logKey = BW.log();

    Parts(NodeStatistics doc) {
      this.doc = doc;
      salt[5] = 4;
    }

    String jws() {
      return signer.jws(NodeStatistics.TYPE, StatisticsDocuments.toJson(doc));
    }

    StatisticsDocuments.Pulled pulled() {
      String jws = jws();
      String rec =
          record != null ? record : CanonicalJson.string(StatisticsDocuments.record(doc, jws));
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("type", entryType);
      e.put("id", entryId != null ? entryId : doc.recordId());
      e.put("issuer", "https://botswana.example");
      e.put("time", Fixtures.T0.toString());
      e.put("digest", TransparencyLog.digest(salt, rec));
      byte[] entry = CanonicalJson.bytes(e);
      byte[] leaf = Rfc6962.leafHash(entry);
      byte[] other = Rfc6962.leafHash("other".getBytes(StandardCharsets.UTF_8));
      String note = new Checkpoint(logKey.name(), 2, Rfc6962.nodeHash(other, leaf)).sign(logKey);
      List<byte[]> path = new ArrayList<>();
      path.add(other);
      return new StatisticsDocuments.Pulled(
          rec, salt, entry, new TlogProof(null, 1, path, note).format());
    }
  }

  static StatisticsDecision admit(Parts p, @Nullable Held held) {
    return StatisticsDocumentPolicy.admit(p.pulled(), BW.listing(), r -> held);
  }

  static void refused(StatisticsDecision d, Reason reason, String rule) {
    assertThat(d)
        .isInstanceOfSatisfying(
            StatisticsDecision.Refused.class,
            r -> {
              assertThat(r.reason()).isEqualTo(reason);
              assertThat(r.detail()).startsWith(rule);
            });
  }

  @Test
  void aDocumentOfTheSendersParticipantSignedAndLoggedByItIsAdmitted() {
    Parts p = new Parts(doc("botswana", "BW", 1));
    assertThat(admit(p, null))
        .isInstanceOfSatisfying(
            StatisticsDecision.Admitted.class,
            a -> {
              assertThat(a.document()).isEqualTo(p.doc);
              assertThat(a.jws()).isEqualTo(p.jws());
              assertThat(a.checkpointSize()).isEqualTo(2);
            });
  }

  @Test
  void fed11TheSignatureMustVerifyWithTheSendersTrustListKeyAndNameTheSender() {
    Parts otherKey = new Parts(doc("botswana", "BW", 1));
    otherKey.signer = ZA.trustList();
    refused(admit(otherKey, null), Reason.BAD_SIGNATURE, "FED-11");

    Parts authorityKey = new Parts(doc("botswana", "BW", 1));
    authorityKey.signer = BW.authority();
    refused(admit(authorityKey, null), Reason.BAD_SIGNATURE, "FED-11");

    // signed with the sender's key, but a document another node claims to have made
    refused(admit(new Parts(doc("eu", "BW", 1)), null), Reason.BAD_SIGNATURE, "FED-11");
  }

  @Test
  void fed12TheRecordMustBeTheCommittedOneAndTheEntryProvedInTheSendersLog() {
    Parts otherEntry = new Parts(doc("botswana", "BW", 1));
    otherEntry.entryType = Directories.RECORD_TYPE;
    refused(admit(otherEntry, null), Reason.BAD_PROOF, "FED-12");

    Parts otherId = new Parts(doc("botswana", "BW", 1));
    otherId.entryId = "BW/2026/2";
    refused(admit(otherId, null), Reason.BAD_PROOF, "FED-12");

    Parts otherLog = new Parts(doc("botswana", "BW", 1));
    otherLog.logKey = ZA.log();
    refused(admit(otherLog, null), Reason.BAD_PROOF, "FED-12");

    // the record says version 2 while the signed document is version 1
    Parts mismatched = new Parts(doc("botswana", "BW", 1));
    Map<String, Object> rec = StatisticsDocuments.record(doc("botswana", "BW", 2), "x");
    rec.put("document", mismatched.jws());
    mismatched.record = CanonicalJson.string(rec);
    refused(admit(mismatched, null), Reason.BAD_PROOF, "FED-12");

    // the salt (or the record) is not the one committed in the entry
    Parts genuine = new Parts(doc("botswana", "BW", 1));
    StatisticsDocuments.Pulled p = genuine.pulled();
    byte[] salt = p.salt();
    salt[0] = 1;
    refused(
        StatisticsDocumentPolicy.admit(
            new StatisticsDocuments.Pulled(p.record(), salt, p.entry(), p.proof()),
            BW.listing(),
            r -> null),
        Reason.BAD_PROOF,
        "FED-12");
  }

  @Test
  void fed13TheSenderMustServeTheParticipant() {
    refused(admit(new Parts(doc("botswana", "ZA", 1)), null), Reason.NOT_SERVED, "FED-13");
  }

  @Test
  void fed14NoOlderVersionAndNoOtherDocumentUnderTheVersionHeld() {
    Parts v1 = new Parts(doc("botswana", "BW", 1));
    Parts v2 = new Parts(doc("botswana", "BW", 2));
    refused(admit(v1, new Held(2, v2.jws())), Reason.ROLLBACK, "FED-14");
    assertThat(admit(v2, new Held(2, v2.jws()))).isEqualTo(new StatisticsDecision.AlreadyHeld(2));
    refused(admit(v2, new Held(2, v1.jws())), Reason.ROLLBACK, "FED-14");
    assertThat(admit(v2, new Held(1, v1.jws()))).isInstanceOf(StatisticsDecision.Admitted.class);
  }

  @Test
  void aRecordThatIsNotCanonicalOrNotADocumentIsMalformed() {
    Parts spaced = new Parts(doc("botswana", "BW", 1));
    spaced.record =
        CanonicalJson.string(StatisticsDocuments.record(spaced.doc, spaced.jws()))
            .replace(",", ", ");
    refused(admit(spaced, null), Reason.MALFORMED, "record");
    Parts notJson = new Parts(doc("botswana", "BW", 1));
    notJson.record = "[]";
    assertThat(admit(notJson, null))
        .isInstanceOfSatisfying(
            StatisticsDecision.Refused.class,
            r -> assertThat(r.reason()).isEqualTo(Reason.MALFORMED));
  }

  @Test
  void aDocumentReadsBackAsWrittenAndItsFiguresIgnoreVersionAndTime() {
    NodeStatistics d = doc("botswana", "BW", 3);
    assertThat(StatisticsDocuments.fromJson(StatisticsDocuments.toJson(d))).isEqualTo(d);
    assertThat(StatisticsDocuments.figures(d))
        .isEqualTo(StatisticsDocuments.figures(doc("botswana", "BW", 4)));
    String extra =
        new String(StatisticsDocuments.toJson(d), StandardCharsets.UTF_8)
            .replace("{\"exports\"", "{\"extra\":1,\"exports\"");
    assertThatThrownBy(() -> StatisticsDocuments.fromJson(extra.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(StatisticsDocuments.Malformed.class);
  }
}
