package org.kimberlite.registry;

import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.ParticipantCode;

/**
 * A KP participant (a country, or the EU for all its member states) or an entity that meets the
 * minimum requirements without being a participant (Chinese Taipei).
 */
public record Participant(
    ParticipantCode code, String name, ParticipantKind kind, @Nullable String note) {}
