/**
 * Federation: Kimberlite nodes run by different operators (KP authorities, the secretariat,
 * industry bodies), each with its own database, keys and log, that watch each other and exchange
 * certificates. The witness part: this node cosigns the checkpoints of its peers' logs (C2SP
 * tlog-witness, {@code POST /add-checkpoint}) once they prove they extend what it saw, keeps the
 * evidence of a split view, and submits its own checkpoints to its peers' witnesses. The exchange
 * part: the directory of nodes that the secretariat's node signs and every node verifies, this
 * node's transport key, and the exchange of certificates between nodes (an outbox of deliveries
 * signed with RFC 9421 HTTP message signatures, verified and kept as incoming by the importing
 * node). Statistics across nodes: each node's signed, logged statistics documents, fetched and
 * verified by the secretariat's node, which assembles the global figures from them. This package is
 * the module's public API; {@code internal} and {@code web} are its own. See docs/federation.md.
 */
@NullMarked
@ApplicationModule(
    displayName = "Federation",
    allowedDependencies = {
      "certification",
      "registry",
      "ledger",
      "statistics",
      "shared",
      "shared::*",
      "platform",
      "platform::*"
    })
package org.kimberlite.federation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
