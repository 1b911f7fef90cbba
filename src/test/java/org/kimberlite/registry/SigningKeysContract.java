package org.kimberlite.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.kimberlite.ledger.Audit;
import org.kimberlite.ledger.AuditReport;
import org.kimberlite.ledger.LogEntry;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.registry.SignatureException.Reason;
import org.kimberlite.registry.internal.OldFormat;
import org.kimberlite.registry.internal.SealedKeys;
import org.kimberlite.registry.internal.SealedSeed;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.problem.Problem;
import org.kimberlite.support.Api;
import org.kimberlite.support.Api.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Authority signing keys end to end, run against each database by a subclass: keys made on the
 * first signature, rotation, revocation, verification refusals, the signed trust list and offline
 * verification with it, and no seed in clear in the database.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      // its own data directory: the log key there is sealed under this fixed master key
      "kimberlite.data-dir=target/it-data/signing-keys",
      "kimberlite.keys.master-key=" + SigningKeysContract.MASTER_KEY_BASE64
    })
abstract class SigningKeysContract {
  /** A fixed master key, so that the test can open the stored seeds itself. */
  static final String MASTER_KEY_BASE64 = "S2ltYmVybGl0ZSB0ZXN0IG1hc3RlciBrZXkgMzJCISE=";

  @LocalServerPort int port;
  @Autowired Organisations organisations;
  @Autowired Accounts accounts;
  @Autowired SigningKeys signingKeys;
  @Autowired Signatures signatures;
  @Autowired TransparencyLog log;
  @Autowired Audit audit;
  @Autowired JdbcClient jdbc;
  @Autowired SealedKeys sealedKeys;

  Api anonymous() {
    return new Api("http://127.0.0.1:" + port);
  }

  /** A signed-in organisation for a test: its id and a bearer-token client. */
  record Actor(UUID organisationId, Api api) {}

  Actor actor(OrganisationRole role, String country) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Organisation o =
        organisations.registerSeed(
            new NewOrganisation(
                "Keys " + role + " " + suffix,
                org.kimberlite.shared.CountryCode.of(country),
                Set.of(role),
                null,
                null));
    String username = "k-" + suffix;
    String password = "correct horse " + suffix;
    accounts.create(o.id(), new NewAccount(username, "Tester " + suffix, password, true));
    Answer token =
        anonymous().post("/api/v1/auth/token", Map.of("username", username, "password", password));
    assertThat(token.status()).isEqualTo(201);
    return new Actor(o.id(), anonymous().withToken(token.json().get("token").asString()));
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static Reason refusal(Executable e) {
    SignatureException refused = catchThrowableOfType(SignatureException.class, e::execute);
    assertThat(refused).as("a SignatureException").isNotNull();
    return refused.reason();
  }

  static JsonNode header(String jws) {
    return Api.JSON.readTree(Base64.getUrlDecoder().decode(jws.substring(0, jws.indexOf('.'))));
  }

