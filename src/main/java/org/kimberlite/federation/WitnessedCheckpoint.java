package org.kimberlite.federation;

import java.time.Instant;
import org.kimberlite.ledger.Checkpoint;

/**
 * The latest checkpoint of a peer's log that this witness cosigned.
 *
 * @param checkpoint its origin, size and root hash
 * @param note the signed note as the peer presented it
 * @param cosignedAt when this witness cosigned it
 */
public record WitnessedCheckpoint(Checkpoint checkpoint, String note, Instant cosignedAt) {}
