package org.kimberlite.federation;

import java.time.Instant;
import java.util.UUID;

/**
 * Evidence that a peer's log showed this witness two views it cannot reconcile: the checkpoint it
 * had cosigned and the one presented afterwards, both as the log signed them. Anyone holding the
 * log's verifier key can check both signatures and see the contradiction.
 *
 * @param cosignedNote the signed checkpoint this witness had cosigned last
 * @param presentedNote the signed checkpoint presented afterwards, never cosigned
 */
public record SplitView(
    UUID id,
    String origin,
    SplitViewKind kind,
    String reason,
    long cosignedSize,
    String cosignedNote,
    long presentedSize,
    String presentedNote,
    Instant detectedAt) {}
