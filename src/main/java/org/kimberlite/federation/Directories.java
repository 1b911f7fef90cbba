package org.kimberlite.federation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kimberlite.federation.internal.ExchangeRepository;
import org.kimberlite.federation.internal.NodeKeys;
import org.kimberlite.federation.internal.WitnessKeys;
import org.kimberlite.ledger.Commitment;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.platform.web.WebProperties;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.SignedDocuments;
import org.kimberlite.registry.TrustLists;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The federation directory on this node: published here when this is the secretariat's node,
 * fetched from the secretariat's node otherwise, and accepted only by {@link DirectoryPolicy}.
 */
@Service
public class Directories {
  /** The log record type of a published directory. */
  public static final String RECORD_TYPE = "federation.directory";

  private static final Logger log = LoggerFactory.getLogger(Directories.class);

  private final ExchangeRepository repository;
  private final TrustLists trustLists;
  private final TransparencyLog transparencyLog;
  private final NodeKeys nodeKeys;
  private final WitnessKeys witnessKeys;
  private final ExchangeProperties properties;
  private final Clock clock;
  private final TransactionTemplate tx;
  private final String publicUrl;
  private final HttpClient http;
  private volatile @Nullable Held cached;

  Directories(
      ExchangeRepository repository,
      TrustLists trustLists,
      TransparencyLog transparencyLog,
      NodeKeys nodeKeys,
      WitnessKeys witnessKeys,
      ExchangeProperties properties,
      Clock clock,
      PlatformTransactionManager transactions,
      WebProperties web) {
    this.repository = repository;
    this.trustLists = trustLists;
    this.transparencyLog = transparencyLog;
    this.nodeKeys = nodeKeys;
    this.witnessKeys = witnessKeys;
    this.properties = properties;
    this.clock = clock;
    this.tx = new TransactionTemplate(transactions);
    String url = web.publicUrl();
    this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
  }

  /** Whether this server is a node of a federation. */
  public boolean enabled() {
    return properties.enabled();
  }

  /**
   * The directory this node goes by, if it holds one: the newest accepted (by any process of this
   * node), read again only when it changed.
   */
  public Optional<Directory> current() {
    Optional<String> jws = currentJws();
    if (jws.isEmpty()) {
      return Optional.empty();
    }
    Held held = cached;
    if (held != null && held.jws().equals(jws.get())) {
      return Optional.of(held.directory());
    }
    Directory read =
        DirectoryDocuments.fromJson(
            SignedDocuments.open(jws.get(), Directory.TYPE, directoryKey()));
    cached = new Held(jws.get(), read);
    return Optional.of(read);
  }

  private record Held(String jws, Directory directory) {}

  /** The signed directory this node goes by, if it holds one. */
  public Optional<String> currentJws() {
    return properties.enabled() ? repository.latestDirectory() : Optional.empty();
  }

  /** This node as the directory lists it, if it does. */
  public Optional<DirectoryNode> self() {
    return current().flatMap(d -> d.node(properties.nodeId()));
  }

  /** What this node tells the secretariat to list, or empty for a single node. */
  public Optional<NodeIdentity> identity() {
    if (!properties.enabled()) {
      return Optional.empty();
    }
    return Optional.of(
        new NodeIdentity(
            properties.nodeId(),
            publicUrl,
            nodeKeys.kid(),
            SignedDocuments.base64url(nodeKeys.publicKey()),
            transparencyLog.origin(),
            transparencyLog.verifierKey(),
            SignedDocuments.base64url(trustLists.platformPublicKey()),
            witnessKeys.cosigner().vkey()));
  }

  /**
   * Decides on a signed directory offered to this node and keeps it when accepted: refused when its
   * signature does not verify with the secretariat's key, when it is older than the one held or
   * when it breaks a rule of the directory.
   */
  public DirectoryDecision offer(String jws) {
    if (!properties.enabled()) {
      return new DirectoryDecision.Refused(
          DirectoryDecision.Reason.BAD_SIGNATURE, "This server is not a node of a federation");
    }
    Directory held = current().orElse(null);
    DirectoryDecision decision = DirectoryPolicy.accept(held, jws, directoryKey());
    if (decision instanceof DirectoryDecision.Accepted a) {
      try {
        tx.executeWithoutResult(
            s ->
                repository.insertDirectory(
                    a.directory().version(), jws, a.directory().issuedAt(), clock.instant()));
      } catch (DuplicateKeyException raced) {
        // another process kept this version at the same moment
      }
    }
    return decision;
  }

  /**
   * Publishes a new version of the directory listing {@code nodesJson} ({@code {"nodes":[...]}}):
   * signed with this node's trust-list key, kept, and committed to the log in one transaction.
   */
  public PublishOutcome publish(Caller caller, byte[] nodesJson) {
    if (!caller.has(OrganisationRole.KP_SECRETARIAT)) {
      return new PublishOutcome.NotAllowed();
    }
    if (!properties.enabled() || !properties.publishDirectory()) {
      return new PublishOutcome.NotPublisher();
    }
    List<DirectoryNode> nodes;
    try {
      nodes = DirectoryDocuments.nodesFromJson(nodesJson);
    } catch (DirectoryDocuments.Malformed e) {
      return new PublishOutcome.Invalid("nodes", e.getMessage());
    }
    List<String> broken = DirectoryPolicy.check(nodes);
    if (!broken.isEmpty()) {
      return new PublishOutcome.Invalid("nodes", String.join("; ", broken));
    }
    PublishOutcome out =
        tx.execute(
            s -> {
              long version = current().map(Directory::version).orElse(0L) + 1;
              Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
              Directory d = new Directory(version, publicUrl, at, nodes);
              String jws = trustLists.signDocument(Directory.TYPE, DirectoryDocuments.toJson(d));
              if (!repository.insertDirectory(version, jws, at, at)) {
                throw new DuplicateKeyException("directory version " + version);
              }
              Map<String, Object> record = new LinkedHashMap<>();
              record.put("version", version);
              record.put("directory", jws);
              transparencyLog.record(
                  Commitment.publicRecord(
                      RECORD_TYPE, Long.toString(version), publicUrl, at, record));
              return new PublishOutcome.Published(d, jws);
            });
    if (out == null) {
      throw new IllegalStateException("no outcome");
    }
    return out;
  }

  /**
   * Fetches the directory from the secretariat's node and offers it to this node; logs and keeps
   * the one held when the fetch fails or the directory is refused.
   */
  public Optional<DirectoryDecision> fetch() {
    if (!properties.enabled() || properties.directoryBase().isEmpty()) {
      return Optional.empty();
    }
    String url = properties.directoryBase() + "/api/v1/federation/directory";
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url))
                  .timeout(properties.timeout())
                  .header("Accept", "application/jose")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() != 200) {
        log.warn("Fetching the directory from {} answered {}", url, response.statusCode());
        return Optional.empty();
      }
      DirectoryDecision decision = offer(response.body().strip());
      if (decision instanceof DirectoryDecision.Refused r) {
        log.warn("The directory from {} is refused ({}): {}", url, r.reason(), r.detail());
      }
      return Optional.of(decision);
    } catch (IOException | IllegalArgumentException e) {
      log.warn("Cannot fetch the directory from {}: {}", url, e.toString());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The secretariat's directory key: this node's own trust-list key when it publishes. */
  private byte[] directoryKey() {
    if (properties.publishDirectory()) {
      return trustLists.platformPublicKey();
    }
    try {
      return SignedDocuments.fromBase64url(properties.directoryKey().strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "kimberlite.federation.exchange.directory-key is not a base64url Ed25519 key", e);
    }
  }
}
