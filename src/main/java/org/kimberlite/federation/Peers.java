package org.kimberlite.federation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kimberlite.ledger.CosignatureVerifier;
import org.kimberlite.ledger.NoteSignature;
import org.kimberlite.ledger.NoteVerifier;

/**
 * The peers this node goes by, from the directory and its configuration ({@link PeerPolicy}), and
 * the peers it refuses because the two disagree.
 *
 * @param peers the peers, the directory's first
 * @param refused why each refused peer is refused (FED-10), for the log and the node's pages
 */
public record Peers(List<FederationPeer> peers, List<String> refused) {
  public static final Peers NONE = new Peers(List.of(), List.of());

  public Peers {
    peers = List.copyOf(peers);
    refused = List.copyOf(refused);
  }

  /** The verifier keys this node trusts for the log {@code origin}; empty when not witnessed. */
  public List<NoteVerifier> logKeys(String origin) {
    List<NoteVerifier> keys = new ArrayList<>();
    for (FederationPeer p : peers) {
      if (p.witnessed() && p.origin().equals(origin)) {
        p.logKeys().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
      }
    }
    return keys;
  }

  /** The peers whose logs this node witnesses, one per origin. */
  public List<FederationPeer> witnessed() {
    List<FederationPeer> out = new ArrayList<>();
    for (FederationPeer p : peers) {
      if (p.witnessed() && out.stream().noneMatch(o -> o.origin().equals(p.origin()))) {
        out.add(p);
      }
    }
    return out;
  }

  /** The peers whose witnesses this node submits its checkpoints to. */
  public List<FederationPeer> targets() {
    return peers.stream().filter(FederationPeer::submittedTo).toList();
  }

  /** The peer whose witness made {@code cosignature} (by name and key ID), if any. */
  public Optional<FederationPeer> witnessOf(NoteSignature cosignature) {
    return peers.stream()
        .filter(
            p -> {
              CosignatureVerifier w = p.witness();
              return w != null
                  && w.name().equals(cosignature.name())
                  && w.keyId() == cosignature.keyId();
            })
        .findFirst();
  }
}
