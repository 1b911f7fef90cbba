package org.kimberlite.custody;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.ReadingCertificates;
import org.kimberlite.certification.Verification;
import org.kimberlite.custody.internal.DigitalLinks;
import org.kimberlite.custody.internal.EpcisDocuments;
import org.kimberlite.custody.internal.profile.GoodsRepository;
import org.kimberlite.custody.internal.profile.ProfileFacts;
import org.kimberlite.custody.internal.rules.Goods;
import org.kimberlite.custody.internal.rules.Holdings;
import org.kimberlite.custody.internal.rules.Origins;
import org.kimberlite.custody.internal.trace.TraceProperties;
import org.kimberlite.custody.internal.trace.TraceRepository;
import org.kimberlite.custody.internal.trace.TraceRepository.TraceEvent;
import org.kimberlite.custody.internal.trace.TraceWalk;
import org.kimberlite.ledger.LogEntry;
import org.kimberlite.ledger.TlogProof;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.Organisation;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Organisations;
import org.kimberlite.shared.ParticipantCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The provenance trace of goods under custody, and the consumer traces their holders publish
 * (docs/custody.md, "Provenance trace").
 *
 * <p>Who sees a trace: an organisation that holds or has held the goods asked about (it captured an
 * event naming them, was the owning party a shipment of them was addressed to, or holds them now),
 * and the KP authority of a participant whose certificate the goods travelled under (one it may
 * read). Anyone else, and goods no event names, get the same "not found".
 */
@Service
public class TracingProvenance {
  private static final Pattern URI =
      Pattern.compile("[A-Za-z][A-Za-z0-9+.-]{0,30}:[\\x21-\\x7e]{1,2000}");
  private static final Pattern PUBLIC_ID = Pattern.compile("[A-Za-z0-9_-]{22}");
  private static final int MAX_EPC = 2000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final TraceRepository traces;
  private final GoodsRepository goods;
  private final TransparencyLog log;
  private final Organisations organisations;
  private final ReadingCertificates certificates;
  private final Verification verification;
  private final TraceProperties properties;
  private final Clock clock;

  public TracingProvenance(
      TraceRepository traces,
      GoodsRepository goods,
      TransparencyLog log,
      Organisations organisations,
      ReadingCertificates certificates,
      Verification verification,
      TraceProperties properties,
      Clock clock) {
    this.traces = traces;
    this.goods = goods;
    this.log = log;
    this.organisations = organisations;
    this.certificates = certificates;
    this.verification = verification;
    this.properties = properties;
    this.clock = clock;
  }

  /** A trace, or why there is none to show. */
  public sealed interface TraceOutcome {
    record Found(ProvenanceTrace trace) implements TraceOutcome {}

    /** Unknown goods, or goods the caller may not trace: the same answer for both. */
    record NotFound() implements TraceOutcome {}

    /** Parameters that cannot be read: each with what it takes, in the order given. */
    record Invalid(Map<String, String> fields) implements TraceOutcome {
      public Invalid {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
      }
    }
  }

  /** The outcome of publishing a consumer trace. */
  public sealed interface PublishOutcome {
    /**
     * @param created false when the organisation had published these goods before (same id)
     */
    record Published(String publicId, boolean created) implements PublishOutcome {}

    /** Goods the caller neither holds nor sold last (or that no event names). */
    record NotFound() implements PublishOutcome {}

    record Invalid(String field, String message) implements PublishOutcome {}

    /** Only polished stones and jewellery pieces are published for consumers. */
    record NotConsumerGoods(String detail) implements PublishOutcome {}
  }

