package org.kimberlite.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.kimberlite.registry.SignatureException.Reason;
import org.kimberlite.registry.TrustList.TrustedKey;
import org.kimberlite.registry.internal.SealedSeed;
import org.kimberlite.shared.ParticipantCode;

/** The trust list offline: signed and read back, and authority signatures checked against it. */
class TrustListTest {
  static final SealedSeed PLATFORM = SealedSeed.generate();
  static final SealedSeed ACTIVE = SealedSeed.generate();
  static final SealedSeed RETIRED = SealedSeed.generate();
  static final SealedSeed REVOKED = SealedSeed.generate();
  static final UUID AUTHORITY = UUID.randomUUID();
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");
  static final Instant T1 = Instant.parse("2026-04-01T10:00:00Z");

  static TrustedKey listed(SealedSeed seed, KeyStatus status, Instant retired, Instant revoked) {
    byte[] key = seed.publicKey();
    return new TrustedKey(
        Jwk.thumbprint(key),
        ParticipantCode.of("BW"),
        AUTHORITY,
        "Botswana KP Authority",
        key,
        status,
        T0,
        retired,
        revoked,
        revoked == null ? null : T0);
  }

  static final TrustList LIST =
      new TrustList(
          "https://kimberlite.example",
          T1,
          List.of(
              listed(ACTIVE, KeyStatus.ACTIVE, null, null),
              listed(RETIRED, KeyStatus.RETIRED, T1, null),
              listed(REVOKED, KeyStatus.REVOKED, T0, T1)));

  static String signedList(TrustList list, SealedSeed by) {
    return Jws.sign(
        Jws.header(Jwk.thumbprint(by.publicKey()), TrustList.TYPE),
        list.toJson().getBytes(StandardCharsets.UTF_8),
        by::sign);
  }

  static String signature(SealedSeed by, String type, String payload) {
    return Jws.sign(
        Jws.header(Jwk.thumbprint(by.publicKey()), type),
        payload.getBytes(StandardCharsets.UTF_8),
        by::sign);
  }

  static Reason refusal(Executable e) {
    SignatureException refused = catchThrowableOfType(SignatureException.class, e::execute);
    assertThat(refused).isNotNull();
    return refused.reason();
  }

  @Test
  void aSignedListReadsBackWithThePlatformKey() {
    String jws = signedList(LIST, PLATFORM);
    TrustList read = TrustList.parse(jws, Jwk.toPublicKey(PLATFORM.publicKey()));
    assertThat(read).isEqualTo(LIST);
    assertThat(read.key(Jwk.thumbprint(RETIRED.publicKey())).orElseThrow().status())
        .isEqualTo(KeyStatus.RETIRED);
    assertThat(TrustList.parse(jws, null)).isEqualTo(LIST);
    assertThat(TrustList.fromJson(LIST.toJson().getBytes(StandardCharsets.UTF_8))).isEqualTo(LIST);
  }

