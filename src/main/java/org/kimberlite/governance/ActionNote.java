package org.kimberlite.governance;

import java.time.Instant;

/** A note of progress on an action of a visit's plan. */
public record ActionNote(String note, Instant recordedAt, String recordedBy) {}
