package org.kimberlite.registry;

/** A participant and where it stands on the day asked about. */
public record ParticipantSummary(Participant participant, Standing standing) {}
