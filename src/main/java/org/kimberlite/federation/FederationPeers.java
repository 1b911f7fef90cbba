package org.kimberlite.federation;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The peers this node goes by now ({@link PeerPolicy}): its configured peers, read once at start (a
 * key that cannot be read stops the start), merged with the directory it holds, again each time it
 * holds a newer one. So the witness and the submissions follow the directory without a restart. A
 * change of the peers is logged, and each peer refused is logged at ERROR once per directory.
 */
@Service
public class FederationPeers {
  private static final Logger log = LoggerFactory.getLogger(FederationPeers.class);

  private final List<FederationPeer> configured;
  private final Directories directories;
  private final String selfId;
  private volatile @Nullable Held held;

  private record Held(long version, Peers peers) {}

  FederationPeers(
      FederationProperties properties, ExchangeProperties exchange, Directories directories) {
    this.configured = PeerPolicy.configured(properties.peers());
    this.directories = directories;
    this.selfId = exchange.nodeId().strip();
  }

  /** The peers now. */
  public Peers current() {
    Directory directory = directories.current().orElse(null);
    long version = directory == null ? 0 : directory.version();
    Held h = held;
    if (h != null && h.version() == version) {
      return h.peers();
    }
    Peers peers = PeerPolicy.merge(configured, directory, selfId);
    held = new Held(version, peers);
    log.info(
        "Peers{}: witnessing {}; submitting to {}",
        directory == null ? " (no directory yet)" : " by directory version " + version,
        peers.witnessed().stream().map(p -> p.name() + " (" + p.origin() + ")").toList(),
        peers.targets().stream().map(p -> p.name() + " (" + p.url() + ")").toList());
    peers.refused().forEach(r -> log.error("{}", r));
    return peers;
  }
}