  /**
   * The trace of {@code epc} for the caller.
   *
   * @param direction upstream (default), downstream or both
   * @param maxNodes at most the configured bound (default it)
   * @param maxDepth at most the configured bound (default it)
   */
  @Transactional(readOnly = true)
  public TraceOutcome trace(
      Caller caller,
      @Nullable String epc,
      @Nullable String direction,
      @Nullable Integer maxNodes,
      @Nullable Integer maxDepth) {
    Map<String, String> faults = new java.util.LinkedHashMap<>();
    String canonical = "";
    try {
      canonical = canonical(epc);
    } catch (IllegalArgumentException e) {
      faults.put("epc", e.getMessage());
    }
    ProvenanceTrace.Direction dir = ProvenanceTrace.Direction.UPSTREAM;
    if (direction != null) {
      switch (direction) {
        case "upstream" -> dir = ProvenanceTrace.Direction.UPSTREAM;
        case "downstream" -> dir = ProvenanceTrace.Direction.DOWNSTREAM;
        case "both" -> dir = ProvenanceTrace.Direction.BOTH;
        default -> faults.put("direction", "upstream, downstream or both");
      }
    }
    int nodes = maxNodes == null ? properties.maxNodes() : maxNodes;
    if (nodes < 1 || nodes > properties.maxNodes()) {
      faults.put("maxNodes", "from 1 to " + properties.maxNodes());
    }
    int depth = maxDepth == null ? properties.maxDepth() : maxDepth;
    if (depth < 1 || depth > properties.maxDepth()) {
      faults.put("maxDepth", "from 1 to " + properties.maxDepth());
    }
    if (!faults.isEmpty()) {
      return new TraceOutcome.Invalid(faults);
    }
    Optional<Built> built =
        build(
            canonical,
            dir,
            new ProvenanceTrace.Limits(nodes, properties.maxEvents(), depth),
            caller.organisationId(),
            true);
    if (built.isEmpty() || !entitled(caller, built.get())) {
      return new TraceOutcome.NotFound();
    }
    return new TraceOutcome.Found(built.get().trace());
  }

  /**
   * Publishes the consumer trace of a polished stone or jewellery piece the caller holds (or, once
   * sold to a consumer, sold last). Publishing the same goods again answers the same id.
   */
  @Transactional
  public PublishOutcome publish(Caller caller, @Nullable String epc) {
    String canonical;
    try {
      canonical = canonical(epc);
    } catch (IllegalArgumentException e) {
      return new PublishOutcome.Invalid("epc", e.getMessage());
    }
    Optional<TraceRepository.Keeper> keeper = traces.keeper(canonical);
    if (keeper.isEmpty() || !caller.organisationId().equals(keeper.get().keeper())) {
      return new PublishOutcome.NotFound();
    }
    String kind = keeper.get().kind();
    if (!"POLISHED".equals(kind) && !"JEWELLERY".equals(kind)) {
      return new PublishOutcome.NotConsumerGoods(
          "Only polished stones and jewellery pieces are published for consumers; these goods are "
              + (kind == null ? "of no known kind" : kind.toLowerCase(Locale.ROOT))
              + ".");
    }
    Optional<TraceRepository.Published> before =
        traces.publishedBy(caller.organisationId(), canonical);
    if (before.isPresent()) {
      return new PublishOutcome.Published(before.get().publicId(), false);
    }
    byte[] id = new byte[16];
    RANDOM.nextBytes(id);
    String publicId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    if (!traces.publish(
        new TraceRepository.Published(
            publicId, canonical, caller.organisationId(), clock.instant()))) {
      return traces
          .publishedBy(caller.organisationId(), canonical)
          .<PublishOutcome>map(p -> new PublishOutcome.Published(p.publicId(), false))
          .orElseGet(PublishOutcome.NotFound::new);
    }
    return new PublishOutcome.Published(publicId, true);
  }

  /** Withdraws a consumer trace the caller's organisation published; false when it has no such. */
  @Transactional
  public boolean withdraw(Caller caller, String publicId) {
    return PUBLIC_ID.matcher(publicId).matches()
        && traces.withdraw(caller.organisationId(), publicId);
  }

