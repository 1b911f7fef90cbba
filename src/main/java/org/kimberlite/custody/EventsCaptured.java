package org.kimberlite.custody;

import java.time.Instant;
import java.util.UUID;

/**
 * A domain fact for due diligence: a capture job stored events (with the profile's flags on them,
 * if any). Published in the transaction that stored them; listeners read the flags through {@link
 * CustodyFindings#ofCapture}.
 */
public record EventsCaptured(UUID captureId, UUID organisationId, Instant at) {}
