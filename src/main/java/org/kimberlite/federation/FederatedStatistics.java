package org.kimberlite.federation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.kimberlite.federation.internal.NodeKeys;
import org.kimberlite.federation.internal.StatisticsDocumentRepository;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.SignedDocuments;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdAmount;
import org.kimberlite.statistics.Finding;
import org.kimberlite.statistics.ImportFlow;
import org.kimberlite.statistics.MirrorAnalysis;
import org.kimberlite.statistics.Period;
import org.kimberlite.statistics.TradeFlow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Statistics across nodes on the secretariat's node: it fetches every other node's statistics
 * documents, takes those {@link StatisticsDocumentPolicy} admits, and assembles the global figures
 * and the mirror analysis across nodes from them. No node's raw records are needed.
 */
@Service
public class FederatedStatistics {
  private static final Logger log = LoggerFactory.getLogger(FederatedStatistics.class);

  private final StatisticsDocumentRepository repository;
  private final Directories directories;
  private final StatisticsPublishing publishing;
  private final NodeKeys nodeKeys;
  private final ExchangeProperties properties;
  private final Clock clock;
  private final TransactionTemplate tx;
  private final HttpClient http;

  FederatedStatistics(
      StatisticsDocumentRepository repository,
      Directories directories,
      StatisticsPublishing publishing,
      NodeKeys nodeKeys,
      ExchangeProperties properties,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.repository = repository;
    this.directories = directories;
    this.publishing = publishing;
    this.nodeKeys = nodeKeys;
    this.properties = properties;
    this.clock = clock;
    this.tx = new TransactionTemplate(transactions);
    this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
  }

  /** Whether this node assembles the global figures: it is the secretariat's, the publisher. */
  public boolean assembles() {
    return properties.enabled() && properties.publishDirectory();
  }

  /**
   * One round: fetches the documents of the recent {@code years} from every other node of the
   * directory. Returns how many documents were taken.
   */
  public int fetchAll(int years) {
    if (!assembles()) {
      return 0;
    }
    Optional<Directory> directory = directories.current();
    if (directory.isEmpty()) {
      return 0;
    }
    int now = LocalDate.now(clock).getYear();
    int taken = 0;
    for (DirectoryNode node : directory.get().nodes()) {
      if (!node.id().equals(properties.nodeId())) {
        List<String> refused = new ArrayList<>();
        int docs = 0;
        try {
          for (int year = now - years + 1; year <= now; year++) {
            for (StatisticsDecision d : fetch(node, year)) {
              docs++;
              switch (d) {
                case StatisticsDecision.Admitted a -> taken++;
                case StatisticsDecision.AlreadyHeld h -> {}
                case StatisticsDecision.Refused r -> refused.add(r.reason() + ": " + r.detail());
              }
            }
          }
          repository.attempt(
              node.id(),
              clock.instant(),
              docs,
              refused.isEmpty() ? null : refused.size() + " refused; " + refused.get(0));
        } catch (FetchFailed e) {
          repository.attempt(node.id(), clock.instant(), 0, e.getMessage());
          log.warn("Cannot fetch statistics documents from {}: {}", node.id(), e.getMessage());
        }
      }
    }
    return taken;
  }