  /** The published consumer trace, or empty when none is published under that id. */
  @Transactional(readOnly = true)
  public Optional<ConsumerTrace> consumerTrace(String publicId) {
    if (!PUBLIC_ID.matcher(publicId).matches()) {
      return Optional.empty();
    }
    Optional<TraceRepository.Published> published = traces.published(publicId);
    if (published.isEmpty()) {
      return Optional.empty();
    }
    Optional<Built> built =
        build(
            published.get().epc(),
            ProvenanceTrace.Direction.UPSTREAM,
            new ProvenanceTrace.Limits(
                properties.maxNodes(), properties.maxEvents(), properties.maxDepth()),
            null,
            false);
    if (built.isEmpty()) {
      return Optional.empty();
    }
    ProvenanceTrace t = built.get().trace();
    List<ConsumerTrace.Certificate> checked = new ArrayList<>();
    for (String number : t.certificates()) {
      checked.add(
          new ConsumerTrace.Certificate(number, verification.verify(number, null, null).genuine()));
    }
    List<ConsumerTrace.Step> steps = new ArrayList<>();
    for (ProvenanceTrace.Hop h : t.hops()) {
      ProvenanceTrace.LogProof p = h.proof();
      steps.add(
          new ConsumerTrace.Step(
              h.step(),
              h.time(),
              h.holder().country(),
              h.eventHash(),
              p == null ? new UUID(0, 0) : p.entryId(),
              p == null ? null : p.index()));
    }
    ProvenanceTrace.Node start = t.nodes().get(0);
    return Optional.of(
        new ConsumerTrace(
            publicId,
            t.epc(),
            start.kind(),
            t.nature(),
            t.origins(),
            checked,
            steps,
            t.truncated(),
            published.get().at()));
  }

  /** The canonical form of an identifier given by a client, or why it cannot be one. */
  static String canonical(@Nullable String epc) {
    if (epc == null || epc.isBlank()) {
      throw new IllegalArgumentException(
          "the goods' EPC URI, GS1 Digital Link or class URI is required");
    }
    if (epc.length() > MAX_EPC || !URI.matcher(epc).matches()) {
      throw new IllegalArgumentException(
          "an EPC URI, a GS1 Digital Link or a class URI of at most 2000 printable characters");
    }
    if (epc.startsWith("urn:epc:idpat:")) {
      throw new IllegalArgumentException("a pattern names many goods; name one lot or stone");
    }
    Optional<String> canonical = DigitalLinks.canonical(epc);
    if (canonical.isEmpty()
        && (epc.startsWith("urn:epc:") || epc.startsWith("https://id.gs1.org/"))) {
      throw new IllegalArgumentException("not a well-formed EPC URI or GS1 Digital Link");
    }
    return canonical.orElse(epc);
  }

  // ---------------------------------------------------------------- building a trace

  /** A trace with the organisations that hold or held the goods asked about. */
  private record Built(ProvenanceTrace trace, Set<UUID> parties) {}

