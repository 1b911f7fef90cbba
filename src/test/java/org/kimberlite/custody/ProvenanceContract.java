package org.kimberlite.custody;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kimberlite.custody.internal.DigitalLinks;
import org.kimberlite.ledger.Checkpoint;
import org.kimberlite.ledger.NoteVerifier;
import org.kimberlite.ledger.Rfc6962;
import org.kimberlite.ledger.TlogProof;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.registry.Accounts;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Organisations;
import org.kimberlite.support.Actors;
import org.kimberlite.support.Actors.Actor;
import org.kimberlite.support.Api;
import org.kimberlite.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * The provenance trace through the API on each database: the example chain of custody
 * (docs/examples/custody: commissioning at the mine, packing into a parcel, shipping under a KP
 * certificate, receiving, splitting, cutting, grading, setting into jewellery, retail sale) traced
 * upstream, downstream and both ways; who may see it; log proofs checked with the ledger's own
 * verifier; consumer traces published, shown, scanned and withdrawn.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"kimberlite.data-dir=target/it-data", "kimberlite.ledger.interval=50ms"})
@Import(TestClock.Config.class)
abstract class ProvenanceContract {
  static final Path EXAMPLES = Path.of("docs/examples/custody");

  @LocalServerPort int port;
  @Autowired Organisations organisations;
  @Autowired Accounts accounts;

  Actor authority;
  Actor otherAuthority;
  Actor miner;
  Actor trader;
  Actor stranger;
  String suffix;
  String serial;
  String number;

  Api anonymous() {
    return new Api("http://127.0.0.1:" + port);
  }

