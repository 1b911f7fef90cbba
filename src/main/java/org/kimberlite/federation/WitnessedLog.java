package org.kimberlite.federation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A peer log this node witnesses, and how far: public facts.
 *
 * @param operator who runs the log
 * @param origin its checkpoint origin
 * @param vkey its verifier key
 * @param cosignedSize the size of the checkpoint cosigned last, 0 before the first
 * @param cosignedAt when, or null before the first
 */
public record WitnessedLog(
    String operator, String origin, String vkey, long cosignedSize, @Nullable Instant cosignedAt) {}
