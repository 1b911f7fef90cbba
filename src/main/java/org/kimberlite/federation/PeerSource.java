package org.kimberlite.federation;

/** Where this node learnt of a peer. */
public enum PeerSource {
  /** The signed federation directory this node goes by. */
  DIRECTORY,
  /** {@code kimberlite.federation.peers}: before the first directory, or a node outside it. */
  CONFIGURATION
}
