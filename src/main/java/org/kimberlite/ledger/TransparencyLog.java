package org.kimberlite.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kimberlite.ledger.internal.IntegrationSignal;
import org.kimberlite.ledger.internal.LedgerRepository;
import org.kimberlite.ledger.internal.LedgerRepository.StoredEntry;
import org.kimberlite.ledger.internal.LogKeys;
import org.kimberlite.ledger.internal.TileCache;
import org.kimberlite.shared.json.CanonicalJson;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transparency log as the other modules see it: commit a record in the same transaction as its
 * rows and get a receipt; later, get its entry and a C2SP tlog-proof.
 */
@Service
public class TransparencyLog {
  private static final java.util.regex.Pattern COMMA = java.util.regex.Pattern.compile(",");

  public static final String PUBLIC_AUDIENCE = "*";
  private static final int MAX_ENTRY = 65_535;

  private final LedgerRepository repository;
  private final IntegrationSignal signal;
  private final LogKeys keys;
  private final LedgerProperties properties;
  private final Clock clock;
  private final TileCache tiles;
  private final SecureRandom random = new SecureRandom();

  TransparencyLog(
      LedgerRepository repository,
      IntegrationSignal signal,
      LogKeys keys,
      LedgerProperties properties,
      Clock clock,
      TileCache tiles) {
    this.tiles = tiles;
    this.repository = repository;
    this.signal = signal;
    this.keys = keys;
    this.properties = properties;
    this.clock = clock;
  }

  public String origin() {
    return properties.origin();
  }

  public String verifierKey() {
    return keys.signer().vkey();
  }

