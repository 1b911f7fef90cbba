/**
 * Federation: Kimberlite nodes run by different operators that watch each other. For now, the
 * witness part: this node cosigns the checkpoints of its peers' logs (C2SP tlog-witness, {@code
 * POST /add-checkpoint}) once they prove they extend what it saw, keeps the evidence of a split
 * view, and submits its own checkpoints to its peers' witnesses. This package is the module's
 * public API; {@code internal} and {@code web} are its own. See docs/federation.md.
 */
@NullMarked
@ApplicationModule(
    displayName = "Federation",
    allowedDependencies = {"registry", "ledger", "shared", "shared::*", "platform", "platform::*"})
package org.kimberlite.federation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
