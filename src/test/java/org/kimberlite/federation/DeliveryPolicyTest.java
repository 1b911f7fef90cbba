package org.kimberlite.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.kimberlite.certification.CertificateRecords;
import org.kimberlite.federation.DeliveryDecision.Reason;
import org.kimberlite.federation.Fixtures.Key;
import org.kimberlite.federation.Fixtures.Node;
import org.kimberlite.federation.Fixtures.Parts;
import org.kimberlite.shared.ParticipantCode;

/** FED-04 to FED-09: each check of a delivery, passing and refusing. */
class DeliveryPolicyTest {
  static final Node BW = Node.of("botswana", "BW", 10);
  static final Node EU = Node.of("eu", "EU", 20);
  static final Node ZA = Node.of("south-africa", "ZA", 30);

  static Parts issued() {
    return new Parts(BW, Fixtures.certificate("BW00000001", BW, "EU", BW.authority()));
  }

  /** A status event of {@code number} signed by {@code signer}, as committed. */
  static Map<String, @Nullable Object> status(
      String number, String status, String organisation, String details, Key signer) {
    Map<String, @Nullable Object> m = new java.util.LinkedHashMap<>();
    m.put("number", number);
    m.put("status", status);
    m.put("effectiveOn", "2026-12-02");
    m.put("organisation", organisation);
    m.put("details", details);
    m.put("signature", null);
    m.put(
        "signature",
        signer.jws("kp-status+jws", org.kimberlite.shared.json.CanonicalJson.bytes(m)));
    return m;
  }

  static DeliveryDecision admit(Parts p) {
    return DeliveryPolicy.admit(p.delivery(), BW.listing(), EU.listing(), null);
  }

  static void refused(DeliveryDecision d, Reason reason, String rule) {
    assertThat(d)
        .isInstanceOfSatisfying(
            DeliveryDecision.Refused.class,
            r -> {
              assertThat(r.reason()).isEqualTo(reason);
              assertThat(r.detail()).startsWith(rule);
            });
  }

  @Test
  void aDeliveryOfACertificateIssuedToTheReceiversParticipantIsAdmitted() {
    assertThat(admit(issued()))
        .isEqualTo(
            new DeliveryDecision.Admitted(ParticipantCode.of("BW"), ParticipantCode.of("EU"), 2));
  }

  @Test
  void fed04TheBodyMustNameTheNodeThatSigned() {
    Parts p = issued();
    p.from = "south-africa";
    refused(admit(p), Reason.WRONG_SENDER, "FED-04");
  }

  @Test
  void fed05TheTrustListMustBeTheSendersAndTheSignatureAnAuthorityOfItsParticipant() {
    Parts foreignList = issued();
    foreignList.trustList = ZA.trustListJws();
    refused(admit(foreignList), Reason.BAD_CERTIFICATE, "FED-05");

    Parts unknownAuthority =
        new Parts(BW, Fixtures.certificate("BW00000002", BW, "EU", Key.of(77)));
    refused(admit(unknownAuthority), Reason.BAD_CERTIFICATE, "FED-05");

    // signed by a listed authority, but over another document than the record
    Map<String, @Nullable Object> record =
        Fixtures.certificate("BW00000003", BW, "EU", BW.authority());
    Map<String, @Nullable Object> other =
        Fixtures.certificate("BW00000003", BW, "EU", BW.authority());
    other.put("carats", "9999.00");
    record.put("signature", other.get("signature"));
    record.put("signature", BW.authority().jws("kp-certificate+jws", Fixtures.unsigned(other)));
    refused(admit(new Parts(BW, record)), Reason.BAD_CERTIFICATE, "FED-05");

    // an authority of the sender's trust list, but of a participant the sender does not serve
    Map<String, @Nullable Object> za = Fixtures.certificate("ZA00000001", ZA, "EU", BW.authority());
    refused(admit(new Parts(BW, za)), Reason.BAD_CERTIFICATE, "FED-05");
  }

