package org.kimberlite.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.kimberlite.certification.CertificateRecords;
import org.kimberlite.federation.DeliveryDecision.Reason;
import org.kimberlite.federation.Fixtures.Key;
import org.kimberlite.federation.Fixtures.Node;
import org.kimberlite.federation.Fixtures.Parts;
import org.kimberlite.shared.ParticipantCode;

/** FED-04 to FED-07: each check of a delivery, passing and refusing. */
class DeliveryPolicyTest {
  static final Node BW = Node.of("botswana", "BW", 10);
  static final Node EU = Node.of("eu", "EU", 20);
  static final Node ZA = Node.of("south-africa", "ZA", 30);

  static Parts issued() {
    return new Parts(BW, Fixtures.certificate("BW00000001", BW, "EU", BW.authority()));
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
    Map<String, @Nullable Object> status = new java.util.LinkedHashMap<>();
    status.put("number", "BW00000001");
    status.put("status", "CANCELLED");
    status.put("effectiveOn", "2026-12-02");
    status.put("organisation", "authority");
    status.put("details", "cancelled");
    status.put("signature", null);
    status.put(
        "signature",
        BW.authority()
            .jws("kp-status+jws", org.kimberlite.shared.json.CanonicalJson.bytes(status)));
    Parts p = new Parts(BW, status);
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
}
