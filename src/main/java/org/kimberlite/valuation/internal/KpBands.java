package org.kimberlite.valuation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.kimberlite.certification.KpValueBands;
import org.kimberlite.shared.CountryCode;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.valuation.Band;
import org.kimberlite.valuation.CheckingValues;
import org.kimberlite.valuation.ValueClaim;
import org.springframework.stereotype.Component;

/**
 * Valuation's bands behind certification's KP-11 seam, so that the flag an issue stores and the
 * finding due diligence raises judge a value by the same band. A band is drawn from complete years
 * of KP figures, which change rarely, and an issue must not pay for drawing it each time: bands are
 * kept {@link #KEEP} per origin, flow, exporter and day (at most {@link #MAX_KEPT} of them). The
 * absence of a band is not kept.
 */
@Component
class KpBands implements KpValueBands {
  /** How long a drawn band is used before it is drawn again. */
  static final Duration KEEP = Duration.ofMinutes(10);

  /** Most bands kept; beyond, all are dropped and drawn again. */
  static final int MAX_KEPT = 10_000;

  private record Key(
      List<CountryCode> origins, boolean mixed, ParticipantCode exporter, LocalDate on) {}

  private record Kept(Optional<ValueBand> band, Instant until) {}

  private final CheckingValues checking;
  private final Clock clock;
  private final Map<Key, Kept> kept = new ConcurrentHashMap<>();

  KpBands(CheckingValues checking, Clock clock) {
    this.checking = checking;
    this.clock = clock;
  }

  @Override
  public Optional<ValueBand> band(
      List<CountryCode> origins, boolean mixed, ParticipantCode exporter, LocalDate on) {
    Key key = new Key(List.copyOf(origins), mixed, exporter, on);
    Instant now = clock.instant();
    Kept k = kept.get(key);
    if (k != null && now.isBefore(k.until())) {
      return k.band();
    }
    ValueClaim claim = new ValueClaim(origins, mixed, exporter, on, List.of());
    Optional<ValueBand> band =
        checking.band(claim.singleOrigin(), claim.flow(), claim.exporter(), claim.on())
                instanceof Band b
            ? Optional.of(new ValueBand(b.low(), b.high(), b.explanation()))
            : Optional.empty();
    if (band.isPresent()) { // no band yet: asked again, so figures imported meanwhile count at once
      if (kept.size() >= MAX_KEPT) {
        kept.clear();
      }
      kept.put(key, new Kept(band, now.plus(KEEP)));
    }
    return band;
  }
}
