package org.kimberlite.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kimberlite.certification.CertificateStatus;
import org.kimberlite.certification.KpCertificate;
import org.kimberlite.certification.ReadingCertificates;
import org.kimberlite.custody.demo.CustodyDemo;
import org.kimberlite.custody.internal.EpcisDocuments;
import org.kimberlite.registry.Accounts;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.DemoAccount;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.demo.DemoWorld;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The custody demo on the embedded database: every retail piece traces back, through the stored
 * events read with the query use case, to a commissioning at a mine and to KP certificates the
 * importers confirmed; the two planted violations are refused under their rules, the planted red
 * flag (a stone screened laboratory-grown) is stored and flagged; every other capture job
 * succeeded.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {"kimberlite.data-dir=target/it-data", "kimberlite.ledger.interval=50ms"})
class CustodyDemoH2IT {
  static final String KP = "https://kimberlite.org/epcis/profile/kp-certificate";
  static final String KP_URN = "urn:kimberlite:kp-certificate:";

  @Autowired DemoWorld world;
  @Autowired CustodyDemo demo;
  @Autowired Accounts accounts;
  @Autowired Capturing capturing;
  @Autowired QueryingEvents querying;
  @Autowired ReadingCertificates certificates;
  @Autowired TracingProvenance tracing;
  @Autowired Reconciling reconciling;
  @Autowired org.kimberlite.ledger.TransparencyLog log;