  private Optional<Built> build(
      String canonical,
      ProvenanceTrace.Direction direction,
      ProvenanceTrace.Limits limits,
      @Nullable UUID viewer,
      boolean withProofs) {
    TraceWalk.Walk walk =
        TraceWalk.from(
            canonical,
            TraceWalk.Direction.valueOf(direction.name()),
            new TraceWalk.Limits(limits.maxNodes(), limits.maxEvents(), limits.maxDepth()));
    Map<String, TraceEvent> read = new HashMap<>();
    for (int round = 0; round <= limits.maxDepth() && !walk.frontier().isEmpty(); round++) {
      TraceRepository.Loaded loaded = traces.eventsNaming(walk.frontier(), limits.maxEvents());
      List<TraceWalk.EventLinks> links = new ArrayList<>();
      for (TraceEvent e : loaded.events()) {
        read.putIfAbsent(e.hashId(), e);
        links.add(
            new TraceWalk.EventLinks(
                e.hashId(),
                e.type(),
                e.action(),
                e.epcs().stream().map(r -> new TraceWalk.Link(r.role(), r.canonical())).toList()));
      }
      walk.absorb(links, loaded.more());
    }
    TraceWalk.Result result = walk.result();
    if (result.events().isEmpty()) {
      return Optional.empty();
    }
    List<TraceEvent> events = new ArrayList<>();
    for (String hash : result.events()) {
      events.add(read.get(hash));
    }
    events.sort(Comparator.comparing(TraceEvent::eventTime).thenComparingLong(TraceEvent::seq));

    Map<String, Goods> state = goods.find(result.nodes().keySet());
    Goods startState = state.get(canonical);
    Map<UUID, ProvenanceTrace.Holder> holders = new HashMap<>();
    Set<UUID> parties = new HashSet<>();
    if (startState != null) {
      addIfPresent(parties, startState.holder());
      addIfPresent(parties, startState.pendingTo());
    }
    LinkedHashSet<String> certificateNumbers = new LinkedHashSet<>();
    TreeSet<ParticipantCode> declaredOrigins = new TreeSet<>();
    List<ProvenanceTrace.Hop> hops = new ArrayList<>();
    // Each hop's log entry as the viewer may see it, and the proofs of all of them read at once.
    Map<UUID, Optional<LogEntry>> entries = new HashMap<>();
    Map<UUID, Long> indexes = new HashMap<>();
    for (TraceEvent e : events) {
      Optional<LogEntry> entry = log.entry(e.logEntry(), viewer);
      entries.put(e.logEntry(), entry);
      if (withProofs && entry.isPresent() && entry.get().index() != null) {
        indexes.put(e.logEntry(), entry.get().index());
      }
    }
    Map<UUID, TlogProof> proofs = log.proofs(indexes);
    for (TraceEvent e : events) {
      ProfileFacts facts = ProfileFacts.read(parsed(e), e.capturedBy());
      List<String> named = new ArrayList<>();
      for (EpcRef r : e.epcs()) {
        if (result.nodes().containsKey(r.canonical()) && !named.contains(r.canonical())) {
          named.add(r.canonical());
        }
      }
      if (named.contains(canonical)) {
        parties.add(e.capturedBy());
        addIfPresent(parties, facts.move().declared().destination());
      }
      certificateNumbers.addAll(facts.certificates());
      if ((facts.step() == Holdings.Step.COMMISSIONING || facts.step() == Holdings.Step.RECEIVING)
          && facts.move().declared().origins() instanceof Origins.Listed listed) {
        declaredOrigins.addAll(listed.participants());
      }
      boolean own = e.capturedBy().equals(viewer);
      hops.add(
          new ProvenanceTrace.Hop(
              e.eventId(),
              e.hashId(),
              e.type(),
              step(e),
              e.bizStep(),
              e.eventTime(),
              holders.computeIfAbsent(e.capturedBy(), this::holder),
              named,
              facts.certificates(),
              facts.invoice(),
              own ? invoices(e.json()) : List.of(),
              facts.warranty() != null,
              proof(entries.get(e.logEntry()), proofs.get(e.logEntry()))));
    }
    List<ProvenanceTrace.Node> nodes = new ArrayList<>();
    for (var n : result.nodes().entrySet()) {
      Goods g = state.get(n.getKey());
      nodes.add(
          new ProvenanceTrace.Node(
              n.getKey(),
              g == null || g.kind() == null ? null : g.kind().name().toLowerCase(Locale.ROOT),
              g == null ? null : g.nature(),
              g == null ? null : g.carats(),
              n.getValue()));
    }
    List<ProvenanceTrace.Edge> edges =
        result.edges().stream()
            .map(
                x ->
                    new ProvenanceTrace.Edge(
                        x.from(), x.to(), x.hashId(), x.kind().name().toLowerCase(Locale.ROOT)))
            .toList();
    List<ParticipantCode> origins;
    boolean mixed = false;
    if (startState != null && startState.origins() instanceof Origins.Listed listed) {
      origins = List.copyOf(listed.participants());
    } else {
      mixed = startState != null;
      origins = List.copyOf(declaredOrigins);
    }
    return Optional.of(
        new Built(
            new ProvenanceTrace(
                canonical,
                startState == null ? null : startState.nature(),
                origins,
                mixed,
                List.copyOf(certificateNumbers),
                direction,
                result.truncated(),
                limits,
                nodes,
                edges,
                hops),
            parties));
  }

