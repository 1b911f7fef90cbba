package org.kimberlite.cli;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * B1: EPCIS capture over HTTP. Concurrent clients, each signed in as the demo miner, send documents
 * of diamond-profile commissioning events ({@code docs/examples/custody/01-…}: rough lots in
 * carats, natural, of Botswana origin) and follow each capture job until it finishes; only events
 * of jobs that finished successfully count. The raw baseline writes the rows such a capture stores
 * (event, its class, the goods' state, the log entry) with plain JDBC batches, one transaction per
 * document, from as many threads, into a fresh database of the same kind.
 */
final class BenchCapture {
  static final String MINER = "kalahari-mining";
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx", Locale.ROOT);
  private static final ZoneOffset OFFSET = ZoneOffset.ofHours(2);

  private final Clock clock = Clock.systemUTC();
  private final String run;
  private final AtomicLong lots = new AtomicLong();

  BenchCapture(String run) {
    this.run = run;
  }

  record Result(
      long events,
      double seconds,
      int documents,
      int failed,
      BenchHttp.Latencies jobLatency,
      List<String> problems) {
    double rate() {
      return events / seconds;
    }
  }

  /** One document of {@code events} commissioning events, each of a lot never seen before. */
  String document(int events) {
    Instant when = clock.instant().minusSeconds(3600);
    StringBuilder b = new StringBuilder(events * 520 + 400);
    b.append("{\"@context\":[\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\",")
        .append("{\"kimberlite\":\"https://kimberlite.org/epcis/profile/\"}],")
        .append("\"type\":\"EPCISDocument\",\"schemaVersion\":\"2.0\",\"creationDate\":\"")
        .append(TIME.format(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)))
        .append("\",\"epcisBody\":{\"eventList\":[");
    for (int i = 0; i < events; i++) {
      long lot = lots.incrementAndGet();
      if (i > 0) {
        b.append(',');
      }
      b.append("{\"type\":\"ObjectEvent\",\"eventTime\":\"")
          .append(TIME.format(OffsetDateTime.ofInstant(when.plusMillis(i), OFFSET)))
          .append("\",\"eventTimeZoneOffset\":\"+02:00\",\"action\":\"ADD\",\"epcList\":[],")
          .append("\"quantityList\":[{\"epcClass\":\"urn:epc:class:lgtin:9521141.012345.")
          .append(lot(lot))
          .append("\",\"quantity\":")
          .append(String.format(Locale.ROOT, "%d.%02d", 1 + lot % 250, lot % 100))
          .append(",\"uom\":\"CTM\"}],\"bizStep\":\"commissioning\",\"disposition\":\"active\",")
          .append("\"readPoint\":{\"id\":\"urn:epc:id:sgln:9521141.00001.0\"},")
          .append("\"kimberlite:nature\":\"natural\",\"kimberlite:origin\":[\"BW\"],")
          .append("\"kimberlite:goods\":\"rough\",\"kimberlite:treated\":false}");
    }
    return b.append("]}}").toString();
  }

  private String lot(long n) {
    return "B" + run + Long.toString(n, 36).toUpperCase(Locale.ROOT);
  }

  /** Captures for {@code seconds}, then waits for the jobs in flight; counts stored events. */
  Result overHttp(BenchHttp server, String token, int clients, int perDocument, double seconds)
      throws InterruptedException {
    return overHttp(server, token, clients, perDocument, seconds, Long.MAX_VALUE);
  }

  /**
   * Captures for {@code seconds} or until documents of {@code maxEvents} events were posted,
   * whichever comes first, then waits for the jobs in flight; counts stored events.
   */
  @org.kimberlite.shared.SuppressForbidden("a benchmark client polling its capture job")
  Result overHttp(
      BenchHttp server, String token, int clients, int perDocument, double seconds, long maxEvents)
      throws InterruptedException {
    AtomicLong posted = new AtomicLong();
    AtomicLong events = new AtomicLong();
    AtomicLong documents = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    BenchHttp.Latencies jobs = new BenchHttp.Latencies();
    ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      threads.add(
          Thread.ofPlatform()
              .name("bench-capture-" + c)
              .start(
                  () -> {
                    HttpClient http = BenchHttp.client();
                    try {
                      while (System.nanoTime() < deadline
                          && posted.addAndGet(perDocument) <= maxEvents) {
                        String doc = document(perDocument);
                        long t0 = System.nanoTime();
                        HttpResponse<String> r =
                            server.post(http, "/epcis/capture", token, "application/ld+json", doc);
                        String job = r.headers().firstValue("Location").orElse("");
                        if (r.statusCode() != 202 || job.isEmpty()) {
                          failed.incrementAndGet();
                          note(problems, "capture answered " + r.statusCode() + " " + r.body());
                          Thread.sleep(100);
                          continue;
                        }
                        documents.incrementAndGet();
                        long wait = 10;
                        while (true) {
                          Thread.sleep(wait);
                          wait = Math.min(50, wait + 10);
                          HttpResponse<String> g = server.get(http, job, token);
                          JsonNode j = BenchHttp.JSON.readTree(g.body());
                          if (g.statusCode() != 200) {
                            note(problems, "job answered " + g.statusCode());
                            failed.incrementAndGet();
                            break;
                          }
                          if (!j.path("running").asBoolean(true)) {
                            jobs.add(System.nanoTime() - t0);
                            if (j.path("success").asBoolean(false)) {
                              events.addAndGet(j.path("eventsStored").asLong());
                            } else {
                              failed.incrementAndGet();
                              note(problems, "job failed: " + j.path("errors"));
                            }
                            break;
                          }
                        }
                      }
                    } catch (Exception e) {
                      note(problems, "client stopped: " + e);
                    }
                  }));
    }
    for (Thread t : threads) {
      t.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    return new Result(
        events.get(),
        elapsed,
        (int) documents.get(),
        (int) failed.get(),
        jobs,
        List.copyOf(problems));
  }

  private static void note(ConcurrentLinkedQueue<String> problems, String problem) {
    if (problems.size() < 5) {
      problems.add(problem.length() > 300 ? problem.substring(0, 300) + "…" : problem);
    }
  }

  /**
   * The raw baseline: the rows of {@code perDocument} commissioning events per transaction, written
   * with JDBC batches by {@code threads} writers for {@code seconds}.
   */
  Result raw(BenchDatabase db, int threads, int perDocument, double seconds)
      throws SQLException, InterruptedException {
    db.migrate();
    UUID organisation = UUID.randomUUID();
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into organisation (id, name, country_code, created_at) values (?, ?, ?,"
                    + " ?)")) {
      ps.setObject(1, organisation);
      ps.setString(2, "Bench raw miner " + run);
      ps.setString(3, "BW");
      ps.setObject(4, OffsetDateTime.now(clock));
      ps.executeUpdate();
    }
    AtomicLong events = new AtomicLong();
    AtomicLong documents = new AtomicLong();
    BenchHttp.Latencies commits = new BenchHttp.Latencies();
    ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < threads; w++) {
      writers.add(
          Thread.ofPlatform()
              .name("bench-raw-capture-" + w)
              .start(
                  () -> {
                    try (Connection c = db.connect()) {
                      c.setAutoCommit(false);
                      RawWriter writer = new RawWriter(c, organisation);
                      while (System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        writer.write(perDocument);
                        c.commit();
                        commits.add(System.nanoTime() - t0);
                        events.addAndGet(perDocument);
                        documents.incrementAndGet();
                      }
                    } catch (SQLException | RuntimeException e) {
                      note(problems, "raw writer stopped: " + e);
                    }
                  }));
    }
    for (Thread t : writers) {
      t.join();
    }
    return new Result(
        events.get(),
        (System.nanoTime() - start) / 1e9,
        (int) documents.get(),
        0,
        commits,
        List.copyOf(problems));
  }

  /** Writes the rows of one document in four JDBC batches (not committed). */
  private final class RawWriter {
    private final Connection c;
    private final UUID organisation;
    private final SecureRandom random = new SecureRandom();
    private final MessageDigest sha256;

    RawWriter(Connection c, UUID organisation) {
      this.c = c;
      this.organisation = organisation;
      try {
        this.sha256 = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    void write(int count) throws SQLException {
      UUID capture = UUID.randomUUID();
      OffsetDateTime now = OffsetDateTime.now(clock);
      try (PreparedStatement event =
              c.prepareStatement(
                  "insert into custody_event (hash_id, event_id, event_type, event_time,"
                      + " event_time_zone_offset, record_time, action, biz_step, disposition,"
                      + " read_point, biz_location, captured_by, capture_id, log_entry,"
                      + " event_json) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement epc =
              c.prepareStatement(
                  "insert into custody_event_epc (hash_id, role, epc, canonical) values (?, ?, ?,"
                      + " ?)");
          PreparedStatement goods =
              c.prepareStatement(
                  "insert into custody_goods (epc, holder, pending_to, pending_warranted, nature,"
                      + " treated, origins, warranted, carats, kind, sold, last_event) values (?,"
                      + " ?, null, false, 'NATURAL', false, 'BW', true, ?, 'ROUGH', false, ?)");
          PreparedStatement entry =
              c.prepareStatement(
                  "insert into ledger_entry (id, type, record_id, issuer, entry_time, data,"
                      + " leaf_hash, salt, record_json, audience, created_at) values (?, ?, ?, ?,"
                      + " ?, ?, ?, ?, ?, ?, ?)")) {
        for (int i = 0; i < count; i++) {
          long n = lots.incrementAndGet();
          String cls = "urn:epc:class:lgtin:9521141.012345." + lot(n);
          String canonical = "https://id.gs1.org/01/09521141123454/10/" + lot(n);
          String json =
              "{\"type\":\"ObjectEvent\",\"eventTime\":\""
                  + TIME.format(now.withOffsetSameInstant(OFFSET))
                  + "\",\"eventTimeZoneOffset\":\"+02:00\",\"action\":\"ADD\",\"epcList\":[],"
                  + "\"quantityList\":[{\"epcClass\":\""
                  + cls
                  + "\",\"quantity\":1.25,\"uom\":\"CTM\"}],\"bizStep\":\"commissioning\","
                  + "\"disposition\":\"active\",\"readPoint\":{\"id\":"
                  + "\"urn:epc:id:sgln:9521141.00001.0\"},\"kimberlite:nature\":\"natural\","
                  + "\"kimberlite:origin\":[\"BW\"],\"kimberlite:goods\":\"rough\","
                  + "\"kimberlite:treated\":false}";
          String hash =
              "ni:///sha-256;"
                  + HexFormat.of().formatHex(sha256.digest(json.getBytes(StandardCharsets.UTF_8)))
                  + "?ver=CBV2.0";
          UUID logEntry = UUID.randomUUID();
          event.setString(1, hash);
          event.setString(2, hash);
          event.setString(3, "ObjectEvent");
          event.setObject(4, now);
          event.setString(5, "+02:00");
          event.setObject(6, now);
          event.setString(7, "ADD");
          event.setString(8, "https://ref.gs1.org/cbv/BizStep-commissioning");
          event.setString(9, "https://ref.gs1.org/cbv/Disp-active");
          event.setString(10, "https://id.gs1.org/414/9521141000010");
          event.setString(11, null);
          event.setObject(12, organisation);
          event.setObject(13, capture);
          event.setObject(14, logEntry);
          event.setString(15, json);
          event.addBatch();
          epc.setString(1, hash);
          epc.setString(2, "class");
          epc.setString(3, cls);
          epc.setString(4, canonical);
          epc.addBatch();
          goods.setString(1, canonical);
          goods.setObject(2, organisation);
          goods.setBigDecimal(3, new java.math.BigDecimal("1.25"));
          goods.setString(4, hash);
          goods.addBatch();
          byte[] salt = new byte[16];
          random.nextBytes(salt);
          String record =
              "{\"eventHash\":\"" + hash + "\",\"capturedBy\":\"" + organisation + "\"}";
          byte[] data =
              ("{\"digest\":\"sha256:"
                      + HexFormat.of()
                          .formatHex(sha256.digest(record.getBytes(StandardCharsets.UTF_8)))
                      + "\",\"id\":\""
                      + hash
                      + "\",\"issuer\":\""
                      + organisation
                      + "\",\"time\":\""
                      + now
                      + "\",\"type\":\"custody.event\"}")
                  .getBytes(StandardCharsets.UTF_8);
          sha256.update((byte) 0);
          byte[] leaf = sha256.digest(data);
          entry.setObject(1, logEntry);
          entry.setString(2, "custody.event");
          entry.setString(3, hash);
          entry.setString(4, organisation.toString());
          entry.setObject(5, now);
          entry.setBytes(6, data);
          entry.setBytes(7, leaf);
          entry.setBytes(8, salt);
          entry.setString(9, record);
          entry.setString(10, organisation.toString());
          entry.setObject(11, now);
          entry.addBatch();
        }
        event.executeBatch();
        epc.executeBatch();
        goods.executeBatch();
        entry.executeBatch();
      }
    }
  }
}
