package org.kimberlite.federation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.TradeFigures;
import org.kimberlite.certification.TradeRow;
import org.kimberlite.federation.internal.StatisticsDocumentRepository;
import org.kimberlite.ledger.Commitment;
import org.kimberlite.ledger.LogEntry;
import org.kimberlite.ledger.Receipt;
import org.kimberlite.ledger.TlogProof;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.platform.web.WebProperties;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.SignedDocuments;
import org.kimberlite.registry.TrustLists;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.statistics.ProductionReport;
import org.kimberlite.statistics.Statistics;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This node's statistics documents (docs/federation.md, "Statistics across nodes"): for each
 * participant it serves and each year, the trade and production figures from its own records,
 * signed with its trust-list key and committed to its log, a new version whenever they change; and
 * the endpoint the secretariat's node fetches them from, which answers only that node.
 */
@Service
public class StatisticsPublishing {
  /** The path the secretariat's node fetches documents from ({@code ?year=}). */
  public static final String DOCUMENTS = "/api/v1/federation/statistics/documents";

  /**
   * The audience of the documents' log records: no organisation, so that only this module reads
   * them back (the figures go to the secretariat's node alone; the log's entry is public).
   */
  static final UUID AUDIENCE =
      UUID.nameUUIDFromBytes("kimberlite federation statistics".getBytes(StandardCharsets.UTF_8));

  private final StatisticsDocumentRepository repository;
  private final Directories directories;
  private final TradeFigures trade;
  private final Statistics statistics;
  private final TransparencyLog transparencyLog;
  private final TrustLists trustLists;
  private final ExchangeProperties properties;
  private final Clock clock;
  private final TransactionTemplate tx;
  private final String publicUrl;