  private static void addIfPresent(Set<UUID> set, @Nullable UUID id) {
    if (id != null) {
      set.add(id);
    }
  }

  private boolean entitled(Caller caller, Built built) {
    if (built.parties().contains(caller.organisationId())) {
      return true;
    }
    if (caller.has(OrganisationRole.KP_AUTHORITY)) {
      for (String number : built.trace().certificates()) {
        if (certificates.get(caller, number).isPresent()) {
          return true;
        }
      }
    }
    return false;
  }

  private ProvenanceTrace.Holder holder(UUID id) {
    Organisation o =
        organisations
            .directoryEntry(id)
            .orElseThrow(() -> new IllegalStateException("no organisation " + id));
    return new ProvenanceTrace.Holder(o.id(), o.name(), o.country());
  }

  private static ProvenanceTrace.@Nullable LogProof proof(
      Optional<LogEntry> entry, @Nullable TlogProof proof) {
    if (entry.isEmpty()) {
      return null;
    }
    LogEntry l = entry.get();
    String tlogProof = proof == null ? null : proof.format();
    byte[] salt = l.salt();
    return new ProvenanceTrace.LogProof(
        l.entryId(),
        new String(l.data(), StandardCharsets.UTF_8),
        Base64.getEncoder().encodeToString(l.leafHash()),
        l.index(),
        tlogProof,
        l.recordJson(),
        salt == null ? null : Base64.getEncoder().encodeToString(salt));
  }

  private static ParsedEvent parsed(TraceEvent e) {
    JsonNode json = EpcisDocuments.mapper().readTree(e.json());
    return new ParsedEvent(
        0,
        json,
        e.type(),
        e.eventTime(),
        e.eventTimeZoneOffset(),
        e.eventId(),
        e.hashId(),
        e.action(),
        e.bizStep(),
        e.disposition(),
        e.readPoint(),
        e.bizLocation(),
        e.epcs());
  }

  /** The word of what happened: the business step's last segment, else the kind of event. */
  static String step(TraceEvent e) {
    String bizStep = e.bizStep();
    if (bizStep != null && !bizStep.isBlank()) {
      int cut = Math.max(bizStep.lastIndexOf('/'), bizStep.lastIndexOf(':'));
      String word = bizStep.substring(cut + 1);
      if (word.startsWith("BizStep-")) {
        word = word.substring("BizStep-".length());
      }
      if (!word.isEmpty()) {
        return word;
      }
    }
    String type = e.type().replace("Event", "");
    String kind = type.toLowerCase(Locale.ROOT);
    if (e.type().equals("AggregationEvent") && "DELETE".equals(e.action())) {
      return "disaggregation";
    }
    return kind;
  }

  private static List<String> invoices(String json) {
    List<String> out = new ArrayList<>();
    JsonNode txs = EpcisDocuments.mapper().readTree(json).get("bizTransactionList");
    if (txs != null && txs.isArray()) {
      for (JsonNode tx : txs) {
        String type = tx.path("type").asString("");
        if (type.equals("inv")
            || type.endsWith("BTT-inv")
            || type.equals("urn:epcglobal:cbv:btt:inv")) {
          out.add(tx.path("bizTransaction").asString(""));
        }
      }
    }
    return out;
  }
}