  static @Nullable List<DemoAccount> created;
  static CustodyDemo.@Nullable Summary summary;
  static long millis;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url",
        () ->
            "jdbc:h2:mem:custody-demo-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
  }

  @BeforeEach
  void runTheDemoOnce() throws InterruptedException {
    if (summary == null) {
      created = world.create();
      long started = System.nanoTime();
      summary = demo.create(created);
      millis = (System.nanoTime() - started) / 1_000_000;
      System.out.println(
          "Custody demo: "
              + summary.eventsStored()
              + " events from "
              + summary.documents()
              + " documents in "
              + millis
              + " ms");
    }
  }

  Map<String, Caller> callers() {
    Map<String, Caller> out = new HashMap<>();
    for (DemoAccount a : created) {
      if (a.role() != OrganisationRole.KP_AUTHORITY
          && a.role() != OrganisationRole.KP_SECRETARIAT) {
        accounts.signIn(a.username(), a.password()).ifPresent(c -> out.put(a.username(), c));
      }
    }
    return out;
  }

  @Test
  void thePlantedViolationsAreRefusedAndEverythingElseIsStored() {
    assertThat(summary.failures()).isEmpty();
    assertThat(summary.certificates()).hasSize(4);
    assertThat(summary.eventsStored()).isGreaterThanOrEqualTo(30);
    Map<String, CustodyDemo.Planted> planted = new HashMap<>();
    summary.planted().forEach(p -> planted.put(p.username(), p));
    assertThat(planted.keySet())
        .containsExactlyInAnyOrder("deccan-lgd", "varachha-cutting", "meridian-lab");
    assertThat(planted.get("deccan-lgd").rules()).containsExactly("NOM-01");
    assertThat(planted.get("varachha-cutting").rules()).containsExactly("LGD-02");
    // The planted red flag is stored, flagged for due diligence (LGD-04), not refused.
    assertThat(planted.get("meridian-lab").rules()).containsExactly("LGD-04");
    assertThat(planted.get("meridian-lab").refused()).isFalse();

    Map<String, Caller> callers = callers();
    Set<UUID> plantedJobs = new HashSet<>();
    for (CustodyDemo.Planted p : summary.planted()) {
      plantedJobs.add(p.jobId());
      if (!p.refused()) {
        CaptureJob flagged = capturing.job(callers.get(p.username()), p.jobId()).orElseThrow();
        assertThat(flagged.success()).isTrue();
        assertThat(flagged.findings()).extracting(CaptureError::rule).containsExactly("LGD-04");
        continue;
      }
      CaptureJob job = capturing.job(callers.get(p.username()), p.jobId()).orElseThrow();
      assertThat(job.success()).isFalse();
      assertThat(job.eventsStored()).isZero();
      assertThat(job.errors()).isNotEmpty();
      assertThat(job.errors().getFirst().pointer()).startsWith("/epcisBody/eventList/0");
    }
    int jobs = 0;
    for (Caller c : callers.values()) {
      for (CaptureJob job : capturing.jobs(c)) {
        jobs++;
        if (!plantedJobs.contains(job.id())) {
          assertThat(job.success()).as(job.toString()).isTrue();
          assertThat(job.findings()).as(job.toString()).isEmpty();
        }
      }
    }
    assertThat(jobs).isEqualTo(summary.documents());
  }

  /**
   * Every retail piece has a consumer trace its retailer published: natural, of Botswanan and/or
   * Canadian origin, under KP certificates that verify, each step in the log; and the retailer's
   * own API trace reaches a mine's commissioning through at least six hops with the KP certificates
   * the demo issued.
   */
  @Test
  void everyRetailPieceHasAPublishedTraceBackToTheMinesAndCertificates() {
    assertThat(summary.publicTraces().keySet())
        .containsExactlyInAnyOrderElementsOf(CustodyDemo.RETAIL_PIECES);
    Map<String, Caller> callers = callers();
    for (String piece : CustodyDemo.RETAIL_PIECES) {
      ConsumerTrace consumer =
          tracing.consumerTrace(summary.publicTraces().get(piece)).orElseThrow();
      assertThat(consumer.nature()).as(piece).isEqualTo(Nature.NATURAL);
      assertThat(consumer.origins()).as(piece).isNotEmpty();
      assertThat(consumer.origins().stream().map(o -> o.code()).toList())
          .as(piece)
          .isSubsetOf("BW", "CA");
      assertThat(consumer.certificates()).as(piece).isNotEmpty();
      assertThat(consumer.certificates()).allMatch(ConsumerTrace.Certificate::genuine);
      assertThat(summary.certificates())
          .containsAll(consumer.certificates().stream().map(c -> c.number()).toList());
      assertThat(consumer.truncated()).isFalse();

      ProvenanceTrace trace = null;
      for (String retailer : List.of("carat-crown", "maison-etoile")) {
        Caller c = callers.get(retailer);
        if (c != null
            && tracing.trace(c, piece, "upstream", null, null)
                instanceof TracingProvenance.TraceOutcome.Found found) {
          trace = found.trace();
          break;
        }
      }
      assertThat(trace).as(piece + ": its retailer can trace it").isNotNull();
      assertThat(trace.hops()).as(piece).hasSizeGreaterThanOrEqualTo(6);
      assertThat(trace.hops())
          .as(piece + " reaches a commissioning")
          .anyMatch(h -> "commissioning".equals(h.step()));
      assertThat(trace.certificates()).as(piece).isNotEmpty();
    }
  }

  /**
   * The proofs of a retail piece's trace verify offline: each hop's log entry and C2SP tlog-proof,
   * written to files, pass {@code ./kimberlite verify-proof} with nothing but the log's public key
   * (no platform started), and the retailer's own hops also prove their record with its salt.
   */
  @Test
  void theTraceProofsVerifyOfflineWithTheCommandLine(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Caller retailer = callers().get("carat-crown");
    String piece = "urn:epc:id:sgtin:9521006.040001.RING-1";
    ProvenanceTrace trace = null;
    java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
    while (trace == null
        || trace.hops().stream()
            .anyMatch(h -> h.proof() == null || h.proof().tlogProof() == null)) {
      assertThat(java.time.Instant.now()).as("every hop in the log").isBefore(deadline);
      if (tracing.trace(retailer, piece, "upstream", null, null)
          instanceof TracingProvenance.TraceOutcome.Found found) {
        trace = found.trace();
      }
      Thread.sleep(100);
    }
    Path vkey = Files.writeString(dir.resolve("log.vkey"), log.verifierKey());
    org.kimberlite.cli.KimberliteCommand.Platform none =
        args -> {
          throw new AssertionError("verify-proof must not start the platform");
        };
    int withRecord = 0;
    for (ProvenanceTrace.Hop hop : trace.hops()) {
      ProvenanceTrace.LogProof p = hop.proof();
      Path proof = Files.writeString(dir.resolve("hop.tlog-proof"), p.tlogProof());
      Path entry = Files.writeString(dir.resolve("hop.entry"), p.entry());
      List<String> args = new ArrayList<>(List.of("verify-proof", "--vkey", vkey.toString()));
      if (p.record() != null && p.salt() != null) {
        args.addAll(
            List.of(
                "--record",
                Files.writeString(dir.resolve("hop.record"), p.record()).toString(),
                "--salt",
                p.salt()));
        withRecord++;
      }
      args.add(proof.toString());
      args.add(entry.toString());
      assertThat(org.kimberlite.cli.KimberliteCommand.execute(none, args.toArray(String[]::new)))
          .as(hop.step() + " " + hop.eventID())
          .isZero();
      // The same proof does not vouch for another entry.
      Files.writeString(entry, p.entry().replace("custody.event", "custody.evenT"));
      assertThat(
              org.kimberlite.cli.KimberliteCommand.execute(
                  none,
                  "verify-proof",
                  "--vkey",
                  vkey.toString(),
                  proof.toString(),
                  entry.toString()))
          .isEqualTo(1);
    }
    assertThat(trace.hops()).hasSizeGreaterThanOrEqualTo(6);
    assertThat(withRecord).as("the retailer's own hops carry their record").isPositive();
  }

  /**
   * Each demo company's warranty reconciliation over the demo's period balances, or lists
   * differences that add up exactly to its surplus and its shortfall.
   */
  @Test
  void eachCompanysReconciliationBalancesOrListsWhatDoesNot() {
    String from = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(120).toString();
    String to = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
    int balanced = 0;
    for (Map.Entry<String, Caller> e : callers().entrySet()) {
      Caller c = e.getValue();
      Reconciling.Outcome outcome = reconciling.report(c, c.organisationId().toString(), from, to);
      assertThat(outcome).as(e.getKey()).isInstanceOf(Reconciling.Outcome.Done.class);
      Reconciling.Report r = ((Reconciling.Outcome.Done) outcome).report();
      System.out.println(
          "Reconciliation "
              + e.getKey()
              + ": bought "
              + r.figures().bought()
              + ", sold "
              + r.figures().sold()
              + ", lost in manufacturing "
              + r.figures().manufacturingLoss()
              + ", closing "
              + r.figures().closing()
              + (r.balanced() ? ", balanced" : ", differences " + r.differences()));
      if (r.balanced()) {
        balanced++;
        assertThat(r.flagged()).as(e.getKey()).isFalse();
        continue;
      }
      assertThat(r.differences()).as(e.getKey()).isNotEmpty();
      assertThat(
              org.kimberlite.shared.Carats.sum(
                  r.differences().stream().map(Reconciling.Difference::surplus).toList()))
          .as(e.getKey() + ": the differences make up the surplus")
          .isEqualTo(r.surplus());
      assertThat(
              org.kimberlite.shared.Carats.sum(
                  r.differences().stream().map(Reconciling.Difference::shortfall).toList()))
          .as(e.getKey() + ": the differences make up the shortfall")
          .isEqualTo(r.shortfall());
    }
    assertThat(balanced).as("companies whose warranties balance").isPositive();
  }

  /** One stored event as the test reads it. */
  record Seen(UUID capturedBy, JsonNode json) {
    List<String> named(String... members) {
      List<String> out = new ArrayList<>();
      for (String m : members) {
        JsonNode n = json.get(m);
        if (n == null) {
          continue;
        }
        if (n.isString()) {
          out.add(n.asString());
        } else {
          for (JsonNode x : n) {
            out.add(x.isString() ? x.asString() : x.path("epcClass").asString());
          }
        }
      }
      return out;
    }

    String bizStep() {
      return json.path("bizStep").asString("");
    }
  }

  @Test
  void everyRetailPieceTracesBackToAMineAndConfirmedKpCertificates() {
    Map<String, Caller> callers = callers();
    List<Seen> events = new ArrayList<>();
    for (Caller c : callers.values()) {
      EventQuery all =
          new EventQuery(
              List.of(), null, null, null, null, List.of(), List.of(), List.of(), List.of(),
              List.of(), List.of(), List.of(), 1000);
      QueryOutcome.Page page = (QueryOutcome.Page) querying.query(c, all, null);
      assertThat(page.nextPageToken()).isNull();
      for (StoredEvent e : page.events()) {
        events.add(new Seen(e.capturedBy(), EpcisDocuments.mapper().readTree(e.json())));
      }
    }
    Set<UUID> mines = new HashSet<>();
    Set<UUID> retailers = new HashSet<>();
    for (DemoAccount a : created) {
      if (a.role() == OrganisationRole.MINER) {
        mines.add(a.organisationId());
      } else if (a.role() == OrganisationRole.RETAILER) {
        retailers.add(a.organisationId());
      }
    }
    Set<String> pieces = new LinkedHashSet<>();
    for (Seen e : events) {
      if (retailers.contains(e.capturedBy()) && e.bizStep().equals("receiving")) {
        pieces.addAll(e.named("epcList"));
      }
    }
    assertThat(pieces).containsExactlyInAnyOrderElementsOf(CustodyDemo.RETAIL_PIECES);
    for (String piece : pieces) {
      Set<UUID> minesReached = new HashSet<>();
      Set<String> kp = new HashSet<>();
      List<String> todo = new ArrayList<>(List.of(piece));
      Set<String> seen = new HashSet<>();
      while (!todo.isEmpty()) {
        String id = todo.removeLast();
        if (!seen.add(id)) {
          continue;
        }
        for (Seen e : events) {
          if (e.named("parentID").contains(id)) {
            todo.addAll(e.named("childEPCs", "childQuantityList"));
          }
          if (e.named("outputEPCList", "outputQuantityList").contains(id)) {
            todo.addAll(e.named("inputEPCList", "inputQuantityList"));
          }
          if (e.named("epcList", "quantityList").contains(id)) {
            if (e.bizStep().equals("commissioning") && mines.contains(e.capturedBy())) {
              minesReached.add(e.capturedBy());
            }
            for (JsonNode t : e.json().path("bizTransactionList")) {
              if (t.path("type").asString("").equals(KP)) {
                kp.add(t.path("bizTransaction").asString().substring(KP_URN.length()));
              }
            }
          }
        }
      }
      assertThat(minesReached).as(piece + " reaches a commissioning at a mine").isNotEmpty();
      assertThat(kp).as(piece + " reaches a KP certificate").isNotEmpty();
      for (String number : kp) {
        Optional<KpCertificate> c =
            callers.values().stream()
                .map(caller -> certificates.get(caller, number))
                .flatMap(Optional::stream)
                .findFirst();
        assertThat(c).as(number).isPresent();
        assertThat(c.get().status()).as(number).isEqualTo(CertificateStatus.CONFIRMED);
      }
    }
  }
}