  static void assertProblem(Answer answer, int status) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
  }

  @Test
  void anAuthoritysFirstSignatureMakesItsKeyAndVerifies() {
    Actor bw = actor(OrganisationRole.KP_AUTHORITY, "BW");
    assertThat(signingKeys.keysOf(bw.organisationId())).isEmpty();

    String jws = signatures.sign(bw.organisationId(), "kp-certificate+jwt", utf8("{\"n\":1}"));

    List<SigningKey> keys = signingKeys.keysOf(bw.organisationId());
    assertThat(keys).hasSize(1);
    SigningKey key = keys.get(0);
    assertThat(key.status()).isEqualTo(KeyStatus.ACTIVE);
    assertThat(key.participant()).isEqualTo(ParticipantCode.of("BW"));
    assertThat(key.kid()).isEqualTo(Jwk.thumbprint(key.publicKey()));
    assertThat(header(jws).get("alg").asString()).isEqualTo("EdDSA");
    assertThat(header(jws).get("kid").asString()).isEqualTo(key.kid());
    assertThat(header(jws).get("typ").asString()).isEqualTo("kp-certificate+jwt");
    assertThat(header(jws).propertyNames()).containsExactly("alg", "kid", "typ");

    Verified verified = signatures.verify(jws);
    assertThat(verified.kid()).isEqualTo(key.kid());
    assertThat(verified.organisationId()).isEqualTo(bw.organisationId());
    assertThat(verified.participant()).isEqualTo(ParticipantCode.of("BW"));
    assertThat(verified.type()).isEqualTo("kp-certificate+jwt");
    assertThat(verified.payload()).isEqualTo(utf8("{\"n\":1}"));
    assertThat(verified.keyStatus()).isEqualTo(KeyStatus.ACTIVE);

    assertThat(signatures.sign(bw.organisationId(), "t", utf8("again")))
        .satisfies(again -> assertThat(header(again).get("kid").asString()).isEqualTo(key.kid()));
    assertThat(signingKeys.keysOf(bw.organisationId())).hasSize(1);
    assertThat(signingKeys.activeKey(bw.organisationId())).isEqualTo(key);
    assertThat(signingKeys.find(key.kid())).contains(key);

    List<LogEntry> committed = log.entriesOfRecord(SigningKeyRecords.SIGNING_KEY, key.kid(), null);
    assertThat(committed).hasSize(1);
    assertThat(committed.get(0).issuer()).isEqualTo(bw.organisationId().toString());
  }

  @Test
  void concurrentFirstSignaturesShareOneKey() throws Exception {
    Actor bw = actor(OrganisationRole.KP_AUTHORITY, "BW");
    int threads = 6;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<String>> signed = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        byte[] payload = utf8("payload " + i);
        signed.add(
            pool.submit(
                () -> {
                  start.await();
                  return signatures.sign(bw.organisationId(), "t", payload);
                }));
      }
      start.countDown();
      Set<String> kids = new HashSet<>();
      for (Future<String> f : signed) {
        String jws = f.get(60, TimeUnit.SECONDS);
        kids.add(header(jws).get("kid").asString());
        assertThat(signatures.verify(jws).keyStatus()).isEqualTo(KeyStatus.ACTIVE);
      }
      assertThat(kids).hasSize(1);
      assertThat(signingKeys.keysOf(bw.organisationId())).hasSize(1);
      assertThat(log.entriesOfRecord(SigningKeyRecords.SIGNING_KEY, kids.iterator().next(), null))
          .hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void rotationRetiresTheOldKeyWhoseSignaturesStillVerify() {
    Actor za = actor(OrganisationRole.KP_AUTHORITY, "ZA");
    String before = signatures.sign(za.organisationId(), "kp-certificate+jwt", utf8("before"));
    String oldKid = header(before).get("kid").asString();

    Answer rotated = za.api().post("/api/v1/signing-keys/rotation", Map.of());
    assertThat(rotated.status()).as(rotated.body()).isEqualTo(201);
    String newKid = rotated.json().get("kid").asString();
    assertThat(newKid).isNotEqualTo(oldKid);
    assertThat(rotated.json().get("status").asString()).isEqualTo("ACTIVE");
    assertThat(rotated.json().get("participant").asString()).isEqualTo("ZA");
    assertThat(rotated.json().get("jwk").get("kty").asString()).isEqualTo("OKP");
    assertThat(rotated.raw().headers().firstValue("Location"))
        .contains("/api/v1/signing-keys/" + newKid);

    Verified old = signatures.verify(before);
    assertThat(old.kid()).isEqualTo(oldKid);
    assertThat(old.keyStatus()).isEqualTo(KeyStatus.RETIRED);
    assertThat(new String(old.payload(), StandardCharsets.UTF_8)).isEqualTo("before");

    String after = signatures.sign(za.organisationId(), "kp-certificate+jwt", utf8("after"));
    assertThat(header(after).get("kid").asString()).isEqualTo(newKid);
    assertThat(signatures.verify(after).keyStatus()).isEqualTo(KeyStatus.ACTIVE);

    Answer mine = za.api().get("/api/v1/signing-keys");
    assertThat(mine.status()).isEqualTo(200);
    Map<String, String> statuses = new HashMap<>();
    mine.json().forEach(k -> statuses.put(k.get("kid").asString(), k.get("status").asString()));
    assertThat(statuses)
        .containsExactlyInAnyOrderEntriesOf(Map.of(oldKid, "RETIRED", newKid, "ACTIVE"));
    assertThat(signingKeys.find(oldKid).orElseThrow().retiredAt()).isNotNull();
    assertThat(log.entriesOfRecord(SigningKeyRecords.SIGNING_KEY, oldKid, null)).hasSize(2);
  }

  @Test
  void revocationRefusesTheKeysSignaturesFromThenOn() {
    Actor na = actor(OrganisationRole.KP_AUTHORITY, "NA");
    String signed = signatures.sign(na.organisationId(), "kp-certificate+jwt", utf8("cert"));
    String kid = header(signed).get("kid").asString();
    assertThat(signatures.verify(signed).keyStatus()).isEqualTo(KeyStatus.ACTIVE);

    assertProblem(
        na.api().post("/api/v1/signing-keys/" + kid + "/revocation", Map.of("reason", " ")), 422);
    Instant before = Instant.now().minusSeconds(1);
    Answer revoked =
        na.api()
            .post(
                "/api/v1/signing-keys/" + kid + "/revocation",
                Map.of("reason", "Key material exposed in an incident"));
    assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
    assertThat(revoked.json().get("status").asString()).isEqualTo("REVOKED");
    assertThat(revoked.json().get("revocationReason").asString())
        .isEqualTo("Key material exposed in an incident");
    assertThat(Instant.parse(revoked.json().get("revokedAt").asString())).isAfter(before);
    assertThat(signingKeys.find(kid).orElseThrow().status()).isEqualTo(KeyStatus.REVOKED);

    assertThat(refusal(() -> signatures.verify(signed))).isEqualTo(Reason.REVOKED_KEY);
    assertProblem(
        na.api().post("/api/v1/signing-keys/" + kid + "/revocation", Map.of("reason", "again")),
        409);

    String next = signatures.sign(na.organisationId(), "kp-certificate+jwt", utf8("next"));
    assertThat(header(next).get("kid").asString()).isNotEqualTo(kid);
    assertThat(signatures.verify(next).keyStatus()).isEqualTo(KeyStatus.ACTIVE);
  }

  @Test
  void unknownKeysAndTamperedPayloadsAreRefused() {
    Actor bw = actor(OrganisationRole.KP_AUTHORITY, "BW");
    String signed = signatures.sign(bw.organisationId(), "t", utf8("carats 10.00"));
    String[] parts = signed.split("\\.");

    String tampered = parts[0] + "." + Jws.base64url(utf8("carats 99.00")) + "." + parts[2];
    assertThat(refusal(() -> signatures.verify(tampered))).isEqualTo(Reason.BAD_SIGNATURE);

    SealedSeed stranger = SealedSeed.generate();
    String unknown =
        Jws.sign(Jws.header(Jwk.thumbprint(stranger.publicKey()), "t"), utf8("x"), stranger::sign);
    assertThat(refusal(() -> signatures.verify(unknown))).isEqualTo(Reason.UNKNOWN_KEY);

    String forged =
        Jws.sign(Jws.header(header(signed).get("kid").asString(), "t"), utf8("x"), stranger::sign);
    assertThat(refusal(() -> signatures.verify(forged))).isEqualTo(Reason.BAD_SIGNATURE);

    String none =
        Jws.base64url(
                utf8(
                    "{\"alg\":\"none\",\"kid\":\""
                        + header(signed).get("kid").asString()
                        + "\",\"typ\":\"t\"}"))
            + "."
            + parts[1]
            + ".";
    assertThat(refusal(() -> signatures.verify(none))).isEqualTo(Reason.WRONG_ALGORITHM);
    assertThat(refusal(() -> signatures.verify("not a jws"))).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void onlyAuthoritiesHoldKeys() {
    Actor trader = actor(OrganisationRole.TRADER, "BE");
    Problem p =
        catchThrowableOfType(
            Problem.class, () -> signatures.sign(trader.organisationId(), "t", utf8("x")));
    assertThat(p).isNotNull();
    assertThat(p.status()).isEqualTo(403);
    assertThatThrownBy(() -> signingKeys.activeKey(trader.organisationId()))
        .isInstanceOfSatisfying(Problem.class, e -> assertThat(e.status()).isEqualTo(403));
    assertThatThrownBy(() -> signingKeys.activeKey(UUID.randomUUID()))
        .isInstanceOfSatisfying(Problem.class, e -> assertThat(e.status()).isEqualTo(404));
    assertProblem(trader.api().post("/api/v1/signing-keys/rotation", Map.of()), 403);
    assertProblem(trader.api().get("/api/v1/signing-keys"), 403);
    assertThat(signingKeys.keysOf(trader.organisationId())).isEmpty();
    assertProblem(anonymous().post("/api/v1/signing-keys/rotation", Map.of()), 401);
    assertProblem(anonymous().get("/api/v1/signing-keys"), 401);
  }

  @Test
  void anotherAuthorityCannotRevokeOrSeeYourKey() {
    Actor bw = actor(OrganisationRole.KP_AUTHORITY, "BW");
    Actor ca = actor(OrganisationRole.KP_AUTHORITY, "CA");
    String kid = signingKeys.activeKey(bw.organisationId()).kid();

    assertProblem(
        ca.api().post("/api/v1/signing-keys/" + kid + "/revocation", Map.of("reason", "mine now")),
        404);
    assertProblem(ca.api().get("/api/v1/signing-keys/" + kid), 404);
    assertThat(signingKeys.find(kid).orElseThrow().status()).isEqualTo(KeyStatus.ACTIVE);
    assertThat(bw.api().get("/api/v1/signing-keys/" + kid).status()).isEqualTo(200);
    assertProblem(
        bw.api()
            .post("/api/v1/signing-keys/" + "A".repeat(43) + "/revocation", Map.of("reason", "x")),
        404);
  }

  @Test
  void theSecretariatSeesEveryAuthoritysKeys() {
    Actor bw = actor(OrganisationRole.KP_AUTHORITY, "BW");
    Actor secretariat = actor(OrganisationRole.KP_SECRETARIAT, "ZA");
    String kid = signingKeys.activeKey(bw.organisationId()).kid();
    Answer all = secretariat.api().get("/api/v1/signing-keys");
    assertThat(all.status()).isEqualTo(200);
    assertThat(kids(all)).contains(kid).hasSize(signingKeys.all().size());
    Answer botswana = secretariat.api().get("/api/v1/signing-keys?participant=BW");
    assertThat(kids(botswana)).contains(kid);
    botswana.json().forEach(k -> assertThat(k.get("participant").asString()).isEqualTo("BW"));
    assertThat(kids(secretariat.api().get("/api/v1/signing-keys?participant=NA")))
        .doesNotContain(kid);
    JsonNode one = secretariat.api().get("/api/v1/signing-keys/" + kid).json();
    assertThat(one.get("organisation").asString()).startsWith("Keys KP_AUTHORITY");
    assertThat(one.get("organisationId").asString()).isEqualTo(bw.organisationId().toString());
  }

  static List<String> kids(Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    answer.json().forEach(k -> out.add(k.get("kid").asString()));
    return out;
  }

  @Test
  void theTrustListIsSignedByThePlatformKeyAndListsEveryKeyWithItsStatus() {
    Actor one = actor(OrganisationRole.KP_AUTHORITY, "BW");
    signingKeys.activeKey(one.organisationId());
    Actor two = actor(OrganisationRole.KP_AUTHORITY, "NA");
    String retiredKid = signingKeys.activeKey(two.organisationId()).kid();
    assertThat(two.api().post("/api/v1/signing-keys/rotation", Map.of()).status()).isEqualTo(201);
    String revokedKid = signingKeys.activeKey(two.organisationId()).kid();
    assertThat(
            two.api()
                .post(
                    "/api/v1/signing-keys/" + revokedKid + "/revocation", Map.of("reason", "lost"))
                .status())
        .isEqualTo(200);

    Answer signed = anonymous().get("/api/v1/trust-list");
    assertThat(signed.status()).as(signed.body()).isEqualTo(200);
    assertThat(signed.contentType()).startsWith("application/jose");
    Answer keyAnswer = anonymous().get("/api/v1/trust-list/key");
    assertThat(keyAnswer.status()).isEqualTo(200);
    assertThat(keyAnswer.contentType()).startsWith("application/jwk+json");
    byte[] platformKey = Jwk.parsePublic(keyAnswer.body());
    assertThat(keyAnswer.json().get("kid").asString()).isEqualTo(Jwk.thumbprint(platformKey));
    assertThat(header(signed.body()).get("kid").asString()).isEqualTo(Jwk.thumbprint(platformKey));
    assertThat(header(signed.body()).get("typ").asString()).isEqualTo("kimberlite-trust-list+jwt");

    TrustList list = TrustList.parse(signed.body(), Jwk.toPublicKey(platformKey));
    assertThat(list.issuer()).isNotBlank();
    Map<String, KeyStatus> listed =
        list.keys().stream()
            .collect(Collectors.toMap(TrustList.TrustedKey::kid, TrustList.TrustedKey::status));
    Map<String, KeyStatus> known =
        signingKeys.all().stream().collect(Collectors.toMap(SigningKey::kid, SigningKey::status));
    assertThat(listed).isEqualTo(known);
    assertThat(listed.get(retiredKid)).isEqualTo(KeyStatus.RETIRED);
    assertThat(listed.get(revokedKid)).isEqualTo(KeyStatus.REVOKED);
    assertThat(listed.get(signingKeys.activeKey(one.organisationId()).kid()))
        .isEqualTo(KeyStatus.ACTIVE);
    TrustList.TrustedKey revoked = list.key(revokedKid).orElseThrow();
    assertThat(revoked.revokedAt()).isNotNull();
    assertThat(revoked.organisationId()).isEqualTo(two.organisationId());
    assertThat(revoked.participant()).isEqualTo(ParticipantCode.of("NA"));
    assertThat(revoked.organisation()).startsWith("Keys KP_AUTHORITY");

    Answer plain = anonymous().get("/api/v1/trust-list.json");
    assertThat(plain.status()).isEqualTo(200);
    assertThat(plain.contentType()).startsWith("application/json");
    assertThat(TrustList.fromJson(utf8(plain.body())).keys()).hasSize(list.keys().size());

    SealedSeed impostor = SealedSeed.generate();
    assertThat(refusal(() -> TrustList.parse(signed.body(), Jwk.toPublicKey(impostor.publicKey()))))
        .isEqualTo(Reason.UNKNOWN_KEY);

    // the platform key stays the same from one list to the next
    assertThat(anonymous().get("/api/v1/trust-list/key").json().get("kid").asString())
        .isEqualTo(Jwk.thumbprint(platformKey));
  }

  @Test
  void aRotationKeepsEarlierSignaturesValidOnlineAndOffline() throws Exception {
    Actor za = actor(OrganisationRole.KP_AUTHORITY, "ZA");
    String before = signatures.sign(za.organisationId(), "kp-certificate+jwt", utf8("before"));
    String oldKid = header(before).get("kid").asString();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<String> during = new ArrayList<>();
    String newKid;
    try {
      List<Future<String>> signing = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        byte[] payload = utf8("during " + i);
        signing.add(pool.submit(() -> signatures.sign(za.organisationId(), "t", payload)));
      }
      Answer rotated = za.api().post("/api/v1/signing-keys/rotation", Map.of());
      assertThat(rotated.status()).as(rotated.body()).isEqualTo(201);
      newKid = rotated.json().get("kid").asString();
      for (Future<String> f : signing) {
        during.add(f.get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    String after = signatures.sign(za.organisationId(), "kp-certificate+jwt", utf8("after"));

    byte[] platformKey = Jwk.parsePublic(anonymous().get("/api/v1/trust-list/key").body());
    TrustList list =
        TrustList.parse(anonymous().get("/api/v1/trust-list").body(), Jwk.toPublicKey(platformKey));
    assertThat(list.key(oldKid).orElseThrow().status()).isEqualTo(KeyStatus.RETIRED);
    assertThat(list.key(newKid).orElseThrow().status()).isEqualTo(KeyStatus.ACTIVE);

    assertThat(OfflineVerifier.verify(before, list).keyStatus()).isEqualTo(KeyStatus.RETIRED);
    assertThat(signatures.verify(before).keyStatus()).isEqualTo(KeyStatus.RETIRED);
    for (String jws : during) {
      Verified offline = OfflineVerifier.verify(jws, list);
      assertThat(offline.kid()).isIn(oldKid, newKid);
      assertThat(offline).isEqualTo(signatures.verify(jws));
    }
    assertThat(OfflineVerifier.verify(after, list).kid()).isEqualTo(newKid);
    assertThat(OfflineVerifier.verify(after, list).keyStatus()).isEqualTo(KeyStatus.ACTIVE);
  }

  @Test
  void theDownloadedTrustListAloneVerifiesSignatures() {
    Actor bw = actor(OrganisationRole.KP_AUTHORITY, "BW");
    String jws = signatures.sign(bw.organisationId(), "kp-certificate+jwt", utf8("cert 7"));

    byte[] platformKey = Jwk.parsePublic(anonymous().get("/api/v1/trust-list/key").body());
    TrustList list =
        TrustList.parse(anonymous().get("/api/v1/trust-list").body(), Jwk.toPublicKey(platformKey));

    Verified offline = OfflineVerifier.verify(jws, list);
    assertThat(offline).isEqualTo(signatures.verify(jws));
    assertThat(offline.participant()).isEqualTo(ParticipantCode.of("BW"));
    assertThat(offline.keyStatus()).isEqualTo(KeyStatus.ACTIVE);
    String[] parts = jws.split("\\.");
    String tampered = parts[0] + "." + Jws.base64url(utf8("cert 8")) + "." + parts[2];
    assertThat(refusal(() -> OfflineVerifier.verify(tampered, list)))
        .isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void theDatabaseHoldsNoSeedInClear() throws Exception {
    Actor bw = actor(OrganisationRole.KP_AUTHORITY, "BW");
    signatures.sign(bw.organisationId(), "t", utf8("x"));
    anonymous().get("/api/v1/trust-list");
    List<Map<String, Object>> rows = jdbc.sql("select * from signing_key").query().listOfRows();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(2);
    byte[] master = Base64.getDecoder().decode(MASTER_KEY_BASE64);
    String ledger =
        String.join(
            "\n", jdbc.sql("select record_json from ledger_entry").query(String.class).list());
    for (Map<String, Object> row : rows) {
      String kid = (String) row.get("kid");
      byte[] sealed = (byte[]) row.get("sealed_seed");
      assertThat(row.get("nonce")).isNull();
      assertThat(((Number) row.get("seal_format")).intValue()).isEqualTo(2);
      // Tink AEAD AES-256-GCM: IV || ciphertext || tag, bound to the purpose and the key id
      Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
      aes.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(master, "AES"),
          new GCMParameterSpec(128, java.util.Arrays.copyOf(sealed, 12)));
      aes.updateAAD(
          utf8(
              "kimberlite-sealed-secret-v1\nregistry.signing-key."
                  + row.get("purpose")
                  + "\n"
                  + kid));
      byte[] seed = aes.doFinal(sealed, 12, sealed.length - 12);
      assertThat(seed).hasSize(32);
      // it is the real seed: it makes the stored public key
      assertThat(SealedSeed.of(seed).publicKey()).isEqualTo((byte[]) row.get("public_key"));
      for (Map.Entry<String, Object> column : row.entrySet()) {
        byte[] bytes =
            column.getValue() instanceof byte[] b ? b : utf8(String.valueOf(column.getValue()));
        assertThat(contains(bytes, seed)).as(column.getKey() + " of " + kid).isFalse();
        assertThat(contains(bytes, java.util.Arrays.copyOf(seed, 8))).isFalse();
      }
      assertThat(ledger)
          .doesNotContain(HexFormat.of().formatHex(seed))
          .doesNotContain(Jws.base64url(seed))
          .doesNotContain(Base64.getEncoder().encodeToString(seed));
    }
  }

  @Test
  void seedsSealedBeforeTinkStillSignAndAreResealedOnStart() throws Exception {
    Actor bw = actor(OrganisationRole.KP_AUTHORITY, "BW");
    // a key as an earlier version stored it: AES-256-GCM by hand, the nonce apart, the kid as AAD
    SealedSeed seed = SealedSeed.generate();
    byte[] clear = new byte[32];
    byte[] publicKey = seed.publicKey();
    String kid = Jwk.thumbprint(publicKey);
    byte[] nonce = new byte[12];
    new java.security.SecureRandom().nextBytes(nonce);
    Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
    aes.init(
        Cipher.ENCRYPT_MODE,
        new SecretKeySpec(Base64.getDecoder().decode(MASTER_KEY_BASE64), "AES"),
        new GCMParameterSpec(128, nonce));
    aes.updateAAD(utf8(kid));
    String jwsBefore;
    try {
      clear = OldFormat.seedBytes(seed);
      jdbc.sql(
              """
              insert into signing_key (kid, purpose, organisation_id, participant_code, public_key,
                sealed_seed, nonce, seal_format, active_owner, created_at, version)
              values (:kid, 'AUTHORITY', :organisation, 'BW', :publicKey, :sealed, :nonce, 1,
                :owner, :at, 0)
              """)
          .param("kid", kid)
          .param("organisation", bw.organisationId())
          .param("publicKey", publicKey)
          .param("sealed", aes.doFinal(clear))
          .param("nonce", nonce)
          .param("owner", bw.organisationId().toString())
          .param("at", java.sql.Timestamp.from(Instant.parse("2025-01-01T00:00:00Z")))
          .update();
      jwsBefore = signatures.sign(bw.organisationId(), "t", utf8("before"));
    } finally {
      java.util.Arrays.fill(clear, (byte) 0);
    }
    assertThat(signatures.verify(jwsBefore).kid()).isEqualTo(kid);

    // what the start-up does
    assertThat(sealedKeys.resealBeforeTink()).isEqualTo(1);
    assertThat(sealedKeys.resealBeforeTink()).isZero();
    Map<String, Object> row =
        jdbc.sql("select * from signing_key where kid = :kid")
            .param("kid", kid)
            .query()
            .singleRow();
    assertThat(((Number) row.get("seal_format")).intValue()).isEqualTo(2);
    assertThat(row.get("nonce")).isNull();
    assertThat((byte[]) row.get("sealed_seed")).hasSize(60);

    String jwsAfter = signatures.sign(bw.organisationId(), "t", utf8("after"));
    assertThat(signatures.verify(jwsAfter).kid()).isEqualTo(kid);
    assertThat(signatures.verify(jwsBefore).keyStatus()).isEqualTo(KeyStatus.ACTIVE);
  }

  static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  @Test
  void theAuditRecomputesEveryKeyRecord() throws InterruptedException {
    Actor bw = actor(OrganisationRole.KP_AUTHORITY, "BW");
    signingKeys.activeKey(bw.organisationId());
    assertThat(bw.api().post("/api/v1/signing-keys/rotation", Map.of()).status()).isEqualTo(201);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (log.pending() > 0 && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
    }
    assertThat(log.pending()).isZero();
    AuditReport report = audit.run();
    assertThat(report.findings())
        .filteredOn(f -> f.where().startsWith(SigningKeyRecords.SIGNING_KEY))
        .isEmpty();

    String kid = signingKeys.activeKey(bw.organisationId()).kid();
    jdbc.sql("update signing_key set created_at = created_at - interval '1' day where kid = :kid")
        .param("kid", kid)
        .update();
    assertThat(audit.run().findings())
        .anySatisfy(
            f -> {
              assertThat(f.kind()).isEqualTo("record-changed");
              assertThat(f.where()).isEqualTo(SigningKeyRecords.SIGNING_KEY + " " + kid);
            });
  }
}
