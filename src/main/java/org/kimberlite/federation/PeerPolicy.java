package org.kimberlite.federation;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kimberlite.ledger.CosignatureVerifier;
import org.kimberlite.ledger.LogFormatException;
import org.kimberlite.ledger.NoteVerifier;
import org.kimberlite.shared.Policy;

/**
 * Which peers a node goes by (docs/federation.md#peers): every other node of the directory it holds
 * — whose log it witnesses, and whose witness it submits its own checkpoints to when the directory
 * lists that witness — and the peers of its configuration that the directory does not list (before
 * the first directory, or nodes outside the federation). Where the configuration names a node the
 * directory lists with other keys, that node is refused altogether (FED-10): neither its log
 * witnessed nor its witness asked, until the two agree. Pure.
 */
@Policy(rules = {"FED-10"})
public final class PeerPolicy {
  private PeerPolicy() {}

  /**
   * The configured peers ({@code kimberlite.federation.peers}), each read strictly.
   *
   * @throws IllegalStateException naming the peer whose key or URL cannot be read
   */
  public static List<FederationPeer> configured(List<FederationProperties.Peer> peers) {
    List<FederationPeer> out = new ArrayList<>();
    for (FederationProperties.Peer p : peers) {
      List<NoteVerifier> logKeys = new ArrayList<>();
      String origin = p.logOrigin();
      if (!p.vkey().isBlank()) {
        try {
          logKeys.add(NoteVerifier.parse(p.vkey().strip()));
        } catch (LogFormatException | IllegalArgumentException e) {
          throw new IllegalStateException(
              "kimberlite.federation.peers: the log key of "
                  + origin
                  + " is not a verifier key: "
                  + e.getMessage(),
              e);
        }
      }
      CosignatureVerifier witness = null;
      if (!p.witnessVkey().isBlank()) {
        try {
          witness = CosignatureVerifier.parse(p.witnessVkey().strip());
        } catch (LogFormatException | IllegalArgumentException e) {
          throw new IllegalStateException(
              "kimberlite.federation.peers: the witness key of "
                  + p.operator()
                  + " is not a cosignature verifier key: "
                  + e.getMessage(),
              e);
        }
      }
      String url = p.url().strip();
      if (!url.isEmpty()) {
        try {
          URI.create(url);
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException(
              "kimberlite.federation.peers: the URL of " + p.operator() + " is not a URL", e);
        }
      }
      String operator = p.operator().strip();
      out.add(
          new FederationPeer(
              PeerSource.CONFIGURATION,
              operator.isEmpty() ? origin : operator,
              operator,
              origin,
              logKeys,
              url,
              witness));
    }
    return out;
  }

  /**
   * The peers of the node {@code selfId}, given its configured peers and the directory it holds
   * (null before the first).
   */
  public static Peers merge(
      List<FederationPeer> configured, @Nullable Directory directory, String selfId) {
    if (directory == null) {
      return new Peers(configured, List.of());
    }
    List<FederationPeer> out = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    List<FederationPeer> rest = new ArrayList<>(configured);
    for (DirectoryNode n : directory.nodes()) {
      if (n.id().equals(selfId)) {
        continue;
      }
      FederationPeer listed = listed(n);
      if (listed == null) {
        refused.add("FED-10: node " + n.id() + " is refused: its keys cannot be read");
        continue;
      }
      List<FederationPeer> same = rest.stream().filter(c -> sameNode(c, listed)).toList();
      rest.removeAll(same);
      String disagreement = disagreement(listed, same);
      if (disagreement != null) {
        refused.add(
            "FED-10: node "
                + n.id()
                + " ("
                + n.logOrigin()
                + ") is refused: "
                + disagreement
                + "; this node neither witnesses its log nor submits to its witness until"
                + " kimberlite.federation.peers agrees with the directory or no longer names it");
        continue;
      }
      CosignatureVerifier witness = listed.witness();
      if (witness == null) {
        // The directory lists no witness for it (yet): the configured one stands.
        witness =
            same.stream()
                .map(FederationPeer::witness)
                .filter(w -> w != null)
                .findFirst()
                .orElse(null);
      }
      out.add(
          new FederationPeer(
              PeerSource.DIRECTORY,
              listed.name(),
              listed.operator(),
              listed.origin(),
              listed.logKeys(),
              listed.url(),
              witness));
    }
    out.addAll(rest);
    return new Peers(out, refused);
  }

  /** The peer a directory entry makes, or null when its keys cannot be read. */
  private static @Nullable FederationPeer listed(DirectoryNode n) {
    try {
      String w = n.witnessVkey();
      return new FederationPeer(
          PeerSource.DIRECTORY,
          n.id(),
          n.operator(),
          n.logOrigin(),
          List.of(NoteVerifier.parse(n.logVkey())),
          n.base(),
          w == null ? null : CosignatureVerifier.parse(w));
    } catch (LogFormatException | IllegalArgumentException e) {
      return null;
    }
  }

  /** Whether a configured peer names the node {@code listed}: its log, or its witness's name. */
  private static boolean sameNode(FederationPeer configured, FederationPeer listed) {
    if (!configured.origin().isEmpty() && configured.origin().equals(listed.origin())) {
      return true;
    }
    CosignatureVerifier a = configured.witness();
    CosignatureVerifier b = listed.witness();
    return a != null && b != null && a.name().equals(b.name());
  }

  /**
   * How the configured peers that name a listed node disagree with the directory, or null when they
   * do not: a log key, a witness key or a log origin other than the directory's.
   */
  private static @Nullable String disagreement(FederationPeer listed, List<FederationPeer> same) {
    Set<String> logKeys = new LinkedHashSet<>();
    Set<String> witnesses = new LinkedHashSet<>();
    for (FederationPeer c : same) {
      if (!c.origin().isEmpty() && !c.origin().equals(listed.origin())) {
        return "kimberlite.federation.peers names its witness for the log " + c.origin();
      }
      c.logKeys().forEach(k -> logKeys.add(k.vkey()));
      CosignatureVerifier w = c.witness();
      if (w != null) {
        witnesses.add(w.vkey());
      }
    }
    if (!logKeys.isEmpty() && !logKeys.contains(listed.logVkey())) {
      return "the directory names the log key "
          + listed.logVkey()
          + ", kimberlite.federation.peers "
          + String.join(" and ", logKeys);
    }
    CosignatureVerifier listedWitness = listed.witness();
    if (listedWitness != null
        && !witnesses.isEmpty()
        && !witnesses.contains(listedWitness.vkey())) {
      return "the directory names the witness key "
          + listedWitness.vkey()
          + ", kimberlite.federation.peers "
          + String.join(" and ", witnesses);
    }
    if (listedWitness == null && witnesses.size() > 1) {
      return "kimberlite.federation.peers names two witness keys "
          + String.join(" and ", witnesses);
    }
    return null;
  }
}
