package org.kimberlite.registry;

import java.util.List;
import java.util.Map;
import org.kimberlite.shared.CountryCode;

/** A participant with its standing today, its full status history and its member states. */
public record ParticipantDetail(
    Participant participant,
    Standing current,
    List<StatusChange> history,
    List<CompliantZone> compliantZones,
    Map<CountryCode, String> memberStates) {}
