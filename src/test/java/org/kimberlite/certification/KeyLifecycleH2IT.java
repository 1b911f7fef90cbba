package org.kimberlite.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kimberlite.cli.KimberliteCommand;
import org.kimberlite.ledger.Audit;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.registry.Accounts;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Organisations;
import org.kimberlite.registry.SigningKeyRecords;
import org.kimberlite.registry.internal.SealedKeys;
import org.kimberlite.shared.keys.KeysProperties;
import org.kimberlite.shared.keys.MasterKey;
import org.kimberlite.shared.keys.MasterKeyFile;
import org.kimberlite.shared.keys.MasterKeyRotation;
import org.kimberlite.shared.keys.MasterKeyRotation.Retirement;
import org.kimberlite.support.Actors;
import org.kimberlite.support.Actors.Actor;
import org.kimberlite.support.Api;
import org.kimberlite.support.Api.Answer;
import org.kimberlite.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Keys over their life with a running server: the master key rotated while certificates are issued
 * (everything re-sealed in the background, the old key retired, nothing breaks), and an authority
 * key revoked as compromised from a time (older certificates genuine with a warning, later ones
 * refused, online and offline alike).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "kimberlite.ledger.interval=50ms",
      "kimberlite.keys.master-key=",
      "kimberlite.keys.reseal-interval=200ms",
      "kimberlite.keys.reseal-batch=3"
    })
@Import(TestClock.Config.class)
class KeyLifecycleH2IT {
  static final Path DATA = Path.of("target/it-data/key-lifecycle-" + System.nanoTime());

  @DynamicPropertySource
  static void config(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url",
        () ->
            "jdbc:h2:mem:key-lifecycle-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    registry.add("kimberlite.data-dir", () -> DATA.toAbsolutePath().toString());
  }

  @LocalServerPort int port;
  @Autowired Organisations organisations;
  @Autowired Accounts accounts;
  @Autowired ReadingCertificates certificates;
  @Autowired Verification verification;
  @Autowired MasterKeyRotation rotation;
  @Autowired KeysProperties keys;
  @Autowired SealedKeys sealedKeys;
  @Autowired TransparencyLog log;
  @Autowired Audit audit;
  @Autowired JdbcClient jdbc;
  @Autowired TestClock clock;

  Actor authority;
  Actor exporter;
  Actor importer;

  Api anonymous() {
    return new Api("http://127.0.0.1:" + port);
  }

  @BeforeEach
  void world() {
    Actors actors = new Actors(organisations, accounts, anonymous());
    authority = actors.create(OrganisationRole.KP_AUTHORITY, "BW");
    actors.create(OrganisationRole.KP_AUTHORITY, "BE");
    exporter = actors.create(OrganisationRole.TRADER, "BW");
    importer = actors.create(OrganisationRole.TRADER, "BE");
  }

  @AfterEach
  void timeResumes() {
    clock.reset();
  }

  Answer issue() {
    LocalDate today = LocalDate.now(clock);
    Map<String, Object> body = new HashMap<>();
    body.put("exporter", exporter.id().toString());
    body.put("importer", importer.id().toString());
    body.put("importingParticipant", "EU");
    body.put("origin", Map.of("kind", "single", "countries", List.of("BW")));
    body.put(
        "lines",
        List.of(Map.of("hsCode", "7102.31", "carats", "1250.40", "valueUsd", "187560.00")));
    body.put("parcels", 3);
    body.put("sealId", "SEAL-000123");
    body.put("issuedOn", today.toString());
    body.put("expiresOn", today.plusDays(30).toString());
    return authority.api().post("/api/v1/certificates", body);
  }

  String issued() {
    Answer a = issue();
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    return a.json().get("number").asString();
  }

  JsonNode verify(String number, String qr) {
    return anonymous()
        .get("/api/v1/verify/certificates/" + number + (qr.isEmpty() ? "" : "?p=" + qr))
        .json();
  }

  String qr(String number) {
    return verification.qrJws(certificates.get(authority.caller(accounts), number).orElseThrow());
  }

  void await(java.util.function.BooleanSupplier condition, String what)
      throws InterruptedException {
    for (int i = 0; i < 600 && !condition.getAsBoolean(); i++) {
      Thread.sleep(50);
    }
    assertThat(condition.getAsBoolean()).as(what).isTrue();
  }