  @Test
  void fed06TheRecordMustBeTheCommittedOneAndTheEntryProvedInTheSendersLog() {
    Parts tamperedRecord = issued();
    byte[] entry = tamperedRecord.entry();
    tamperedRecord.entry = entry;
    tamperedRecord.record = tamperedRecord.record.replace("1250.40", "1250.41");
    refused(admit(tamperedRecord), Reason.BAD_PROOF, "FED-06");

    Parts otherSalt = issued();
    otherSalt.entry = otherSalt.entry();
    otherSalt.salt = new byte[32];
    refused(admit(otherSalt), Reason.BAD_PROOF, "FED-06");

    Parts otherLogKey = issued();
    otherLogKey.logKey = ZA.log();
    refused(admit(otherLogKey), Reason.BAD_PROOF, "FED-06");

    Parts otherOrigin = issued();
    otherOrigin.origin = "elsewhere.example/log";
    refused(admit(otherOrigin), Reason.BAD_PROOF, "FED-06");

    Parts otherType = issued();
    otherType.entryType = CertificateRecords.STATUS;
    refused(admit(otherType), Reason.BAD_PROOF, "FED-06");

    Parts otherNumber = issued();
    otherNumber.entryId = "BW00000999";
    refused(admit(otherNumber), Reason.BAD_PROOF, "FED-06");
  }

  @Test
  void fed07TheReceiverMustServeTheImportingParticipant() {
    Parts toZa = new Parts(BW, Fixtures.certificate("BW00000004", BW, "ZA", BW.authority()));
    refused(admit(toZa), Reason.NOT_OURS, "FED-07");
  }

  @Test
  void aCancellationIsAdmittedOnlyForACertificateHeldFromTheSameParticipant() {
    Parts p =
        new Parts(BW, status("BW00000001", "CANCELLED", "authority", "cancelled", BW.authority()));
    p.kind = DeliveryKind.CANCELLED;
    p.entryType = CertificateRecords.STATUS;
    p.entryId = "42";
    assertThat(
            DeliveryPolicy.admit(
                p.delivery(), BW.listing(), EU.listing(), ParticipantCode.of("BW")))
        .isInstanceOf(DeliveryDecision.Admitted.class);
    refused(
        DeliveryPolicy.admit(p.delivery(), BW.listing(), EU.listing(), null),
        Reason.NOT_OURS,
        "FED-07");
    refused(
        DeliveryPolicy.admit(p.delivery(), BW.listing(), EU.listing(), ParticipantCode.of("ZA")),
        Reason.BAD_CERTIFICATE,
        "FED-05");
  }

  /** The EU authority's signed confirmation of {@code number}, as the EU node sends it back. */
  static Parts confirmation(String number, Key signer) {
    Parts p =
        new Parts(
            EU,
            status(
                number,
                "CONFIRMED",
                "0b6f2a9e-8c1d-4d55-9b0e-3f6a1c2d4e5f",
                "received 2026-12-02: 3 parcels, 1250.40 carats, seal SEAL-1",
                signer));
    p.kind = DeliveryKind.CONFIRMED;
    p.entryType = CertificateRecords.STATUS;
    p.entryId = "confirmation:" + number;
    return p;
  }

  static final DeliveryPolicy.Sent SENT_TO_EU =
      new DeliveryPolicy.Sent(ParticipantCode.of("BW"), ParticipantCode.of("EU"), "eu");

  @Test
  void fed08AConfirmationComesBackFromTheNodeTheCertificateWentToSignedByItsImportingAuthority() {
    Parts p = confirmation("BW00000001", EU.authority());
    assertThat(DeliveryPolicy.admitConfirmation(p.delivery(), EU.listing(), SENT_TO_EU, null))
        .isEqualTo(
            new DeliveryDecision.Admitted(ParticipantCode.of("BW"), ParticipantCode.of("EU"), 2));
    assertThat(p.delivery().facts().effectiveOn()).isEqualTo(java.time.LocalDate.of(2026, 12, 2));

    // a certificate this node never delivered
    refused(
        DeliveryPolicy.admitConfirmation(p.delivery(), EU.listing(), null, null),
        Reason.NOT_OURS,
        "FED-08");
    // delivered to another node than the one confirming
    refused(
        DeliveryPolicy.admitConfirmation(
            p.delivery(),
            EU.listing(),
            new DeliveryPolicy.Sent(ParticipantCode.of("BW"), ParticipantCode.of("EU"), "za"),
            null),
        Reason.NOT_OURS,
        "FED-08");
    // signed by a key the EU node's trust list does not hold
    refused(
        DeliveryPolicy.admitConfirmation(
            confirmation("BW00000001", Key.of(77)).delivery(), EU.listing(), SENT_TO_EU, null),
        Reason.BAD_CERTIFICATE,
        "FED-05");
    // an authority of the EU node, but the certificate was for another participant
    refused(
        DeliveryPolicy.admitConfirmation(
            p.delivery(),
            EU.listing(),
            new DeliveryPolicy.Sent(ParticipantCode.of("BW"), ParticipantCode.of("ZA"), "eu"),
            null),
        Reason.BAD_CERTIFICATE,
        "FED-08");
    // the status event changed after it was signed
    Parts tampered = confirmation("BW00000001", EU.authority());
    tampered.record = tampered.record.replace("2026-12-02\"", "2026-12-01\"");
    tampered.entry = tampered.entry();
    refused(
        DeliveryPolicy.admitConfirmation(tampered.delivery(), EU.listing(), SENT_TO_EU, null),
        Reason.BAD_CERTIFICATE,
        "FED-05");
    // a confirmation is not decided as a certificate, nor a certificate as a confirmation
    refused(
        DeliveryPolicy.admit(p.delivery(), EU.listing(), BW.listing(), null),
        Reason.NOT_OURS,
        "FED-08");
    refused(
        DeliveryPolicy.admitConfirmation(issued().delivery(), BW.listing(), SENT_TO_EU, null),
        Reason.BAD_CERTIFICATE,
        "FED-08");
  }

