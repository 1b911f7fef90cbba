package org.kimberlite.governance;

import java.util.UUID;

/**
 * An organisation on a visit's team: a participant's authority or an observer; one leads the team.
 */
public record VisitTeamMember(UUID organisationId, String name, boolean lead) {}