  @BeforeEach
  void chain() throws Exception {
    Actors actors = new Actors(organisations, accounts, anonymous());
    authority = actors.create(OrganisationRole.KP_AUTHORITY, "BW");
    otherAuthority = actors.create(OrganisationRole.KP_AUTHORITY, "ZA");
    miner = actors.create(OrganisationRole.MINER, "BW");
    trader = actors.create(OrganisationRole.MANUFACTURER, "BE");
    stranger = actors.create(OrganisationRole.TRADER, "BW");
    suffix = "P" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    serial =
        String.format(
            Locale.ROOT,
            "%010d",
            Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
    number = certificate();
    List<Path> files;
    try (Stream<Path> s = Files.list(EXAMPLES)) {
      files = s.filter(p -> p.toString().endsWith(".jsonld")).sorted().toList();
    }
    assertThat(files).hasSize(9);
    for (Path file : files) {
      Actor who = file.getFileName().toString().compareTo("04") < 0 ? miner : trader;
      String body =
          Files.readString(file, StandardCharsets.UTF_8)
              .replace("urn:kimberlite:org:TRADER", "urn:kimberlite:org:" + trader.id())
              .replace("kp-certificate:CERTIFICATE", "kp-certificate:" + number)
              .replace("9521141.012345.", "9521141.012345." + suffix)
              .replace("9521141.0000000001", "9521141." + serial);
      JsonNode job = CustodyProfileContract.capture(who, body);
      assertThat(job.get("success").asBoolean()).as(file + ": " + job).isTrue();
    }
  }

  String certificate() {
    Map<String, Object> body = new HashMap<>();
    body.put("exporter", miner.id().toString());
    body.put("importer", trader.id().toString());
    body.put("importingParticipant", "EU");
    body.put("origin", Map.of("kind", "single", "countries", List.of("BW")));
    body.put(
        "lines", List.of(Map.of("hsCode", "7102.31", "carats", "100.00", "valueUsd", "50000.00")));
    body.put("parcels", 1);
    body.put("sealId", "SEAL-TRACE");
    body.put("issuedOn", LocalDate.now(ZoneOffset.UTC).toString());
    body.put("expiresOn", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString());
    Api.Answer a = authority.api().post("/api/v1/certificates", body);
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    return a.json().get("number").asString();
  }

  String cls(String lot) {
    return DigitalLinks.canonical("urn:epc:class:lgtin:9521141.012345." + suffix + lot)
        .orElseThrow();
  }

  String piece(String item) {
    return DigitalLinks.canonical("urn:epc:id:sgtin:9521141.012345." + suffix + item).orElseThrow();
  }

  String parcel() {
    return DigitalLinks.canonical("urn:epc:id:sscc:9521141." + serial).orElseThrow();
  }

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  Api.Answer trace(Actor who, String epc, String more) {
    return who.api().get("/api/v1/provenance?epc=" + q(epc) + more);
  }

  static List<String> texts(JsonNode array, String member) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(member == null ? n.asString() : n.get(member).asString()));
    return out;
  }

  // ---- upstream, downstream, both ----

  @Test
  void upstreamFromTheRingGoesBackToTheMines() {
    String ring = piece("RING1");
    Api.Answer a = trace(trader, "urn:epc:id:sgtin:9521141.012345." + suffix + "RING1", "");
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    JsonNode t = a.json();
    assertThat(t.get("epc").asString()).isEqualTo(ring);
    assertThat(t.get("direction").asString()).isEqualTo("upstream");
    assertThat(t.get("nature").asString()).isEqualTo("natural");
    assertThat(texts(t.get("origins"), null)).containsExactly("BW");
    assertThat(texts(t.get("certificates"), null)).containsExactly(number);
    assertThat(t.get("truncated").asBoolean()).isFalse();
    assertThat(texts(t.get("nodes"), "id"))
        .containsExactlyInAnyOrder(
            ring, piece("POL1"), cls("CUT-C"), parcel(), cls("MINE-A"), cls("MINE-B"));
    List<String> steps = texts(t.get("hops"), "step");
    assertThat(steps)
        .containsSubsequence(
            "commissioning",
            "packing",
            "shipping",
            "receiving",
            "sorting",
            "cutting",
            "inspecting",
            "setting",
            "retail_selling");
    assertThat(steps).hasSizeGreaterThanOrEqualTo(6);
    assertThat(texts(t.get("edges"), "kind")).contains("aggregation", "transformation");
    JsonNode first = t.get("hops").get(0);
    assertThat(first.get("holder").get("id").asString()).isEqualTo(miner.id().toString());
    assertThat(first.get("holder").get("country").asString()).isEqualTo("BW");
    for (JsonNode h : t.get("hops")) {
      assertThat(h.has("eventID") && h.has("bizStep") && h.has("time") && h.has("proof")).isTrue();
      if (h.get("step").asString().equals("shipping")) {
        // the miner's invoice and warranty: the fact, not its number
        assertThat(h.get("invoice").asBoolean()).isTrue();
        assertThat(h.get("warranty").asBoolean()).isTrue();
        assertThat(h.get("invoices")).isEmpty();
        assertThat(texts(h.get("certificates"), null)).containsExactly(number);
      }
      if (h.get("step").asString().equals("retail_selling")) {
        assertThat(texts(h.get("invoices"), null))
            .containsExactly("urn:kimberlite:invoice:SHOP-2025-0001");
      }
    }
    assertThat(a.body()).doesNotContain("MINE-2025-0042");
  }

  @Test
  void downstreamFromAMineLotReachesEverythingMadeFromItAndBothIsTheUnion() {
    Api.Answer down = trace(miner, cls("MINE-A"), "&direction=downstream");
    assertThat(down.status()).as(down.body()).isEqualTo(200);
    assertThat(texts(down.json().get("nodes"), "id"))
        .containsExactlyInAnyOrder(
            cls("MINE-A"),
            parcel(),
            cls("CUT-C"),
            cls("CUT-D"),
            piece("POL1"),
            piece("POL2"),
            piece("RING1"))
        .doesNotContain(cls("MINE-B"));
    Api.Answer both = trace(trader, cls("CUT-C"), "&direction=both");
    assertThat(both.status()).as(both.body()).isEqualTo(200);
    assertThat(texts(both.json().get("nodes"), "id"))
        .contains(cls("MINE-A"), cls("MINE-B"), piece("RING1"), piece("POL2"))
        .doesNotContain(cls("CUT-D"));
    Api.Answer small = trace(trader, piece("RING1"), "&maxNodes=3");
    assertThat(small.json().get("truncated").asBoolean()).isTrue();
    assertThat(small.json().get("nodes")).hasSize(3);
    Api.Answer shallow = trace(trader, piece("RING1"), "&maxDepth=1");
    assertThat(shallow.json().get("truncated").asBoolean()).isTrue();
    assertThat(texts(shallow.json().get("nodes"), "id"))
        .containsExactly(piece("RING1"), piece("POL1"));
  }

  // ---- access ----

  @Test
  void onlyThoseWhoHeldTheGoodsAndTheCertificatesAuthoritySeeTheTrace() {
    String ring = piece("RING1");
    Api.Answer unknown = trace(trader, piece("NO-SUCH"), "");
    assertThat(unknown.status()).isEqualTo(404);
    for (Actor who : List.of(stranger, miner, otherAuthority)) {
      Api.Answer a = trace(who, ring, "");
      assertThat(a.status()).as(a.body()).isEqualTo(404);
      assertThat(a.body()).isEqualTo(unknown.body());
    }
    assertThat(trace(authority, ring, "").status()).isEqualTo(200);
    // the miner held the rough: its trace downstream is the miner's to see
    assertThat(trace(miner, cls("MINE-B"), "&direction=downstream").status()).isEqualTo(200);
    assertThat(trace(stranger, cls("MINE-B"), "&direction=downstream").status()).isEqualTo(404);
    assertThat(anonymous().get("/api/v1/provenance?epc=" + q(ring)).status()).isEqualTo(401);
  }

  @Test
  void malformedParametersAreProblems() {
    for (String query :
        List.of(
            "",
            "?epc=",
            "?epc=" + q("urn:epc:id:sgtin:not-an-sgtin"),
            "?epc=" + q("urn:epc:idpat:sgtin:9521141.012345.*"),
            "?epc=" + q("no scheme here"),
            "?epc=" + q("urn:x:" + "a".repeat(2100)),
            "?epc=" + q(piece("RING1")) + "&direction=sideways",
            "?epc=" + q(piece("RING1")) + "&direction=UPSTREAM",
            "?epc=" + q(piece("RING1")) + "&maxNodes=0",
            "?epc=" + q(piece("RING1")) + "&maxNodes=100000",
            "?epc=" + q(piece("RING1")) + "&maxDepth=-1",
            "?epc=" + q(piece("RING1")) + "&maxNodes=many")) {
      Api.Answer a = trader.api().get("/api/v1/provenance" + query);
      assertThat(a.status()).as(query + " " + a.body()).isEqualTo(400);
      assertThat(a.contentType()).as(query).startsWith("application/problem+json");
      assertThat(a.body()).doesNotContain("java.", "Exception");
    }
  }

  // ---- proofs ----

  /** The trace once every hop's entry is in a signed checkpoint. */
  JsonNode integrated(Actor who, String epc) throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      JsonNode t = trace(who, epc, "").json();
      boolean all = true;
      for (JsonNode h : t.get("hops")) {
        all &= h.get("proof").hasNonNull("tlogProof");
      }
      if (all) {
        return t;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the hops were not integrated in 10 s");
  }

  @Test
  void everyHopsProofVerifiesWithTheLedgersVerifier() throws Exception {
    JsonNode t = integrated(trader, piece("RING1"));
    NoteVerifier key = NoteVerifier.parse(anonymous().get("/log/vkey").body().strip());
    int own = 0;
    for (JsonNode h : t.get("hops")) {
      JsonNode p = h.get("proof");
      byte[] entry = p.get("entry").asString().getBytes(StandardCharsets.UTF_8);
      assertThat(Base64.getDecoder().decode(p.get("leafHash").asString()))
          .isEqualTo(Rfc6962.leafHash(entry));
      TlogProof proof = TlogProof.parse(p.get("tlogProof").asString());
      assertThat(proof.index()).isEqualTo(p.get("index").asLong());
      Checkpoint c = TlogProof.verify(proof, Rfc6962.leafHash(entry), key.name(), List.of(key));
      assertThat(c.size()).isGreaterThan(proof.index());
      JsonNode envelope = Api.JSON.readTree(entry);
      assertThat(envelope.get("type").asString()).isEqualTo("custody.event");
      assertThat(envelope.get("id").asString()).isEqualTo(h.get("eventHash").asString());
      boolean mine = h.get("holder").get("id").asString().equals(trader.id().toString());
      if (mine) {
        own++;
        String digest =
            TransparencyLog.digest(
                Base64.getDecoder().decode(p.get("salt").asString()), p.get("record").asString());
        assertThat(digest).isEqualTo(envelope.get("digest").asString());
        assertThat(p.get("record").asString()).contains(h.get("eventHash").asString());
      } else {
        assertThat(p.get("record").isNull()).isTrue();
        assertThat(p.get("salt").isNull()).isTrue();
      }
      // a tampered entry does not verify
      byte[] forged =
          p.get("entry").asString().replace("custody", "kustody").getBytes(StandardCharsets.UTF_8);
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> TlogProof.verify(proof, Rfc6962.leafHash(forged), key.name(), List.of(key)))
          .isInstanceOf(org.kimberlite.ledger.ProofException.class);
    }
    assertThat(own).isGreaterThanOrEqualTo(5);
  }

  // ---- consumer traces ----

  @Test
  void theHolderPublishesAConsumerTraceAndWithdrawsIt() throws Exception {
    String ring = piece("RING1");
    integrated(trader, ring);
    assertThat(miner.api().post("/api/v1/provenance/public", Map.of("epc", ring)).status())
        .isEqualTo(404);
    assertThat(trader.api().post("/api/v1/provenance/public", Map.of("epc", cls("CUT-D"))).status())
        .isEqualTo(422);
    assertThat(trader.api().post("/api/v1/provenance/public", Map.of("epc", "bad")).status())
        .isEqualTo(400);
    Api.Answer published = trader.api().post("/api/v1/provenance/public", Map.of("epc", ring));
    assertThat(published.status()).as(published.body()).isEqualTo(201);
    String id = published.json().get("publicId").asString();
    String url = published.json().get("url").asString();
    assertThat(url).endsWith("/trace/" + id);
    Api.Answer again = trader.api().post("/api/v1/provenance/public", Map.of("epc", ring));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("publicId").asString()).isEqualTo(id);

    Api.Answer page = anonymous().getPage("/trace/" + id);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("NATURAL", number, "verifies", ">BW<", "commissioning", "retail selling")
        .doesNotContain(
            "SHOP-2025", "MINE-2025", "MANUFACTURER", "MINER BW", trader.id().toString());
    JsonNode json = anonymous().get("/api/v1/provenance/public/" + id).json();
    assertThat(json.get("nature").asString()).isEqualTo("natural");
    assertThat(json.get("certificates").get(0).get("genuine").asBoolean()).isTrue();
    assertThat(json.get("steps").size()).isGreaterThanOrEqualTo(6);
    assertThat(json.toString()).doesNotContain("SHOP-2025", "holder", "invoice");

    Api.Answer qr = anonymous().get("/trace/" + id + "/qr.svg");
    assertThat(qr.status()).isEqualTo(200);
    assertThat(qr.contentType()).startsWith("image/svg+xml");
    assertThat(decode(qr.body())).isEqualTo(url);

    assertThat(miner.api().delete("/api/v1/provenance/public/" + id).status()).isEqualTo(404);
    assertThat(trader.api().delete("/api/v1/provenance/public/" + id).status()).isEqualTo(204);
    assertThat(anonymous().getPage("/trace/" + id).status()).isEqualTo(404);
    assertThat(anonymous().get("/trace/" + id + "/qr.svg").status()).isEqualTo(404);
    assertThat(anonymous().get("/api/v1/provenance/public/" + id).status()).isEqualTo(404);
    assertThat(anonymous().getPage("/trace/AAAAAAAAAAAAAAAAAAAAAA").status()).isEqualTo(404);
    assertThat(anonymous().getPage("/trace/..%2F").status()).isIn(400, 404);
  }

  /** Reads the QR code in the SVG: draws its modules and decodes them with ZXing. */
  static String decode(String svg) throws Exception {
    Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
    assertThat(box.find()).isTrue();
    int scale = 4;
    int w = Integer.parseInt(box.group(1));
    BufferedImage image = new BufferedImage(w * scale, w * scale, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < w * scale; y++) {
      for (int x = 0; x < w * scale; x++) {
        image.setRGB(x, y, 0xffffff);
      }
    }
    Matcher m = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
    while (m.find()) {
      int mx = Integer.parseInt(m.group(1));
      int my = Integer.parseInt(m.group(2));
      for (int dy = 0; dy < scale; dy++) {
        for (int dx = 0; dx < scale; dx++) {
          image.setRGB(mx * scale + dx, my * scale + dy, 0);
        }
      }
    }
    return new QRCodeReader()
        .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
        .getText();
  }
}