  @Test
  void thePayloadIsTheDocumentedJson() {
    String json = LIST.toJson();
    assertThat(json)
        .startsWith(
            "{\"issuedAt\":\"2026-04-01T10:00:00Z\",\"issuer\":\"https://kimberlite.example\"")
        .contains("\"jwk\":{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"")
        .contains("\"status\":\"REVOKED\"", "\"revokedAt\":\"2026-04-01T10:00:00Z\"")
        .contains("\"retiredAt\":null", "\"organisation\":\"Botswana KP Authority\"");
  }

  @Test
  void aListSignedByAnotherKeyOrAlteredIsRefused() {
    String jws = signedList(LIST, PLATFORM);
    SealedSeed impostor = SealedSeed.generate();
    assertThat(
            refusal(
                () ->
                    TrustList.parse(
                        signedList(LIST, impostor), Jwk.toPublicKey(PLATFORM.publicKey()))))
        .isEqualTo(Reason.UNKNOWN_KEY);
    String[] parts = jws.split("\\.");
    TrustList fewer = new TrustList(LIST.issuer(), LIST.issuedAt(), LIST.keys().subList(0, 1));
    String swapped =
        parts[0]
            + "."
            + Jws.base64url(fewer.toJson().getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertThat(refusal(() -> TrustList.parse(swapped, Jwk.toPublicKey(PLATFORM.publicKey()))))
        .isEqualTo(Reason.BAD_SIGNATURE);
    String notAList = signature(PLATFORM, "kp-certificate+jwt", LIST.toJson());
    assertThat(refusal(() -> TrustList.parse(notAList, Jwk.toPublicKey(PLATFORM.publicKey()))))
        .isEqualTo(Reason.MALFORMED);
  }

  @Test
  void aListWhoseKidsOrStatusesDoNotFitIsMalformed() {
    String json = LIST.toJson();
    String otherKid = json.replaceFirst("\"kid\":\"[^\"]+\"", "\"kid\":\"" + "A".repeat(43) + "\"");
    assertThat(refusal(() -> TrustList.fromJson(otherKid.getBytes(StandardCharsets.UTF_8))))
        .isEqualTo(Reason.MALFORMED);
    String lying = json.replace("\"status\":\"REVOKED\"", "\"status\":\"ACTIVE\"");
    assertThat(refusal(() -> TrustList.fromJson(lying.getBytes(StandardCharsets.UTF_8))))
        .isEqualTo(Reason.MALFORMED);
    String extra = json.replace("{\"issuedAt\"", "{\"extra\":1,\"issuedAt\"");
    assertThat(refusal(() -> TrustList.fromJson(extra.getBytes(StandardCharsets.UTF_8))))
        .isEqualTo(Reason.MALFORMED);
  }

  @Test
  void offlineVerificationFollowsTheList() {
    Verified ok = OfflineVerifier.verify(signature(ACTIVE, "kp-certificate+jwt", "cert 1"), LIST);
    assertThat(ok.kid()).isEqualTo(Jwk.thumbprint(ACTIVE.publicKey()));
    assertThat(ok.organisationId()).isEqualTo(AUTHORITY);
    assertThat(ok.participant()).isEqualTo(ParticipantCode.of("BW"));
    assertThat(ok.type()).isEqualTo("kp-certificate+jwt");
    assertThat(new String(ok.payload(), StandardCharsets.UTF_8)).isEqualTo("cert 1");
    assertThat(ok.keyStatus()).isEqualTo(KeyStatus.ACTIVE);

    Verified old = OfflineVerifier.verify(signature(RETIRED, "kp-certificate+jwt", "old"), LIST);
    assertThat(old.keyStatus()).isEqualTo(KeyStatus.RETIRED);

    assertThat(refusal(() -> OfflineVerifier.verify(signature(REVOKED, "t", "x"), LIST)))
        .isEqualTo(Reason.REVOKED_KEY);
    assertThat(
            refusal(() -> OfflineVerifier.verify(signature(SealedSeed.generate(), "t", "x"), LIST)))
        .isEqualTo(Reason.UNKNOWN_KEY);
    String good = signature(ACTIVE, "t", "amount 10");
    String[] parts = good.split("\\.");
    String tampered =
        parts[0]
            + "."
            + Jws.base64url("amount 99".getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertThat(refusal(() -> OfflineVerifier.verify(tampered, LIST)))
        .isEqualTo(Reason.BAD_SIGNATURE);
    String noKid =
        Jws.sign(
            "{\"alg\":\"EdDSA\",\"typ\":\"t\"}".getBytes(StandardCharsets.UTF_8),
            new byte[0],
            ACTIVE::sign);
    assertThat(refusal(() -> OfflineVerifier.verify(noKid, LIST))).isEqualTo(Reason.MALFORMED);
    assertThat(refusal(() -> OfflineVerifier.verify(signature(ACTIVE, TrustList.TYPE, "{}"), LIST)))
        .isEqualTo(Reason.MALFORMED);
    assertThat(refusal(() -> OfflineVerifier.verify("e30.e30.", LIST))).isEqualTo(Reason.MALFORMED);
  }

  static final Instant COMPROMISED = Instant.parse("2026-03-15T00:00:00Z");
  static final SealedSeed LEAKED = SealedSeed.generate();

  static TrustList withLeakedKey() {
    byte[] key = LEAKED.publicKey();
    TrustedKey leaked =
        new TrustedKey(
            Jwk.thumbprint(key),
            ParticipantCode.of("BW"),
            AUTHORITY,
            "Botswana KP Authority",
            key,
            KeyStatus.REVOKED,
            T0,
            null,
            T1,
            COMPROMISED);
    return new TrustList("https://kimberlite.example", T1, List.of(leaked));
  }

  @Test
  void aSignatureShownOlderThanTheCompromiseVerifiesMarked() {
    TrustList list = TrustList.fromJson(withLeakedKey().toJson().getBytes(StandardCharsets.UTF_8));
    assertThat(list.toJson()).contains("\"compromisedAt\":\"2026-03-15T00:00:00Z\"");
    String jws = signature(LEAKED, "t", "x");
    Instant before = COMPROMISED.minusMillis(1);

    Verified verified = OfflineVerifier.verify(jws, list, SigningTime.atLatest(before));
    assertThat(verified.keyStatus()).isEqualTo(KeyStatus.REVOKED);
    assertThat(verified.warnings()).containsExactly("signed-with-key-later-revoked");
    assertThat(verified.laterRevoked())
        .isEqualTo(new Verified.LaterRevoked(T1, COMPROMISED, before));
  }

  @Test
  void aSignatureNotShownOlderThanTheCompromiseIsRefused() {
    TrustList list = withLeakedKey();
    String jws = signature(LEAKED, "t", "x");
    assertThat(refusal(() -> OfflineVerifier.verify(jws, list, SigningTime.atLatest(COMPROMISED))))
        .isEqualTo(Reason.REVOKED_KEY);
    assertThat(refusal(() -> OfflineVerifier.verify(jws, list))).isEqualTo(Reason.REVOKED_KEY);
    SignatureException refused =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            SignatureException.class,
            () -> OfflineVerifier.verify(jws, list, SigningTime.atLatest(T1)));
    assertThat(refused.getMessage())
        .contains("revoked on 2026-04-01T10:00:00Z", "compromised from 2026-03-15T00:00:00Z");
  }

  @Test
  void aListWithoutCompromiseTimesRefusesEverySignatureOfARevokedKey() {
    String json =
        withLeakedKey().toJson().replace("\"compromisedAt\":\"2026-03-15T00:00:00Z\",", "");
    assertThat(json).doesNotContain("compromisedAt");
    TrustList old = TrustList.fromJson(json.getBytes(StandardCharsets.UTF_8));
    assertThat(old.keys().get(0).compromisedAt()).isEqualTo(T0);
    assertThat(
            refusal(
                () ->
                    OfflineVerifier.verify(
                        signature(LEAKED, "t", "x"), old, SigningTime.atLatest(T0))))
        .isEqualTo(Reason.REVOKED_KEY);
  }

  @Test
  void aCompromiseTimeOutsideTheKeysLifeOrWithoutRevocationIsMalformed() {
    String json = withLeakedKey().toJson();
    for (String bad :
        List.of(
            json.replace("2026-03-15T00:00:00Z", "2026-02-01T00:00:00Z"),
            json.replace("2026-03-15T00:00:00Z", "2026-05-01T00:00:00Z"),
            LIST.toJson()
                .replace(
                    "\"compromisedAt\":null,\"createdAt\"",
                    "\"compromisedAt\":\"2026-03-15T00:00:00Z\",\"createdAt\""))) {
      assertThat(refusal(() -> TrustList.fromJson(bad.getBytes(StandardCharsets.UTF_8))))
          .as(bad)
          .isEqualTo(Reason.MALFORMED);
    }
  }
}