  @Test
  void theMasterKeyRotatesWhileCertificatesAreIssuedAndTheOldOneIsRetired() throws Exception {
    Path file = Path.of(keys.masterKeyFile());
    String oldKeyring = Files.readString(file, StandardCharsets.US_ASCII);
    MasterKey old = MasterKey.load(new KeysProperties(oldKeyring.strip(), "unused"));
    issued(); // the authority's key exists, sealed under the first master key
    await(() -> rotation.status().notUnderSealingKey() == 0, "all under the first key");

    List<String> numbers = Collections.synchronizedList(new ArrayList<>());
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    AtomicBoolean stop = new AtomicBoolean();
    Thread writer =
        Thread.ofVirtual()
            .start(
                () -> {
                  int n = 0;
                  while (!stop.get()) {
                    Answer a = issue();
                    if (a.status() == 201) {
                      numbers.add(a.json().get("number").asString());
                    } else {
                      failures.add(a.status() + " " + a.body());
                    }
                    if (++n % 5 == 0) { // new authority keys, sealed under whichever key seals
                      Answer r = authority.api().post("/api/v1/signing-keys/rotation", Map.of());
                      if (r.status() != 201) {
                        failures.add("rotation " + r.status() + " " + r.body());
                      }
                    }
                  }
                });
    try {
      await(() -> numbers.size() >= 5, "certificates before the rotation");
      int added = MasterKeyFile.rotate(file);
      await(
          () -> {
            MasterKeyRotation.Status s = rotation.status();
            return s.sealingKey().equals(MasterKey.hex(added)) && s.notUnderSealingKey() == 0;
          },
          "everything re-sealed under the new key while certificates are issued");
      int atRotation = numbers.size();
      await(() -> numbers.size() >= atRotation + 5, "certificates after the re-sealing");
    } finally {
      stop.set(true);
      writer.join(Duration.ofSeconds(60));
    }
    assertThat(failures).isEmpty();
    MasterKeyRotation.Status resealed = rotation.status();
    assertThat(resealed.keys()).hasSize(2);
    assertThat(resealed.sealed().get("log key")).containsOnlyKeys(resealed.sealingKey());
    assertThat(resealed.stranded()).isEmpty();

    // Retire the old key: gone from the file, and every secret still opens.
    Retirement retired = rotation.retireOld();
    assertThat(retired)
        .isEqualTo(new Retirement.Retired(java.util.Set.of(MasterKey.hex(old.primaryId()))));
    String keyring = Files.readString(file, StandardCharsets.US_ASCII);
    assertThat(keyring)
        .doesNotContain(oldKeyring.strip())
        .contains("retired " + MasterKey.hex(old.primaryId()));
    assertThat((long) sealedKeys.openAll())
        .isEqualTo(jdbc.sql("select count(*) from signing_key").query(Long.class).single());
    String after = issued();
    assertThat(authority.api().post("/api/v1/signing-keys/rotation", Map.of()).status())
        .isEqualTo(201);
    for (String number : numbers.subList(0, Math.min(numbers.size(), 40))) {
      assertThat(verify(number, "").get("genuine").asBoolean()).as(number).isTrue();
    }
    assertThat(verify(after, qr(after)).get("genuine").asBoolean()).isTrue();
    long size = log.signedSize();
    await(() -> log.signedSize() > size || log.pending() == 0, "the log still signs");
    assertThat(anonymous().get("/log/checkpoint").status()).isEqualTo(200);
    assertThat(rotation.retireOld()).isEqualTo(new Retirement.NothingToRetire());

    // A seed sealed only under the retired key is found and named, and blocks nothing else.
    jdbc.sql(
            """
            insert into signing_key (kid, purpose, organisation_id, participant_code, public_key,
              sealed_seed, seal_format, master_key_id, created_at, retired_at, version)
            values ('stranded-key-for-test', 'AUTHORITY', :organisation, 'BW', :publicKey,
              :sealed, 2, :old, :at, :at, 1)
            """)
        .param("organisation", authority.id())
        .param("publicKey", new byte[32])
        .param("sealed", old.seal("registry.signing-key.AUTHORITY", "stranded", new byte[32]))
        .param("old", old.primaryId())
        .param("at", java.sql.Timestamp.from(Instant.now()))
        .update();
    try {
      assertThat(rotation.status().stranded())
          .containsEntry(MasterKey.hex(old.primaryId()) + " (retired)", 1L);
      assertThat(rotation.round()).isZero();
      assertThat(issue().status()).isEqualTo(201);
    } finally {
      jdbc.sql("delete from signing_key where kid = 'stranded-key-for-test'").update();
    }
    assertThat(rotation.status().stranded()).isEmpty();
  }

