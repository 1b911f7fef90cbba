package org.kimberlite.custody.internal.reconciliation;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.UsdAmount;

/**
 * One identifier moved into or out of an organisation's stock by one stored event.
 *
 * @param warranted received or produced with a warranty (in); shipped with one, or warranted goods
 *     leaving (out)
 * @param carats the weight the event gives, else the weight on record; null when neither is known
 * @param usd the event's invoice amount, on one movement of the event only
 */
public record Movement(
    UUID organisation,
    String hashId,
    String epc,
    MovementKind kind,
    boolean warranted,
    @Nullable Carats carats,
    @Nullable UsdAmount usd,
    Instant eventTime) {}
