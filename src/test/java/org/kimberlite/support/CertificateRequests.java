package org.kimberlite.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kimberlite.support.Actors.Actor;

/** Certificate bodies for tests of the rules certificates follow (decisions, monitoring). */
public final class CertificateRequests {
  private CertificateRequests() {}

  /**
   * An export to the EU of one origin ({@code zone} its compliant zone, if any) of 120.40 carats
   * worth USD 18,060.00, issued on {@code issuedOn} and valid for {@code validDays}.
   */
  public static Map<String, Object> toEu(
      Actor exporter,
      Actor importer,
      String origin,
      @Nullable String zone,
      LocalDate issuedOn,
      int validDays) {
    Map<String, Object> body = new HashMap<>();
    body.put("exporter", exporter.id().toString());
    body.put("importer", importer.id().toString());
    body.put("importingParticipant", "EU");
    Map<String, Object> o = new HashMap<>();
    o.put("kind", "single");
    o.put("countries", List.of(origin));
    if (zone != null) {
      o.put("zone", zone);
    }
    body.put("origin", o);
    body.put(
        "lines", List.of(Map.of("hsCode", "7102.31", "carats", "120.40", "valueUsd", "18060.00")));
    body.put("parcels", 1);
    body.put("sealId", "SEAL-" + System.nanoTime() % 1_000_000);
    body.put("issuedOn", issuedOn.toString());
    body.put("expiresOn", issuedOn.plusDays(validDays).toString());
    return body;
  }
}
