package org.kimberlite.ledger;

import java.time.Instant;

/**
 * The latest checkpoint this log signed, with the witnesses' cosignature lines appended, and when
 * the log signed it (the checkpoint itself carries no time).
 *
 * @param note the signed note, cosignatures included
 * @param signedAt when this log signed it
 */
public record SignedCheckpoint(String note, Instant signedAt) {}