  /** Raised when a node's documents cannot be fetched. */
  static final class FetchFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FetchFailed(String message) {
      super(message);
    }
  }

  /** Fetches {@code node}'s documents of {@code year} and offers each; the decisions. */
  public List<StatisticsDecision> fetch(DirectoryNode node, int year) {
    String uri = StatisticsPublishing.pullUri(node, year);
    byte[] empty = new byte[0];
    HttpMessageSignatures.Signed signed =
        HttpMessageSignatures.sign(
            "GET", uri, empty, clock.instant(), nodeKeys.kid(), nodeKeys::sign);
    HttpResponse<byte[]> response;
    try {
      response =
          http.send(
              HttpRequest.newBuilder(URI.create(uri))
                  .timeout(properties.timeout())
                  .header("Accept", "application/json")
                  .header("Content-Digest", signed.contentDigest())
                  .header("Signature-Input", signed.signatureInput())
                  .header("Signature", signed.signature())
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException | IllegalArgumentException e) {
      throw new FetchFailed("cannot reach " + uri + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchFailed("interrupted");
    }
    if (response.statusCode() != 200) {
      throw new FetchFailed(uri + " answered " + response.statusCode());
    }
    List<StatisticsDocuments.Pulled> pulled;
    try {
      pulled = StatisticsDocuments.pulledFromJson(response.body());
    } catch (StatisticsDocuments.Malformed e) {
      throw new FetchFailed(uri + " answered what is not a list of documents: " + e.getMessage());
    }
    List<StatisticsDecision> out = new ArrayList<>();
    for (StatisticsDocuments.Pulled p : pulled) {
      out.add(offer(node, p));
    }
    return out;
  }

  /** Decides on one document from {@code sender} and keeps it when admitted. */
  public StatisticsDecision offer(DirectoryNode sender, StatisticsDocuments.Pulled p) {
    StatisticsDecision decision;
    try {
      decision = tx.execute(s -> offerInTransaction(sender, p));
    } catch (DuplicateKeyException raced) {
      decision = tx.execute(s -> offerInTransaction(sender, p));
    }
    if (decision == null) {
      throw new IllegalStateException("no decision");
    }
    if (decision instanceof StatisticsDecision.Refused r) {
      log.warn(
          "A statistics document from {} is refused ({}): {}", sender.id(), r.reason(), r.detail());
    }
    return decision;
  }

  private StatisticsDecision offerInTransaction(
      DirectoryNode sender, StatisticsDocuments.Pulled p) {
    StatisticsDecision d =
        StatisticsDocumentPolicy.admit(
            p,
            sender,
            r ->
                repository
                    .latestHeld(r.participant(), r.year())
                    .map(h -> new StatisticsDocumentPolicy.Held(h.version(), h.jws()))
                    .orElse(null));
    if (d instanceof StatisticsDecision.Admitted a) {
      NodeStatistics doc = a.document();
      if (!repository.insertHeld(
          new StatisticsDocumentRepository.Held(
              doc.participant(),
              doc.year(),
              doc.version(),
              sender.id(),
              a.jws(),
              a.checkpointSize(),
              clock.instant()),
          p.record(),
          p.proof())) {
        throw new DuplicateKeyException("statistics document " + doc.recordId());
      }
    }
    return d;
  }

  /**
   * The years worth offering on the secretariat's node, the latest first: those each round fetches
   * (the current one and the years before it that {@code kimberlite.federation.statistics.years}
   * covers) and those of which a document is held (at most {@code max} in all).
   */
  public List<Integer> years(int recent, int max) {
    int now = LocalDate.now(clock).getYear();
    Set<Integer> years = new TreeSet<>(java.util.Comparator.reverseOrder());
    for (int y = now; y > now - recent; y--) {
      years.add(y);
    }
    years.addAll(repository.heldYears(max));
    return years.stream().limit(max).toList();
  }

  /** The global figures of {@code year}, for the secretariat. */
  public OperatorView<GlobalFigures> figures(Caller caller, int year) {
    if (!caller.has(OrganisationRole.KP_SECRETARIAT)) {
      return new OperatorView.NotAllowed<>();
    }
    return new OperatorView.Shown<>(figures(year));
  }

  /** The global figures of {@code year}. */
  public GlobalFigures figures(int year) {
    Map<Integer, Map<ParticipantCode, Source>> byYear = new TreeMap<>();
    for (int y = year - 1; y <= year + 1; y++) {
      byYear.put(y, documents(y));
    }
    Map<ParticipantCode, Source> ofYear = byYear.get(year);
    List<GlobalFigures.Participant> lines = new ArrayList<>();
    for (Source s : ofYear.values()) {
      lines.add(
          new GlobalFigures.Participant(
              s.doc().participant().code(),
              s.doc().node(),
              s.version(),
              s.doc().issuedAt(),
              totals(s.doc().exports()),
              totals(s.doc().imports()),
              production(s.doc())));
    }
    Set<ParticipantCode> covered = new TreeSet<>(ofYear.keySet());
    List<TradeFlow> exports = new ArrayList<>();
    List<ImportFlow> imports = new ArrayList<>();
    byYear.forEach(
        (y, docs) ->
            docs.values()
                .forEach(
                    s -> {
                      NodeStatistics d = s.doc();
                      for (NodeStatistics.Flow f : d.exports()) {
                        if (y <= year && covered.contains(f.partner())) {
                          exports.add(
                              new TradeFlow(
                                  d.participant(),
                                  f.partner(),
                                  new Period(y, f.quarter()),
                                  f.hsCode(),
                                  f.carats(),
                                  f.valueUsd(),
                                  f.certificates()));
                        }
                      }
                      for (NodeStatistics.Flow f : d.imports()) {
                        if (covered.contains(f.partner())) {
                          imports.add(
                              new ImportFlow(
                                  f.partner(),
                                  d.participant(),
                                  new Period(y, f.quarter()),
                                  f.hsCode(),
                                  f.carats(),
                                  f.valueUsd(),
                                  f.certificates()));
                        }
                      }
                    }));
    String prefix = Integer.toString(year);
    List<Finding> mirror =
        MirrorAnalysis.findings(exports, imports).stream()
            .filter(f -> f.period().startsWith(prefix) && covered.contains(f.participant()))
            .toList();
    List<StatisticsSource> sources =
        repository.sources().stream()
            .map(
                s ->
                    new StatisticsSource(
                        s.nodeId(),
                        s.lastAttemptAt(),
                        s.lastSuccessAt(),
                        s.documents(),
                        s.lastError()))
            .toList();
    return new GlobalFigures(year, lines, mirror, sources);
  }

  /**
   * A participant's document of a year: taken from another node, or made of this node's records.
   */
  private record Source(NodeStatistics doc, @Nullable Long version) {}

  private Map<ParticipantCode, Source> documents(int year) {
    Map<ParticipantCode, Source> out = new TreeMap<>();
    for (StatisticsDocumentRepository.Held h : repository.latestHeld(year, year)) {
      out.put(h.participant(), new Source(payload(h.jws()), h.version()));
    }
    Optional<DirectoryNode> self = directories.self();
    if (self.isPresent()) {
      Instant now = clock.instant();
      for (ParticipantCode p : self.get().participants()) {
        out.put(p, new Source(publishing.figures(self.get().id(), p, year, 1, now), null));
      }
    }
    return out;
  }

  /** The figures of a document verified when it was taken. */
  private static NodeStatistics payload(String jws) {
    int first = jws.indexOf('.');
    int second = jws.indexOf('.', first + 1);
    return StatisticsDocuments.fromJson(
        SignedDocuments.fromBase64url(jws.substring(first + 1, second)));
  }

  private static GlobalFigures.Totals totals(List<NodeStatistics.Flow> flows) {
    Carats carats = Carats.sum(flows.stream().map(NodeStatistics.Flow::carats).toList());
    UsdAmount usd = UsdAmount.sum(flows.stream().map(NodeStatistics.Flow::valueUsd).toList());
    // a certificate with lines under two HS codes is under both: a lane's certificates in a
    // quarter are those of its HS code with the most
    Map<String, Long> lanes = new HashMap<>();
    for (NodeStatistics.Flow f : flows) {
      lanes.merge(f.quarter() + "/" + f.partner().code(), f.certificates(), Math::max);
    }
    return new GlobalFigures.Totals(
        carats, usd, lanes.values().stream().mapToLong(Long::longValue).sum());
  }

  private static GlobalFigures.Totals production(NodeStatistics d) {
    List<NodeStatistics.Production> halves =
        d.production().stream().filter(p -> !p.half().equals("FY")).toList();
    List<NodeStatistics.Production> used = halves.isEmpty() ? d.production() : halves;
    return new GlobalFigures.Totals(
        Carats.sum(used.stream().map(NodeStatistics.Production::carats).toList()),
        UsdAmount.sum(used.stream().map(NodeStatistics.Production::valueUsd).toList()),
        0);
  }
}
