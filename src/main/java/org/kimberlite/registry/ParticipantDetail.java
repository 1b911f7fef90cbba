package org.kimberlite.registry;

import java.util.List;
import java.util.Map;

/** A participant with its standing today, its full status history and its member states. */
public record ParticipantDetail(
    Participant participant,
    Standing current,
    List<StatusChange> history,
    List<CompliantZone> compliantZones,
    Map<String, String> memberStates) {}
