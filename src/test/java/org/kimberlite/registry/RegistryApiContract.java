package org.kimberlite.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kimberlite.support.Api;
import org.kimberlite.support.Api.Answer;
import org.kimberlite.support.DecisionRequests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;

/**
 * The registry's HTTP contract, run against each database by a subclass: participants and their
 * history, tokens, the secretariat's writes, refusals as problems, and tenant isolation.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "kimberlite.data-dir=target/it-data")
abstract class RegistryApiContract {
  @LocalServerPort int port;
  @Autowired Organisations organisations;
  @Autowired Accounts accounts;
  @Autowired Participants participants;

  Api anonymous() {
    return new Api("http://127.0.0.1:" + port);
  }

  /** A signed-in organisation for a test: its id, username, password and bearer token. */
  record Actor(UUID organisationId, String username, String password, Api api) {
    Caller caller(Accounts accounts) {
      return accounts.signIn(username, password).orElseThrow();
    }
  }

  Actor actor(OrganisationRole role, String country) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Organisation o =
        organisations.registerSeed(
            new NewOrganisation(
                "Test " + role + " " + suffix,
                org.kimberlite.shared.CountryCode.of(country),
                Set.of(role),
                null,
                null));
    String username = "u-" + suffix;
    String password = "correct horse " + suffix;
    accounts.create(o.id(), new NewAccount(username, "Tester " + suffix, password, true));
    Answer token =
        anonymous().post("/api/v1/auth/token", Map.of("username", username, "password", password));
    assertThat(token.status()).isEqualTo(201);
    return new Actor(
        o.id(), username, password, anonymous().withToken(token.json().get("token").asString()));
  }

  static Map<String, String> seededStatuses() throws IOException {
    String csv =
        new ClassPathResource("registry/kp-participants.csv")
            .getContentAsString(StandardCharsets.UTF_8);
    Map<String, String> out = new HashMap<>();
    csv.lines()
        .skip(1)
        .filter(l -> !l.isBlank())
        .forEach(
            l -> {
              String[] cells = l.split(",", 6);
              out.put(cells[0], cells[3].toUpperCase().replace('-', '_'));
            });
    return out;
  }

  static void assertProblem(Answer answer, int status, String type) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    JsonNode body = answer.json();
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("type").asString()).isEqualTo("/problems/" + type);
    assertThat(body.get("title").asString()).isNotBlank();
  }

  @Test
  void aParticipantsOrganisationsWithARoleAreFoundWithoutTheRest() {
    org.kimberlite.shared.ParticipantCode lesotho = org.kimberlite.shared.ParticipantCode.of("LS");
    UUID authority = actor(OrganisationRole.KP_AUTHORITY, "LS").organisationId();
    UUID trader = actor(OrganisationRole.TRADER, "LS").organisationId();
    UUID elsewhere = actor(OrganisationRole.KP_AUTHORITY, "NA").organisationId();

    assertThat(organisations.withRole(lesotho, OrganisationRole.KP_AUTHORITY))
        .contains(authority)
        .doesNotContain(trader, elsewhere);
    assertThat(organisations.withRole(lesotho, OrganisationRole.TRADER))
        .contains(trader)
        .doesNotContain(authority, elsewhere);
    assertThat(
            organisations.withRole(
                org.kimberlite.shared.ParticipantCode.of("NA"), OrganisationRole.KP_AUTHORITY))
        .contains(elsewhere)
        .doesNotContain(authority);
  }

  @Test
  void theSecretariatSetsTheLanguagesOfAParticipantsCertificates() {
    org.kimberlite.shared.ParticipantCode drc = org.kimberlite.shared.ParticipantCode.of("CD");
    org.kimberlite.shared.ParticipantCode togo = org.kimberlite.shared.ParticipantCode.of("TG");
    org.kimberlite.shared.ParticipantCode botswana = org.kimberlite.shared.ParticipantCode.of("BW");
    // A new database starts with the French-speaking participants printing French too.
    assertThat(participants.certificateInFrench(drc)).isTrue();
    assertThat(participants.certificateInFrench(togo)).isTrue();
    assertThat(participants.certificateInFrench(botswana)).isFalse();

    Caller authority = actor(OrganisationRole.KP_AUTHORITY, "BW").caller(accounts);
    Caller secretariat = actor(OrganisationRole.KP_SECRETARIAT, "BW").caller(accounts);
    assertThat(participants.setCertificateInFrench(authority, botswana, true))
        .isInstanceOf(ParticipantChange.NotAllowed.class);
    assertThat(participants.certificateInFrench(botswana)).isFalse();
    assertThat(
            participants.setCertificateInFrench(
                secretariat, org.kimberlite.shared.ParticipantCode.of("ZZ"), true))
        .isInstanceOf(ParticipantChange.Unknown.class);
    assertThat(participants.setCertificateInFrench(secretariat, togo, false))
        .isInstanceOf(ParticipantChange.Recorded.class);
    assertThat(participants.certificateInFrench(togo)).isFalse();
    assertThat(participants.setCertificateInFrench(secretariat, togo, true))
        .isInstanceOf(ParticipantChange.Recorded.class);
    assertThat(participants.certificateInFrench(togo)).isTrue();
  }

  @Test
  void anonymousPageViewsOpenNoSession() {
    // A session per anonymous visit would let anyone fill the server's memory; only a signed-in
    // account has one. Pages with forms carry their CSRF token in a cookie instead.
    for (String page :
        List.of(
            "/", "/participants", "/participants/CF", "/statistics", "/login", "/problems/KP-03")) {
      Answer a = anonymous().getPage(page);
      assertThat(a.status()).as(page).isEqualTo(200);
      assertThat(a.raw().headers().allValues("Set-Cookie"))
          .as(page)
          .noneMatch(c -> c.startsWith("JSESSIONID"));
    }
    // A protected page sends the visitor to sign in, still without a session.
    Answer console = anonymous().getPage("/console/certificates");
    assertThat(console.status()).isEqualTo(302);
    assertThat(console.raw().headers().allValues("Set-Cookie"))
        .noneMatch(c -> c.startsWith("JSESSIONID"));
  }

  @Test
  void listsEverySeededParticipantWithItsStatus() throws IOException {
    Map<String, String> seeded = seededStatuses();
    assertThat(seeded).hasSizeGreaterThanOrEqualTo(58);
    Answer answer = anonymous().get("/api/v1/participants");
    assertThat(answer.status()).isEqualTo(200);
    Map<String, String> listed = new HashMap<>();
    for (JsonNode p : answer.json()) {
      listed.put(p.get("code").asString(), p.get("status").asString());
      assertThat(p.get("name").asString()).isNotBlank();
    }
    assertThat(listed).containsAllEntriesOf(seeded);
    assertThat(listed.get("VE")).isEqualTo("SELF_SUSPENDED");
    assertThat(listed.get("CF")).isEqualTo("ACTIVE");
    assertThat(listed.get("EU")).isEqualTo("ACTIVE");
  }

  @Test
  void theListAnswersForAnyPastDay() {
    Map<String, String> in2014 = new HashMap<>();
    for (JsonNode p : anonymous().get("/api/v1/participants?on=2014-01-01").json()) {
      in2014.put(p.get("code").asString(), p.get("status").asString());
    }
    assertThat(in2014.get("CF")).isEqualTo("SUSPENDED");
    assertThat(in2014.get("UZ")).isEqualTo("NOT_A_PARTICIPANT");
    assertThat(in2014.get("GB")).isEqualTo("NOT_A_PARTICIPANT");
    assertThat(in2014.get("VE")).isEqualTo("SELF_SUSPENDED");
    assertThat(in2014.get("BW")).isEqualTo("ACTIVE");
    assertThat(in2014.get("CG")).isEqualTo("ACTIVE");
    Map<String, String> in2005 = new HashMap<>();
    for (JsonNode p : anonymous().get("/api/v1/participants?on=2005-06-01").json()) {
      in2005.put(p.get("code").asString(), p.get("status").asString());
    }
    assertThat(in2005.get("CG")).isEqualTo("EXCLUDED");
    assertProblem(anonymous().get("/api/v1/participants?on=yesterday"), 400, "malformed-request");
  }

  @Test
  void theCentralAfricanRepublicsHistoryFrom2013To2024IsRecorded() {
    Answer answer = anonymous().get("/api/v1/participants/CF");
    assertThat(answer.status()).isEqualTo(200);
    JsonNode body = answer.json();
    List<String> decisions = new ArrayList<>();
    for (JsonNode c : body.get("history")) {
      decisions.add(c.get("type").asString() + "@" + c.get("effectiveOn").asString());
    }
    assertThat(decisions)
        .containsSubsequence(
            "SUSPENSION@2013-05-23",
            "OPERATIONAL_FRAMEWORK@2015-07-01",
            "REINSTATEMENT@2024-11-15");
    assertThat(body.get("compliantZones")).hasSize(4);

    JsonNode suspended = anonymous().get("/api/v1/participants/CF/standing?on=2013-06-01").json();
    assertThat(suspended.get("status").asString()).isEqualTo("SUSPENDED");
    assertThat(suspended.get("inGoodStanding").asBoolean()).isFalse();
    assertThat(suspended.get("compliantZones")).isEmpty();

    JsonNode zones = anonymous().get("/api/v1/participants/CF/standing?on=2018-01-01").json();
    assertThat(zones.get("inGoodStanding").asBoolean()).isFalse();
    assertThat(zones.get("compliantZones")).hasSize(4);

    JsonNode reinstated = anonymous().get("/api/v1/participants/CF/standing?on=2024-11-15").json();
    assertThat(reinstated.get("inGoodStanding").asBoolean()).isTrue();

    JsonNode venezuela = anonymous().get("/api/v1/participants/VE/standing?on=2026-01-01").json();
    assertThat(venezuela.get("status").asString()).isEqualTo("SELF_SUSPENDED");
    assertThat(venezuela.get("inGoodStanding").asBoolean()).isFalse();
  }

  @Test
  void euMemberStatesTradeUnderTheParticipantEu() {
    JsonNode eu = anonymous().get("/api/v1/participants/EU").json();
    assertThat(eu.get("memberStates")).hasSize(27);
    JsonNode belgium = anonymous().get("/api/v1/countries/be").json();
    assertThat(belgium.get("participant").asString()).isEqualTo("EU");
    assertThat(anonymous().get("/api/v1/countries/BW").json().get("participant").asString())
        .isEqualTo("BW");
    assertProblem(anonymous().get("/api/v1/countries/KP"), 404, "not-found");
    assertProblem(anonymous().get("/api/v1/participants/ZZ"), 404, "not-found");
    // An unknown machine path is "unauthorized" for strangers and "not found" for a caller.
    assertProblem(anonymous().get("/api/v1/nothing-here"), 401, "unauthorized");
    Actor auditor = actor(OrganisationRole.AUDITOR, "GB");
    assertProblem(auditor.api().get("/api/v1/nothing-here"), 404, "not-found");
  }

  @Test
  void tokensAreIssuedOnceUsedAndRevoked() {
    Actor trader = actor(OrganisationRole.TRADER, "BE");
    Answer me = trader.api().get("/api/v1/me");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("organisationId").asString())
        .isEqualTo(trader.organisationId().toString());
    assertThat(me.json().get("participant").asString()).isEqualTo("EU");

    assertProblem(
        anonymous()
            .post(
                "/api/v1/auth/token",
                Map.of("username", trader.username(), "password", "wrong password!!")),
        401,
        "unauthorized");
    assertProblem(anonymous().get("/api/v1/me"), 401, "unauthorized");
    assertProblem(anonymous().withToken("kbl_forged").get("/api/v1/me"), 401, "unauthorized");

    JsonNode tokens = trader.api().get("/api/v1/auth/tokens").json();
    assertThat(tokens).hasSize(1);
    assertThat(tokens.get(0).toString()).doesNotContain("kbl_");
    String id = tokens.get(0).get("id").asString();
    assertThat(trader.api().delete("/api/v1/auth/tokens/" + id).status()).isEqualTo(204);
    assertProblem(trader.api().get("/api/v1/me"), 401, "unauthorized");
  }

  @Test
  void theSecretariatRecordsStatusDecisions() {
    Actor secretariat = actor(OrganisationRole.KP_SECRETARIAT, "BW");
    Answer admitted =
        secretariat
            .api()
            .post(
                "/api/v1/participants",
                Map.of(
                    "code", "BT",
                    "name", "Bhutan",
                    "admittedOn", "2025-06-01",
                    "reason", "Admitted by written procedure (test)"));
    assertThat(admitted.status()).as(admitted.body()).isEqualTo(201);
    assertThat(admitted.json().get("status").asString()).isEqualTo("ACTIVE");

    Answer suspended =
        secretariat
            .api()
            .post(
                "/api/v1/governance/decisions",
                DecisionRequests.statusChange("BT", "SUSPENSION", today().plusDays(10)));
    assertThat(suspended.status()).as(suspended.body()).isEqualTo(201);
    JsonNode standing =
        anonymous().get("/api/v1/participants/BT/standing?on=" + today().plusDays(10)).json();
    assertThat(standing.get("status").asString()).isEqualTo("SUSPENDED");
    assertThat(
            anonymous()
                .get("/api/v1/participants/BT/standing?on=" + today().plusDays(9))
                .json()
                .get("inGoodStanding")
                .asBoolean())
        .isTrue();
  }

  @Test
  void badWritesAreRefusedWithProblemsAndChangeNothing() {
    Actor secretariat = actor(OrganisationRole.KP_SECRETARIAT, "BW");
    Actor trader = actor(OrganisationRole.TRADER, "AE");
    int before = anonymous().get("/api/v1/participants/NA").json().get("history").size();

    Answer notAllowed =
        secretariat
            .api()
            .post(
                "/api/v1/governance/decisions",
                DecisionRequests.statusChange("NA", "REINSTATEMENT", today()));
    assertProblem(notAllowed, 422, "registry/invalid-status-transition");

    Map<String, Object> noText =
        new java.util.HashMap<>(DecisionRequests.statusChange("NA", "SUSPENSION", today()));
    noText.remove("text");
    Answer noReason = secretariat.api().post("/api/v1/governance/decisions", noText);
    assertProblem(noReason, 422, "validation");
    assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("text");

    Answer badType =
        secretariat
            .api()
            .post(
                "/api/v1/governance/decisions",
                DecisionRequests.statusChange("NA", "PROMOTION", today()));
    assertThat(badType.status()).as(badType.body()).isIn(400, 422);

    assertProblem(
        secretariat
            .api()
            .postRaw("/api/v1/governance/decisions", "application/json", "{\"number\":"),
        400,
        "malformed-request");

    assertProblem(
        trader
            .api()
            .post(
                "/api/v1/governance/decisions",
                DecisionRequests.statusChange("NA", "SUSPENSION", today())),
        403,
        "forbidden");

    assertProblem(
        anonymous()
            .post(
                "/api/v1/governance/decisions",
                DecisionRequests.statusChange("NA", "SUSPENSION", today())),
        401,
        "unauthorized");

    String huge = "{\"text\":\"" + "x".repeat(1_100_000) + "\"}";
    assertProblem(
        secretariat.api().postRaw("/api/v1/governance/decisions", "application/json", huge),
        413,
        "payload-too-large");

    assertProblem(
        secretariat
            .api()
            .post(
                "/api/v1/participants",
                Map.of(
                    "code", "NA",
                    "name", "Namibia again",
                    "admittedOn", "2026-01-01",
                    "reason", "duplicate")),
        409,
        "registry/participant-exists");

    assertThat(anonymous().get("/api/v1/participants/NA").json().get("history").size())
        .isEqualTo(before);
    assertThat(anonymous().get("/api/v1/participants/NA").json().get("status").asString())
        .isEqualTo("ACTIVE");
  }

  @Test
  void noOrganisationCanReadOrChangeAnothersPrivateData() {
    Actor alice = actor(OrganisationRole.TRADER, "BE");
    Actor bob = actor(OrganisationRole.TRADER, "AE");
    String bobOrg = "/api/v1/organisations/" + bob.organisationId();

    // Own data is readable.
    assertThat(alice.api().get("/api/v1/organisations/" + alice.organisationId()).status())
        .isEqualTo(200);
    assertThat(bob.api().get(bobOrg + "/accounts").json()).hasSize(1);

    // Another organisation's private record, accounts and tokens are "not found".
    assertProblem(alice.api().get(bobOrg), 404, "not-found");
    assertProblem(alice.api().get(bobOrg + "/accounts"), 404, "not-found");
    assertThat(alice.api().get("/api/v1/auth/tokens").json().toString())
        .doesNotContain(bob.organisationId().toString());

    // Another organisation cannot be changed.
    assertProblem(
        alice
            .api()
            .put(
                bobOrg + "/compliance",
                Map.of(
                    "version", 0, "sow", Map.of("id", "SOW-HIJACK", "renewalDue", "2027-01-01"))),
        404,
        "not-found");
    assertProblem(
        alice
            .api()
            .post(
                bobOrg + "/accounts",
                Map.of(
                    "username",
                    "intruder-" + bob.username(),
                    "displayName",
                    "Intruder",
                    "password",
                    "a long enough password",
                    "admin",
                    true)),
        404,
        "not-found");
    String bobToken = bob.api().get("/api/v1/auth/tokens").json().get(0).get("id").asString();
    assertProblem(alice.api().delete("/api/v1/auth/tokens/" + bobToken), 404, "not-found");

    // Nothing of Bob's changed.
    JsonNode bobSees = bob.api().get(bobOrg).json();
    assertThat(bobSees.get("sow").isNull()).isTrue();
    assertThat(bobSees.get("version").asLong()).isZero();
    assertThat(bob.api().get(bobOrg + "/accounts").json()).hasSize(1);
    assertThat(bob.api().get("/api/v1/me").status()).isEqualTo(200);

    // The public directory shows both, without private fields.
    JsonNode directory = alice.api().get("/api/v1/organisations").json();
    assertThat(directory.toString()).contains(bob.organisationId().toString());
    assertThat(directory.get(0).has("sow")).isFalse();
  }

  @Autowired org.kimberlite.registry.internal.OrganisationRepository organisationRepository;
  @Autowired org.kimberlite.registry.internal.AccountRepository accountRepository;
  @Autowired org.kimberlite.registry.internal.TokenRepository tokenRepository;

  @Test
  void repositoriesScopePrivateReadsAndWritesByTheCallersOrganisation() {
    Actor alice = actor(OrganisationRole.RETAILER, "FR");
    Actor bob = actor(OrganisationRole.RETAILER, "US");
    Caller aliceCaller = alice.caller(accounts);

    assertThat(organisationRepository.findOwn(aliceCaller, alice.organisationId())).isPresent();
    assertThat(organisationRepository.findOwn(aliceCaller, bob.organisationId())).isEmpty();
    assertThat(accountRepository.ofOwnOrganisation(aliceCaller))
        .extracting(Account::organisationId)
        .containsOnly(alice.organisationId());
    assertThat(tokenRepository.ofOwnOrganisation(aliceCaller))
        .extracting(ApiToken::organisationId)
        .containsOnly(alice.organisationId());
    assertThat(
            organisationRepository.updateCompliance(
                aliceCaller,
                bob.organisationId(),
                0,
                new SowRegistration("SOW-X", java.time.LocalDate.parse("2027-01-01")),
                null))
        .isZero();
    Caller bobCaller = bob.caller(accounts);
    java.util.UUID bobsToken = tokenRepository.ofOwnOrganisation(bobCaller).get(0).id();
    assertThat(tokenRepository.revoke(aliceCaller, bobsToken, java.time.Instant.now())).isZero();
    assertThat(organisationRepository.findOwn(bobCaller, bob.organisationId()).orElseThrow().sow())
        .isNull();
  }

  @Test
  void complianceUpdatesUseOptimisticLocking() {
    Actor miner = actor(OrganisationRole.MINER, "BW");
    String path = "/api/v1/organisations/" + miner.organisationId() + "/compliance";
    Map<String, Object> body =
        Map.of(
            "version", 0,
            "sow", Map.of("id", "SOW-BW-1", "renewalDue", "2027-06-30"),
            "rjc", Map.of("number", "RJC-0001", "validFrom", "2026-01-01", "termYears", 3));
    Answer first = miner.api().put(path, body);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.json().get("version").asLong()).isEqualTo(1);
    assertThat(first.json().get("rjc").get("validUntil").asString()).isEqualTo("2029-01-01");
    assertProblem(miner.api().put(path, body), 409, "concurrent-change");

    Map<String, Object> twoYears =
        Map.of(
            "version",
            1,
            "rjc",
            Map.of("number", "RJC-0001", "validFrom", "2026-01-01", "termYears", 2));
    assertProblem(miner.api().put(path, twoYears), 422, "validation");
  }

  @Test
  void authoritiesRegisterCompaniesOfTheirOwnParticipantOnly() {
    Actor belgium = actor(OrganisationRole.KP_AUTHORITY, "BE");
    Answer french =
        belgium
            .api()
            .post(
                "/api/v1/organisations",
                Map.of("name", "Paris Rough SARL", "country", "FR", "roles", List.of("TRADER")));
    assertThat(french.status()).as(french.body()).isEqualTo(201);
    assertThat(french.json().get("participant").asString()).isEqualTo("EU");

    assertProblem(
        belgium
            .api()
            .post(
                "/api/v1/organisations",
                Map.of("name", "Dubai Rough LLC", "country", "AE", "roles", List.of("TRADER"))),
        403,
        "forbidden");
    assertProblem(
        belgium
            .api()
            .post(
                "/api/v1/organisations",
                Map.of(
                    "name", "Fake Authority", "country", "BE", "roles", List.of("KP_AUTHORITY"))),
        403,
        "forbidden");
    assertProblem(
        belgium
            .api()
            .post(
                "/api/v1/organisations",
                Map.of("name", "Nowhere Ltd", "country", "QQ", "roles", List.of("TRADER"))),
        422,
        "validation");
    Actor trader = actor(OrganisationRole.TRADER, "BE");
    assertProblem(
        trader
            .api()
            .post(
                "/api/v1/organisations",
                Map.of("name", "Shell Co", "country", "BE", "roles", List.of("TRADER"))),
        403,
        "forbidden");
  }

  @Test
  void compliantZonesNeedAnOperationalFrameworkInForce() {
    Actor secretariat = actor(OrganisationRole.KP_SECRETARIAT, "BW");
    assertProblem(
        secretariat
            .api()
            .post(
                "/api/v1/governance/decisions",
                DecisionRequests.decision(
                    today(), List.of(DecisionRequests.zone("BW", "Jwaneng (test)")))),
        422,
        "registry/no-operational-framework");
    assertThat(
            anonymous()
                .get("/api/v1/participants/BW/standing?on=" + today())
                .json()
                .get("inGoodStanding")
                .asBoolean())
        .isTrue();
  }

  @Test
  void onlyAnAdministratorRevokesAnotherAccountsToken() {
    Actor org = actor(OrganisationRole.GRADING_LAB, "BE");
    Caller admin = org.caller(accounts);
    accounts.createAccount(
        admin,
        org.organisationId(),
        new NewAccount("clerk-" + org.username(), "Clerk", "another long password", false));
    Answer clerkToken =
        anonymous()
            .post(
                "/api/v1/auth/token",
                Map.of("username", "clerk-" + org.username(), "password", "another long password"));
    Api clerk = anonymous().withToken(clerkToken.json().get("token").asString());
    JsonNode tokens = clerk.get("/api/v1/auth/tokens").json();
    assertThat(tokens).hasSize(2);
    String adminTokenId = null;
    for (JsonNode t : tokens) {
      if (!t.get("id").asString().equals(clerkToken.json().get("id").asString())) {
        adminTokenId = t.get("id").asString();
      }
    }
    assertProblem(clerk.delete("/api/v1/auth/tokens/" + adminTokenId), 404, "not-found");
    assertThat(org.api().get("/api/v1/me").status()).isEqualTo(200);
    assertThat(
            org.api()
                .delete("/api/v1/auth/tokens/" + clerkToken.json().get("id").asString())
                .status())
        .isEqualTo(204);
    assertProblem(clerk.get("/api/v1/me"), 401, "unauthorized");
  }

  @Test
  void webDoorRefusalsAreProblemsForMachineClients() {
    Answer noCsrf =
        anonymous()
            .postRaw(
                "/console/governance/decisions",
                "application/x-www-form-urlencoded",
                "number=X1&title=x&body=PLENARY&orderParticipant=BW&order=SUSPENSION");
    assertProblem(noCsrf, 403, "forbidden");
    assertThat(anonymous().get("/api/v1/participants/BW").json().get("status").asString())
        .isEqualTo("ACTIVE");
  }

  @Test
  void pagesAreServedAndPrivatePagesNeedSignIn() {
    Answer home = anonymous().getPage("/");
    assertThat(home.status()).isEqualTo(200);
    assertThat(home.body()).contains("What you can verify without an account");
    Answer list = anonymous().getPage("/participants");
    assertThat(list.body()).contains("Venezuela").contains("SELF SUSPENDED");
    Answer own = anonymous().getPage("/organisation");
    assertThat(own.status()).isEqualTo(302);
    assertThat(own.raw().headers().firstValue("Location").orElse("")).endsWith("/login");
  }

  static LocalDate today() {
    return LocalDate.now(java.time.ZoneOffset.UTC);
  }
}