  @Test
  void fed09TheCheckpointMustAgreeWithTheOneOfTheSameSizeThisNodeCosigned() {
    Parts p = issued();
    org.kimberlite.ledger.Checkpoint proved =
        org.kimberlite.ledger.TlogProof.verify(
            org.kimberlite.ledger.TlogProof.parse(p.proof()),
            org.kimberlite.ledger.Rfc6962.leafHash(p.entry()),
            BW.log().name(),
            List.of(org.kimberlite.ledger.NoteVerifier.parse(BW.log().vkey())));
    String origin = proved.origin();
    byte[] otherRoot = new byte[32];
    otherRoot[0] = 1;
    java.util.function.Function<org.kimberlite.ledger.Checkpoint, DeliveryDecision> witnessed =
        cosigned -> DeliveryPolicy.admit(p.delivery(), BW.listing(), EU.listing(), null, cosigned);
    // the same checkpoint cosigned: admitted
    assertThat(witnessed.apply(proved)).isInstanceOf(DeliveryDecision.Admitted.class);
    // a cosigned checkpoint of another size: nothing to compare without a consistency proof
    for (long size : new long[] {1, 3}) {
      assertThat(witnessed.apply(new org.kimberlite.ledger.Checkpoint(origin, size, otherRoot)))
          .isInstanceOf(DeliveryDecision.Admitted.class);
    }
    // of another log: not compared
    assertThat(
            witnessed.apply(
                new org.kimberlite.ledger.Checkpoint("other.example/log", 2, otherRoot)))
        .isInstanceOf(DeliveryDecision.Admitted.class);
    // the same size, another root: a split view
    refused(
        witnessed.apply(new org.kimberlite.ledger.Checkpoint(origin, 2, otherRoot)),
        Reason.SPLIT_VIEW,
        "FED-09");
    // and alike for a confirmation
    Parts back = confirmation("BW00000001", EU.authority());
    refused(
        DeliveryPolicy.admitConfirmation(
            back.delivery(),
            EU.listing(),
            SENT_TO_EU,
            new org.kimberlite.ledger.Checkpoint(EU.log().name(), 2, otherRoot)),
        Reason.SPLIT_VIEW,
        "FED-09");
  }

  @Test
  void aConfirmationNamesItsDateOfReceiptAndTheConfirmingOrganisationOrIsNotRead() {
    Parts good = confirmation("BW00000001", EU.authority());
    assertThat(good.delivery().facts().organisation())
        .isEqualTo("0b6f2a9e-8c1d-4d55-9b0e-3f6a1c2d4e5f");
    assertThat(good.delivery().facts().details()).startsWith("received 2026-12-02");
    for (String[] bad :
        new String[][] {
          {"2026-12-02", "0B6F2A9E-8C1D-4D55-9B0E-3F6A1C2D4E5F"},
          {"2026-12-02", "authority"},
          {"2 December 2026", "0b6f2a9e-8c1d-4d55-9b0e-3f6a1c2d4e5f"}
        }) {
      Map<String, @Nullable Object> status =
          status("BW00000001", "CONFIRMED", bad[1], "received", EU.authority());
      status.put("effectiveOn", bad[0]);
      Parts p = new Parts(EU, status);
      p.kind = DeliveryKind.CONFIRMED;
      p.entryType = CertificateRecords.STATUS;
      org.assertj.core.api.Assertions.assertThatThrownBy(p::delivery)
          .isInstanceOfSatisfying(
              DeliveryDocuments.Malformed.class, m -> assertThat(m.field()).isEqualTo("record"));
    }
  }
}
