package org.kimberlite.governance;

import org.kimberlite.shared.ParticipantCode;

/** An action past its due date and not closed, with the visit and participant it belongs to. */
public record OverdueAction(ReviewVisitId visit, ParticipantCode participant, ActionItem action) {}