  @Test
  void aCompromisedKeysEarlierCertificatesStayGenuineMarkedAndLaterOnesAreRefused(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    LocalDate day = LocalDate.now(clock);
    String before = issued();
    String qrBefore = qr(before);
    String kid = verify(before, "").get("keyId").asString();

    clock.advance(Duration.ofDays(3));
    String afterCompromise = issued(); // still the same key: the leak is not known yet
    String qrAfter = qr(afterCompromise);
    assertThat(verify(afterCompromise, "").get("keyId").asString()).isEqualTo(kid);

    Instant compromised = day.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
    String path = "/api/v1/signing-keys/" + kid + "/revocation";
    Answer future =
        authority
            .api()
            .post(
                path,
                Map.of(
                    "reason",
                    "leaked",
                    "compromisedAt",
                    Instant.now(clock).plusSeconds(3600).toString()));
    assertThat(future.status()).as(future.body()).isEqualTo(422);
    assertThat(future.body()).contains("compromisedAt");
    Answer beforeCreation =
        authority
            .api()
            .post(
                path,
                Map.of(
                    "reason",
                    "leaked",
                    "compromisedAt",
                    day.minusDays(30).atStartOfDay(ZoneOffset.UTC).toString()));
    assertThat(beforeCreation.status()).as(beforeCreation.body()).isEqualTo(422);
    Answer revoked =
        authority
            .api()
            .post(
                path,
                Map.of(
                    "reason", "Key copied off the HSM", "compromisedAt", compromised.toString()));
    assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
    assertThat(revoked.json().get("status").asString()).isEqualTo("REVOKED");
    assertThat(Instant.parse(revoked.json().get("compromisedAt").asString()))
        .isEqualTo(compromised);

    // Online: the certificate the log shows before the compromise is genuine, with the warning.
    JsonNode older = verify(before, qrBefore);
    assertThat(older.get("genuine").asBoolean()).as(older.toString()).isTrue();
    assertThat(older.get("keyStatus").asString()).isEqualTo("REVOKED");
    JsonNode warning = older.get("warnings").get(0);
    assertThat(warning.get("code").asString()).isEqualTo("signed-with-key-later-revoked");
    assertThat(Instant.parse(warning.get("compromisedAt").asString())).isEqualTo(compromised);
    assertThat(warning.get("keyRevokedAt").asString())
        .isEqualTo(revoked.json().get("revokedAt").asString());
    assertThat(anonymous().getPage("/verify/" + before).body())
        .contains("GENUINE", "signed-with-key-later-revoked");
    // ... and the one made after it is refused, with the reason.
    JsonNode later = verify(afterCompromise, "");
    assertThat(later.get("genuine").asBoolean()).isFalse();
    assertThat(later.get("problems").toString()).contains("revoked", "compromised from");
    assertThat(verify(afterCompromise, qrAfter).get("genuine").asBoolean()).isFalse();

    // The trust list shows the revocation and its compromise time.
    JsonNode listed = null;
    for (JsonNode k : anonymous().get("/api/v1/trust-list.json").json().get("keys")) {
      if (k.get("kid").asString().equals(kid)) {
        listed = k;
      }
    }
    assertThat(listed).isNotNull();
    assertThat(listed.get("status").asString()).isEqualTo("REVOKED");
    assertThat(Instant.parse(listed.get("compromisedAt").asString())).isEqualTo(compromised);

    // Offline, with the signed trust list: the same two verdicts.
    Path list =
        Files.writeString(dir.resolve("list.jws"), anonymous().get("/api/v1/trust-list").body());
    Path key =
        Files.writeString(
            dir.resolve("list.jwk"), anonymous().get("/api/v1/trust-list/key").body());
    KimberliteCommand.Platform none =
        args -> {
          throw new AssertionError("verify is offline");
        };
    String[] common = {"--trust-list", list.toString(), "--trust-list-key", key.toString()};
    assertThat(
            KimberliteCommand.execute(
                none,
                "verify",
                QrLinks.url("https://x.example", before, qrBefore),
                common[0],
                common[1],
                common[2],
                common[3]))
        .isZero();
    assertThat(
            KimberliteCommand.execute(
                none,
                "verify",
                QrLinks.url("https://x.example", afterCompromise, qrAfter),
                common[0],
                common[1],
                common[2],
                common[3]))
        .isEqualTo(1);

    // New issues never use the revoked key; the revocation is in the log and the audit agrees.
    String next = issued();
    JsonNode fresh = verify(next, "");
    assertThat(fresh.get("keyId").asString()).isNotEqualTo(kid);
    assertThat(fresh.get("warnings")).isEmpty();
    assertThat(log.entriesOfRecord(SigningKeyRecords.SIGNING_KEY, kid, null)).hasSize(2);
    await(() -> log.pending() == 0, "integrated");
    assertThat(audit.run().clean()).as(audit.run().findings().toString()).isTrue();
  }

  static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