  StatisticsPublishing(
      StatisticsDocumentRepository repository,
      Directories directories,
      TradeFigures trade,
      Statistics statistics,
      TransparencyLog transparencyLog,
      TrustLists trustLists,
      ExchangeProperties properties,
      Clock clock,
      PlatformTransactionManager transactions,
      WebProperties web) {
    this.repository = repository;
    this.directories = directories;
    this.trade = trade;
    this.statistics = statistics;
    this.transparencyLog = transparencyLog;
    this.trustLists = trustLists;
    this.properties = properties;
    this.clock = clock;
    this.tx = new TransactionTemplate(transactions);
    String url = web.publicUrl();
    this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** Whether this server is a node of a federation. */
  public boolean enabled() {
    return properties.enabled();
  }

  /**
   * Makes the documents of {@code year} that {@code caller} may ask for: the secretariat those of
   * every participant this node serves, a KP authority its own participant's when this node serves
   * it.
   */
  public StatisticsOutcome make(Caller caller, int year) {
    if (!properties.enabled()) {
      return new StatisticsOutcome.NotFederated("This server is a single node, in no federation.");
    }
    Optional<DirectoryNode> self = directories.self();
    if (self.isEmpty()) {
      return new StatisticsOutcome.NotFederated(
          "This node holds no directory yet, or is not listed in it.");
    }
    List<ParticipantCode> asked;
    if (caller.has(OrganisationRole.KP_SECRETARIAT)) {
      asked = self.get().participants();
    } else if (caller.has(OrganisationRole.KP_AUTHORITY)
        && caller.participant() != null
        && self.get().participants().contains(caller.participant())) {
      asked = List.of(caller.participant());
    } else {
      return new StatisticsOutcome.NotAllowed(
          "Only the secretariat, or the KP authority of a participant this node serves, asks.");
    }
    List<StatisticsOutcome.Made.Document> out = new ArrayList<>();
    for (ParticipantCode p : asked) {
      out.add(make(self.get().id(), p, year));
    }
    return new StatisticsOutcome.Made(out);
  }

  /** One round of the scheduled job: the documents of the recent years, where figures changed. */
  public int makeRecent(int years) {
    Optional<DirectoryNode> self = properties.enabled() ? directories.self() : Optional.empty();
    if (self.isEmpty()) {
      return 0;
    }
    int made = 0;
    int now = LocalDate.now(clock).getYear();
    for (int year = now - years + 1; year <= now; year++) {
      for (ParticipantCode p : self.get().participants()) {
        if (make(self.get().id(), p, year).made()) {
          made++;
        }
      }
    }
    return made;
  }

  private StatisticsOutcome.Made.Document make(String node, ParticipantCode p, int year) {
    StatisticsOutcome.Made.Document d;
    try {
      d = tx.execute(s -> makeInTransaction(node, p, year));
    } catch (DuplicateKeyException raced) {
      // another process of this node made this version at the same moment
      d = tx.execute(s -> makeInTransaction(node, p, year));
    }
    if (d == null) {
      throw new IllegalStateException("no document");
    }
    return d;
  }

  private StatisticsOutcome.Made.Document makeInTransaction(
      String node, ParticipantCode p, int year) {
    Optional<StatisticsDocumentRepository.Own> latest = repository.latestOwn(p, year);
    long version = latest.map(StatisticsDocumentRepository.Own::version).orElse(0L) + 1;
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    NodeStatistics doc = figures(node, p, year, version, at);
    String hash = sha256(StatisticsDocuments.figures(doc));
    if (latest.isPresent() && latest.get().figuresHash().equals(hash)) {
      StatisticsDocumentRepository.Own l = latest.get();
      return new StatisticsOutcome.Made.Document(
          p.code(), year, l.version(), NodeStatistics.recordId(p, year, l.version()), false);
    }
    String jws = trustLists.signDocument(NodeStatistics.TYPE, StatisticsDocuments.toJson(doc));
    Receipt receipt =
        transparencyLog.record(
            Commitment.privateRecord(
                NodeStatistics.RECORD_TYPE,
                doc.recordId(),
                publicUrl,
                at,
                StatisticsDocuments.record(doc, jws),
                Set.of(AUDIENCE)));
    if (!repository.insertOwn(
        new StatisticsDocumentRepository.Own(p, year, version, hash, jws, receipt.entryId(), at))) {
      throw new DuplicateKeyException("statistics document " + doc.recordId());
    }
    return new StatisticsOutcome.Made.Document(p.code(), year, version, doc.recordId(), true);
  }

  /** A participant's figures of a year from this node's records. */
  NodeStatistics figures(String node, ParticipantCode p, int year, long version, Instant at) {
    List<NodeStatistics.Flow> exports = new ArrayList<>();
    List<NodeStatistics.Flow> imports = new ArrayList<>();
    for (TradeRow r : trade.exports(year, year)) {
      if (r.exporter().equals(p)) {
        exports.add(flow(r, r.importer()));
      }
    }
    for (TradeRow r : trade.imports(year, year)) {
      if (r.importer().equals(p)) {
        imports.add(flow(r, r.exporter()));
      }
    }
    Comparator<NodeStatistics.Flow> order =
        Comparator.comparingInt(NodeStatistics.Flow::quarter)
            .thenComparing(NodeStatistics.Flow::partner)
            .thenComparing(NodeStatistics.Flow::hsCode);
    exports.sort(order);
    imports.sort(order);
    Map<String, ProductionReport> latest = new TreeMap<>();
    for (ProductionReport r : statistics.history(p.code(), year)) {
      if (p.equals(r.participant()) && r.year() == year) {
        latest.merge(r.half(), r, (a, b) -> a.revision() >= b.revision() ? a : b);
      }
    }
    List<NodeStatistics.Production> production = new ArrayList<>();
    latest.forEach(
        (half, r) ->
            production.add(
                new NodeStatistics.Production(half, r.revision(), r.carats(), r.valueUsd())));
    return new NodeStatistics(node, p, year, version, at, exports, imports, production);
  }

  private static NodeStatistics.Flow flow(TradeRow r, ParticipantCode partner) {
    return new NodeStatistics.Flow(
        r.quarter(), partner, r.hsCode(), r.carats(), r.valueUsd(), r.certificates());
  }

  /**
   * Answers a fetch of this node's documents of {@code year} (the latest version of each): only to
   * a request signed (RFC 9421) with a valid transport key of the secretariat's node.
   */
  public PullOutcome serve(IncomingDeliveries.SignedRequest request, int year) {
    if (!properties.enabled()) {
      return new PullOutcome.NotFederated();
    }
    Optional<Directory> held = directories.current();
    Optional<DirectoryNode> self = held.flatMap(d -> d.node(properties.nodeId()));
    if (held.isEmpty() || self.isEmpty()) {
      return new PullOutcome.NotReady("This node holds no directory, or is not listed in it.");
    }
    Instant now = clock.instant();
    HttpMessageSignatures.Parsed parsed;
    try {
      parsed = HttpMessageSignatures.parse(request.signatureInput(), request.signature());
    } catch (HttpMessageSignatures.Refused e) {
      return new PullOutcome.Refused(401, "federation/signature", e.getMessage());
    }
    DirectoryNode sender;
    NodeKey key;
    switch (DirectoryPolicy.sender(held.get(), parsed.keyid(), now)) {
      case NodeCheck.Listed l -> {
        sender = l.node();
        key = l.key();
      }
      case NodeCheck.Unlisted u -> {
        return new PullOutcome.Refused(
            401, "federation/unlisted-node", "FED-03: no node holds the key " + u.kid());
      }
      case NodeCheck.Invalid i -> {
        return new PullOutcome.Refused(
            401, "federation/unlisted-node", "FED-03: the key " + i.key().kid() + " is not valid");
      }
    }
    try {
      HttpMessageSignatures.verify(
          parsed,
          "GET",
          pullUri(self.get(), year),
          request.contentDigest(),
          request.body(),
          SignedDocuments.fromBase64url(key.x()),
          now,
          properties.maxSkew());
    } catch (HttpMessageSignatures.Refused e) {
      return new PullOutcome.Refused(401, "federation/signature", e.getMessage());
    }
    if (!SECRETARIAT.equals(sender.operator())) {
      return new PullOutcome.Refused(
          403,
          "federation/not-secretariat",
          "Only the secretariat's node fetches statistics documents; " + sender.id() + " is not");
    }
    return new PullOutcome.Served(StatisticsDocuments.pulledToJson(pulled(year)));
  }

  /** The operator of the secretariat's node in the directory. */
  public static final String SECRETARIAT = "secretariat";

  /** The URI a node's documents of {@code year} are fetched at. */
  public static String pullUri(DirectoryNode node, int year) {
    return node.base() + DOCUMENTS + "?year=" + year;
  }

  private List<StatisticsDocuments.Pulled> pulled(int year) {
    List<StatisticsDocuments.Pulled> out = new ArrayList<>();
    for (StatisticsDocumentRepository.Own d : repository.latestOwn(year, year)) {
      Optional<LogEntry> entry = transparencyLog.entry(d.entryId(), AUDIENCE);
      Optional<TlogProof> proof =
          entry.isPresent() ? transparencyLog.proof(d.entryId()) : Optional.empty();
      @Nullable String record = entry.map(LogEntry::recordJson).orElse(null);
      byte @Nullable [] salt = entry.map(LogEntry::salt).orElse(null);
      if (proof.isPresent() && record != null && salt != null) {
        out.add(
            new StatisticsDocuments.Pulled(record, salt, entry.get().data(), proof.get().format()));
      }
    }
    return out;
  }

  static String sha256(byte[] bytes) {
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
