package org.kimberlite.custody;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.CountryCode;
import org.kimberlite.shared.ParticipantCode;

/**
 * The provenance trace of goods under custody (docs/custody.md, "Provenance trace"): the goods
 * reached from them upstream (what they were made of, back to the mines) or downstream (what was
 * made from them), the material flow between them, and every event naming them as a hop with its
 * log proof.
 *
 * @param epc the goods asked about, in canonical form
 * @param nature what they are made of, as the chain of custody knows (null when not under the
 *     diamond profile)
 * @param origins the KP participants the goods come from: as the goods' state lists them, or when
 *     it says "mixed", the participants named where goods upstream entered the chain
 * @param mixedOrigin whether the goods' state gives their origin as mixed
 * @param certificates the KP certificates the hops name, in order of first appearance
 * @param truncated a limit of the walk cut it short: goods or events are missing
 */
public record ProvenanceTrace(
    String epc,
    @Nullable Nature nature,
    List<ParticipantCode> origins,
    boolean mixedOrigin,
    List<String> certificates,
    Direction direction,
    boolean truncated,
    Limits limits,
    List<Node> nodes,
    List<Edge> edges,
    List<Hop> hops) {

  public ProvenanceTrace {
    origins = List.copyOf(origins);
    certificates = List.copyOf(certificates);
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
    hops = List.copyOf(hops);
  }

  /** Which way a trace walks from the goods asked about. */
  public enum Direction {
    UPSTREAM,
    DOWNSTREAM,
    BOTH
  }

  /** The bounds a walk ran under. */
  public record Limits(int maxNodes, int maxEvents, int maxDepth) {}

  /**
   * Goods of the trace: a lot, parcel, stone or piece.
   *
   * @param kind rough, polished or jewellery, when known
   * @param depth edges between these goods and the goods asked about
   */
  public record Node(
      String id,
      @Nullable String kind,
      @Nullable Nature nature,
      @Nullable Carats carats,
      int depth) {}

  /** Goods {@code from} went into goods {@code to} through an event. */
  public record Edge(String from, String to, String eventHash, String kind) {}

  /** The organisation that captured an event (the holder at that step). */
  public record Holder(UUID id, String name, CountryCode country) {}

  /**
   * One event naming goods of the trace.
   *
   * @param step what happened, as a word: the CBV business step (commissioning, shipping,
   *     receiving, inspecting, retail_selling…) or the profile's (sorting, cutting, setting), else
   *     the kind of event
   * @param goods the goods of the trace it names
   * @param certificates KP certificates it names
   * @param invoice whether it carries an invoice
   * @param invoices the invoices it names: only on the caller's own events (others' stay theirs)
   * @param warranty whether it carries a System of Warranties statement
   * @param proof its transparency-log commitment, or null while the entry waits for the integrator
   */
  public record Hop(
      String eventID,
      String eventHash,
      String type,
      String step,
      @Nullable String bizStep,
      Instant time,
      Holder holder,
      List<String> goods,
      List<String> certificates,
      boolean invoice,
      List<String> invoices,
      boolean warranty,
      @Nullable LogProof proof) {
    public Hop {
      goods = List.copyOf(goods);
      certificates = List.copyOf(certificates);
      invoices = List.copyOf(invoices);
    }
  }

  /**
   * An event's {@code custody.event} commitment in the transparency log, enough to check offline.
   *
   * @param entry the public log entry, exactly (its UTF-8 bytes are the leaf): canonical JSON of
   *     {type, id, issuer, time, digest}, whose id is the event hash
   * @param leafHash RFC 6962 leaf hash of {@code entry}, base64
   * @param index the entry's index in the log, null until integrated
   * @param tlogProof a C2SP tlog-proof of the entry against a signed checkpoint, null until
   *     integrated
   * @param record the committed record, only for the organisation that captured the event
   * @param salt the digest's salt (base64), only for the organisation that captured the event
   */
  public record LogProof(
      UUID entryId,
      String entry,
      String leafHash,
      @Nullable Long index,
      @Nullable String tlogProof,
      @Nullable String record,
      @Nullable String salt) {}
}
