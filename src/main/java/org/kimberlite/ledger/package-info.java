/** The transparency log: RFC 6962 Merkle tree, C2SP tlog-tiles, checkpoints, proofs. */
@NullMarked
@ApplicationModule(
    displayName = "Ledger",
    allowedDependencies = {"shared", "shared::*", "platform", "platform::*"})
package org.kimberlite.ledger;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