  /**
   * Commits a record: stores the public entry (canonical envelope with a salted digest of the
   * record) and the private record and salt. Must run inside the caller's transaction, so that the
   * business rows and their entry commit together or not at all.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Receipt record(Commitment commitment) {
    return recordAll(List.of(commitment)).get(0);
  }

  /**
   * Commits many records at once (one batch of inserts), each with its own salt, in the caller's
   * transaction; the receipts are in the order of {@code commitments}.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<Receipt> recordAll(List<Commitment> commitments) {
    List<LedgerRepository.NewEntry> entries = new ArrayList<>(commitments.size());
    List<Receipt> receipts = new ArrayList<>(commitments.size());
    Instant created = clock.instant();
    for (Commitment commitment : commitments) {
      LedgerRepository.NewEntry entry = entry(commitment, created);
      entries.add(entry);
      receipts.add(new Receipt(entry.id(), entry.leafHash()));
    }
    if (entries.isEmpty()) {
      return receipts;
    }
    repository.insertAll(entries);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            signal.raise();
          }
        });
    return receipts;
  }

  private LedgerRepository.NewEntry entry(Commitment commitment, Instant created) {
    byte[] salt = new byte[32];
    random.nextBytes(salt);
    String recordJson = CanonicalJson.string(commitment.record());
    byte[] data = envelope(commitment, digest(salt, recordJson));
    if (data.length > MAX_ENTRY) {
      throw new IllegalArgumentException("A log entry must be at most 65535 bytes");
    }
    byte[] leaf = Rfc6962.leafHash(data);
    UUID id = UUID.randomUUID();
    String audience =
        commitment.publicRecord()
            ? PUBLIC_AUDIENCE
            : commitment.audience().stream()
                .map(UUID::toString)
                .sorted()
                .collect(Collectors.joining(","));
    return new LedgerRepository.NewEntry(
        id,
        commitment.type(),
        commitment.id(),
        commitment.issuer(),
        commitment.time(),
        data,
        leaf,
        salt,
        recordJson,
        audience,
        created);
  }

  /** The public entry: RFC 8785 canonical JSON of {type, id, issuer, time, digest}. */
  static byte[] envelope(Commitment c, String digest) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("type", c.type());
    envelope.put("id", c.id());
    envelope.put("issuer", c.issuer());
    envelope.put("time", c.time().truncatedTo(ChronoUnit.MILLIS).toString());
    envelope.put("digest", digest);
    return CanonicalJson.bytes(envelope);
  }

  /** {@code sha256:<hex>} of the salt followed by the canonical record's UTF-8 bytes. */
  public static String digest(byte[] salt, String canonicalRecord) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      sha.update(canonicalRecord.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * An entry as {@code viewer} may see it: the record and salt only when the record is public or
   * the viewer's organisation is in its audience.
   */
  @Transactional(readOnly = true)
  public Optional<LogEntry> entry(UUID id, @Nullable UUID viewer) {
    return repository.entry(id).map(e -> visible(e, viewer));
  }

  @Transactional(readOnly = true)
  public List<LogEntry> entriesOfRecord(String type, String recordId, @Nullable UUID viewer) {
    List<LogEntry> out = new ArrayList<>();
    for (StoredEntry e : repository.entriesOfRecord(type, recordId)) {
      out.add(visible(e, viewer));
    }
    return out;
  }

  private static LogEntry visible(StoredEntry e, @Nullable UUID viewer) {
    boolean allowed =
        e.audience().equals(PUBLIC_AUDIENCE)
            || (viewer != null && List.of(COMMA.split(e.audience())).contains(viewer.toString()));
    LogEntry entry = e.entry();
    return allowed
        ? entry
        : new LogEntry(
            entry.entryId(),
            entry.type(),
            entry.recordId(),
            entry.issuer(),
            entry.time(),
            entry.data(),
            entry.leafHash(),
            entry.index(),
            null,
            null);
  }

  /**
   * The entry's index once the integrator has placed it: completes with the index as soon as a
   * round of this node's integrator includes it, or empty when {@code timeout} passes first. No
   * thread waits meanwhile.
   */
  public CompletableFuture<Optional<Long>> whenIntegrated(UUID entryId, Duration timeout) {
    CompletableFuture<Optional<Long>> result = new CompletableFuture<>();
    Runnable check =
        () ->
            repository
                .entry(entryId)
                .map(e -> e.entry().index())
                .ifPresent(i -> result.complete(Optional.of(i)));
    signal.onIntegrated(check);
    result.whenComplete((r, e) -> signal.removeOnIntegrated(check));
    check.run();
    result.completeOnTimeout(Optional.empty(), timeout.toMillis(), TimeUnit.MILLISECONDS);
    return result;
  }

  /** The latest signed checkpoint with the witnesses' cosignatures appended. */
  @Transactional(readOnly = true)
  public Optional<String> checkpoint() {
    return signedCheckpoint().map(SignedCheckpoint::note);
  }

  /** As {@link #checkpoint()}, with the time this log signed it. */
  @Transactional(readOnly = true)
  public Optional<SignedCheckpoint> signedCheckpoint() {
    return repository
        .latestCheckpoint()
        .map(
            c -> {
              StringBuilder note = new StringBuilder(c.note());
              repository.cosignatureLines(c.size()).forEach(line -> note.append(line).append('\n'));
              return new SignedCheckpoint(note.toString(), c.createdAt());
            });
  }

  /**
   * A C2SP tlog-proof for an integrated entry against the latest checkpoint, or empty while the
   * entry waits for the integrator.
   */
  @Transactional(readOnly = true)
  public Optional<TlogProof> proof(UUID entryId) {
    StoredEntry entry =
        repository.entry(entryId).orElseThrow(() -> new UnknownEntryException(entryId));
    Long index = entry.entry().index();
    return index == null
        ? Optional.empty()
        : Optional.ofNullable(proofs(Map.of(entryId, index)).get(entryId));
  }

  /**
   * C2SP tlog-proofs for integrated entries (by entry id, with their indexes) against the latest
   * checkpoint, reading the checkpoint and every hash of every path at once; entries beyond the
   * checkpoint are left out.
   */
  @Transactional(readOnly = true)
  public Map<UUID, TlogProof> proofs(Map<UUID, Long> indexes) {
    var checkpoint = repository.latestCheckpoint();
    Map<UUID, TlogProof> out = new HashMap<>();
    if (checkpoint.isEmpty() || indexes.isEmpty()) {
      return out;
    }
    long size = checkpoint.get().size();
    // The paths' coordinates do not depend on the hashes: note them, read them at once, then build.
    Map<Integer, Set<Long>> wanted = new HashMap<>();
    byte[] none = new byte[32];
    for (long index : indexes.values()) {
      if (index < size) {
        TreeMath.inclusionProof(
            index,
            size,
            (level, at) -> {
              wanted.computeIfAbsent(level, l -> new HashSet<>()).add(at);
              return none;
            });
      }
    }
    Map<String, byte[]> hashes = repository.nodesAt(wanted);
    StringBuilder note = new StringBuilder(checkpoint.get().note());
    repository.cosignatureLines(size).forEach(l -> note.append(l).append('\n'));
    HashReader stored =
        (level, at) -> {
          byte[] hash = hashes.get(level + ":" + at);
          if (hash == null) {
            throw new IllegalStateException("No stored hash at level " + level + " index " + at);
          }
          return hash;
        };
    indexes.forEach(
        (id, index) -> {
          if (index < size) {
            out.put(
                id,
                new TlogProof(
                    null, index, TreeMath.inclusionProof(index, size, stored), note.toString()));
          }
        });
    return out;
  }

  /** The stored hash of a complete subtree, for proofs and tiles. */
  public byte[] node(int level, long index) {
    byte[] hash = repository.node(level, index);
    if (hash == null) {
      throw new IllegalStateException("No stored hash at level " + level + " index " + index);
    }
    return hash;
  }

  /**
   * The body of a tile (C2SP tlog-tiles: a hash tile, or an entry bundle) of the latest signed
   * checkpoint's tree, or empty when that tree has no such tile. Tiles once read are kept in
   * memory: their bytes never change.
   */
  @Transactional(readOnly = true)
  public Optional<byte[]> tile(TilePath tile) {
    byte[] kept = tiles.get(tile.path());
    if (kept != null) {
      return Optional.of(kept);
    }
    if (!Tiles.exists(tile, signedSize())) {
      return Optional.empty();
    }
    byte[] body;
    if (tile.entries()) {
      List<byte[]> entries = repository.entryData(tile.index() * Tiles.WIDTH, tile.width());
      if (entries.size() != tile.width()) {
        return Optional.empty();
      }
      body = Tiles.entryBundle(entries);
    } else {
      List<byte[]> hashes =
          repository.nodes(tile.level() * Tiles.HEIGHT, tile.index() * Tiles.WIDTH, tile.width());
      if (hashes.size() != tile.width()) {
        return Optional.empty();
      }
      body = new byte[hashes.size() * 32];
      for (int i = 0; i < hashes.size(); i++) {
        System.arraycopy(hashes.get(i), 0, body, i * 32, 32);
      }
    }
    tiles.put(tile.path(), body);
    return Optional.of(body);
  }

  /** The size of the latest signed checkpoint (0 before the first). */
  @Transactional(readOnly = true)
  public long signedSize() {
    return repository.latestCheckpoint().map(LedgerRepository.StoredCheckpoint::size).orElse(0L);
  }

  /** Entries not yet integrated. */
  @Transactional(readOnly = true)
  public long pending() {
    return repository.pendingCount();
  }

  /** The current time as the ledger sees it. */
  public Instant now() {
    return clock.instant();
  }

  /** Raised when an entry id is not known to this log. */
  public static final class UnknownEntryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownEntryException(UUID id) {
      super("No log entry " + id);
    }
  }
}
