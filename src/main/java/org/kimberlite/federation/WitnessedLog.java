package org.kimberlite.federation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A peer log this node witnesses, and how far: public facts.
 *
 * @param name the node's id in the directory, or the configured peer's name
 * @param operator who runs the log
 * @param source where this node learnt of it
 * @param origin its checkpoint origin
 * @param vkey its verifier key
 * @param cosignedSize the size of the checkpoint cosigned last, 0 before the first
 * @param cosignedAt when, or null before the first
 */
public record WitnessedLog(
    String name,
    String operator,
    PeerSource source,
    String origin,
    String vkey,
    long cosignedSize,
    @Nullable Instant cosignedAt) {}
