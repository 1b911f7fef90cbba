package org.kimberlite.custody;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.kimberlite.custody.internal.CaptureJobRepository;
import org.kimberlite.custody.internal.CaptureMetrics;
import org.kimberlite.custody.internal.CapturePreparation;
import org.kimberlite.custody.internal.CaptureWorker;
import org.kimberlite.custody.internal.EpcisDocuments;
import org.kimberlite.custody.internal.EventRecords;
import org.kimberlite.custody.internal.EventRepository;
import org.kimberlite.custody.internal.profile.GoodsRepository;
import org.kimberlite.custody.internal.profile.Replay;
import org.kimberlite.custody.internal.reconciliation.Movements;
import org.kimberlite.ledger.Commitment;
import org.kimberlite.ledger.Receipt;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.platform.DatabaseOutage;
import org.kimberlite.registry.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Capturing EPCIS events (the EPCIS REST binding's capture interface). A request is read and
 * bounded at once and answered with a capture job. The document is validated against the EPCIS 2.0
 * schema (CUS-01) and each valid event read (hash ID, indexed fields) by {@link
 * CapturePreparation}, ahead of the worker when it can; the worker then, in order and in one
 * transaction per document, runs every {@link EventChecks} on the batch and stores the events that
 * pass — each committed to the transparency log — or, all or nothing by default, none of them.
 */
@Service
public class Capturing {
  private static final Logger log = LoggerFactory.getLogger(Capturing.class);

  private final CaptureJobRepository jobs;
  private final EventRepository events;
  private final List<EventChecks> checks;
  private final TransparencyLog transparencyLog;
  private final CaptureWorker worker;
  private final TransactionTemplate transactions;
  private final CustodyProperties properties;
  private final Clock clock;
  private final Replay profile;
  private final GoodsRepository goods;
  private final Movements movements;
  private final ApplicationEventPublisher published;
  private final CaptureMetrics metrics;
  private final CapturePreparation preparation;

  public Capturing(
      CaptureJobRepository jobs,
      EventRepository events,
      List<EventChecks> checks,
      TransparencyLog transparencyLog,
      CaptureWorker worker,
      TransactionTemplate transactions,
      CustodyProperties properties,
      Clock clock,
      Replay profile,
      GoodsRepository goods,
      Movements movements,
      ApplicationEventPublisher published,
      CaptureMetrics metrics,
      CapturePreparation preparation) {
    this.jobs = jobs;
    this.events = events;
    this.checks = List.copyOf(checks);
    this.transparencyLog = transparencyLog;
    this.worker = worker;
    this.transactions = transactions;
    this.properties = properties;
    this.clock = clock;
    this.profile = profile;
    this.goods = goods;
    this.movements = movements;
    this.published = published;
    this.metrics = metrics;
    this.preparation = preparation;
  }

  /** Reads and bounds a capture document and queues it as a job of the caller's organisation. */
  @Transactional
  public Submission submit(Caller caller, String body, ErrorBehaviour behaviour) {
    JsonNode document;
    try {
      document = EpcisDocuments.parse(body);
    } catch (EpcisDocuments.NotADocument e) {
      return new Submission.NotADocument(e.getMessage());
    }
    List<JsonNode> list = EpcisDocuments.events(document);
    if (list.size() > properties.maxEvents()) {
      return new Submission.TooManyEvents(list.size(), properties.maxEvents());
    }
    for (int i = 0; i < list.size(); i++) {
      int bytes =
          EpcisDocuments.mapper()
              .writeValueAsString(list.get(i))
              .getBytes(StandardCharsets.UTF_8)
              .length;
      if (bytes > properties.maxEventBytes()) {
        return new Submission.EventTooLarge(i, bytes, properties.maxEventBytes());
      }
    }
    UUID id = UUID.randomUUID();
    jobs.create(
        id,
        caller.organisationId(),
        caller.accountId(),
        behaviour,
        list.size(),
        body,
        clock.instant().truncatedTo(ChronoUnit.MILLIS));
    // Read and validated while the worker is busy with earlier jobs; registered before the job is
    // handed to the worker, so that it is under way when the worker reaches it.
    preparation.afterCommit(id, body);
    worker.afterCommit(id, list.size(), this::process);
    return new Submission.Submitted(id, list.size());
  }

  /**
   * Jobs accepted before a restart and not yet processed are processed now (by the server once it
   * is ready; the one-shot commands that start the platform leave them for it).
   */
  public void resume() {
    for (CaptureJobRepository.Running job : jobs.running()) {
      worker.afterCommit(job.id(), job.events(), this::process);
    }
  }

  /**
   * Processes queued jobs (on the worker), in order, in one transaction so that they share a
   * commit. While the database is out of reach the worker waits and runs the same jobs again (from
   * 200 ms doubling to 5 s), before any later job, so that an acknowledged capture is never failed
   * by an outage and jobs keep their order; the jobs stay running meanwhile, and a restart resumes
   * them. When a group fails otherwise, its jobs run again one by one, so that only a faulty job
   * fails.
   */
  @org.kimberlite.shared.SuppressForbidden(
      "the capture worker (never a request thread) waits out a database outage")
  public void process(List<UUID> group) {
    long wait = 200;
    while (true) {
      try {
        metrics.timed(() -> transactions.executeWithoutResult(status -> runAll(group)));
        return;
      } catch (RuntimeException e) {
        if (!DatabaseOutage.is(e)) {
          if (group.size() == 1) {
            failed(group.get(0), e);
          } else {
            log.warn("A group of {} capture jobs failed; each runs alone", group.size());
            group.forEach(id -> process(List.of(id)));
          }
          return;
        }
        log.warn("Capture jobs {} wait for the database: {}", group, e.getMessage());
      }
      try {
        Thread.sleep(wait);
      } catch (InterruptedException stopping) {
        Thread.currentThread().interrupt();
        return; // the jobs stay running; the next start resumes them
      }
      wait = Math.min(5_000, wait * 2);
    }
  }

  private void failed(UUID jobId, RuntimeException e) {
    log.error("Capture job {} failed", jobId, e);
    transactions.executeWithoutResult(
        status -> {
          metrics.failed();
          jobs.finish(
              List.of(
                  new CaptureJobRepository.Finished(
                      jobId,
                      false,
                      0,
                      0,
                      List.of(
                          new CaptureError(
                              null,
                              "internal-error",
                              "",
                              "The capture failed unexpectedly; it has been logged. Nothing was"
                                  + " stored.")),
                      List.of(),
                      clock.instant())));
        });
  }

  /**
   * The jobs of a group in order, in the current transaction: their rows are read (and locked) in
   * one statement before the first, and marked finished in one batch after the last, before the
   * commit.
   */
  private void runAll(List<UUID> group) {
    Map<UUID, CaptureJobRepository.Pending> pending = jobs.pending(group);
    List<CaptureJobRepository.Finished> finished = new ArrayList<>(group.size());
    for (UUID jobId : group) {
      // Claimed first, so that what was prepared for a job that no longer runs is let go too.
      var claimed = preparation.claim(jobId);
      // Taken out, so that a job handed over twice runs once, as when it was read job by job.
      CaptureJobRepository.Pending job = pending.remove(jobId);
      if (job != null) {
        finished.add(run(jobId, job, claimed));
      }
    }
    jobs.finish(finished);
  }

  private CaptureJobRepository.Finished run(
      UUID jobId,
      CaptureJobRepository.Pending job,
      @org.jspecify.annotations.Nullable CompletableFuture<CapturePreparation.Prepared> claimed) {
    CapturePreparation.Prepared prepared = CapturePreparation.result(claimed, job.document());
    JsonNode document = prepared.document();
    Instant recordTime = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    List<CaptureError> errors = new ArrayList<>(prepared.errors());
    Set<Integer> refused = new HashSet<>(prepared.refused());
    if (prepared.documentFault()) {
      metrics.finished(false, 0, 0, 0);
      return new CaptureJobRepository.Finished(
          jobId, false, 0, 0, errors, List.of(), clock.instant());
    }
    List<JsonNode> list = prepared.events();
    List<ParsedEvent> parsed = prepared.parsed();
    CaptureBatch batch =
        new CaptureBatch(
            jobId,
            job.organisationId(),
            recordTime,
            EpcisDocuments.prefixes(document.get("@context")),
            parsed);
    Map<Integer, List<Finding>> byEvent = new HashMap<>();
    for (EventChecks check : checks) {
      for (Finding f : check.check(batch, events)) {
        byEvent.computeIfAbsent(f.eventIndex(), k -> new ArrayList<>()).add(f);
      }
    }
    List<ParsedEvent> toStore = new ArrayList<>();
    List<CaptureError> flags = new ArrayList<>();
    List<GoodsRepository.Flag> kept = new ArrayList<>();
    int known = 0;
    for (ParsedEvent event : parsed) {
      switch (EventVerdict.of(event.index(), byEvent.getOrDefault(event.index(), List.of()))) {
        case EventVerdict.Accepted a -> toStore.add(event);
        case EventVerdict.Flagged f -> {
          toStore.add(event);
          f.findings().forEach(x -> flags.add(error(x)));
          f.findings()
              .forEach(
                  x ->
                      kept.add(
                          new GoodsRepository.Flag(
                              event.hashId(), x.rule(), x.pointer(), x.message())));
        }
        case EventVerdict.Known k -> known++;
        case EventVerdict.Refused r -> {
          refused.add(event.index());
          r.findings().forEach(x -> errors.add(error(x)));
        }
      }
    }
    errors.sort(
        java.util.Comparator.comparing(
            (CaptureError e) -> e.eventIndex() == null ? -1 : e.eventIndex()));
    if (!refused.isEmpty() && job.behaviour() == ErrorBehaviour.ROLLBACK) {
      metrics.finished(false, 0, 0, list.size());
      return new CaptureJobRepository.Finished(
          jobId, false, 0, 0, errors, List.of(), clock.instant());
    }
    store(toStore, document, job.organisationId(), jobId, recordTime);
    if (!toStore.isEmpty()) {
      // The diamond profile's state and flags, in the same transaction as the events.
      movements.record(
          profile.store(
              new CaptureBatch(
                  jobId, job.organisationId(), recordTime, batch.prefixes(), toStore)));
      goods.saveFlags(job.organisationId(), kept, recordTime);
      published.publishEvent(new EventsCaptured(jobId, job.organisationId(), recordTime));
    }
    metrics.finished(refused.isEmpty(), toStore.size(), known, refused.size());
    return new CaptureJobRepository.Finished(
        jobId, refused.isEmpty(), toStore.size(), known, errors, flags, clock.instant());
  }

  private void store(
      List<ParsedEvent> accepted, JsonNode document, UUID organisation, UUID jobId, Instant at) {
    if (accepted.isEmpty()) {
      return;
    }
    JsonNode extraContext = extraContext(document.get("@context"));
    List<String> jsons = new ArrayList<>(accepted.size());
    List<Commitment> commitments = new ArrayList<>(accepted.size());
    for (ParsedEvent event : accepted) {
      ObjectNode stored = (ObjectNode) event.json().deepCopy();
      if (extraContext != null && !stored.has("@context")) {
        ObjectNode withContext = EpcisDocuments.mapper().createObjectNode();
        withContext.set("@context", extraContext.deepCopy());
        withContext.setAll(stored);
        stored = withContext;
      }
      if (!stored.has("eventID")) {
        stored.put("eventID", event.hashId());
      }
      stored.put("recordTime", at.toString());
      String json = EpcisDocuments.mapper().writeValueAsString(stored);
      jsons.add(json);
      commitments.add(
          Commitment.privateRecord(
              EventRecords.TYPE,
              event.hashId(),
              organisation.toString(),
              at,
              EventRecords.record(event.hashId(), event.eventId(), organisation, jobId, at, json),
              Set.of(organisation)));
    }
    List<Receipt> receipts = transparencyLog.recordAll(commitments);
    List<EventRepository.NewEvent> rows = new ArrayList<>(accepted.size());
    for (int i = 0; i < accepted.size(); i++) {
      rows.add(
          new EventRepository.NewEvent(
              accepted.get(i), jsons.get(i), organisation, jobId, at, receipts.get(i).entryId()));
    }
    events.insertAll(rows);
  }

  /** The context entries a document adds to the EPCIS context (its namespaces), if any. */
  private static @org.jspecify.annotations.Nullable JsonNode extraContext(
      @org.jspecify.annotations.Nullable JsonNode context) {
    if (context == null || !context.isArray()) {
      return null;
    }
    ArrayNode extra = EpcisDocuments.mapper().createArrayNode();
    for (JsonNode c : context) {
      if (!(c.isString() && c.stringValue().endsWith("epcis-context.jsonld"))) {
        extra.add(c);
      }
    }
    return extra.isEmpty() ? null : extra;
  }

  private static CaptureError error(Finding f) {
    return new CaptureError(
        f.eventIndex(), f.rule(), pointer(f.eventIndex(), f.pointer()), f.message());
  }

  private static String pointer(int index, String inEvent) {
    return "/epcisBody/eventList/" + index + inEvent;
  }

  /** A job of the caller's organisation. */
  @Transactional(readOnly = true)
  public Optional<CaptureJob> job(Caller caller, UUID id) {
    return jobs.find(caller.organisationId(), id);
  }

  /** The newest jobs of the caller's organisation. */
  @Transactional(readOnly = true)
  public List<CaptureJob> jobs(Caller caller) {
    return jobs.list(caller.organisationId(), properties.maxJobsListed());
  }
}
