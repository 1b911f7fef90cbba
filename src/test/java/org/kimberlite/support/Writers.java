package org.kimberlite.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/** Load for crash tests: a thread that admits new participants until the server goes away. */
public final class Writers {
  private Writers() {}

  /** Country codes that are neither participants nor EU member states on this server. */
  public static List<String> unusedCountryCodes(Api api) {
    Set<String> taken = new TreeSet<>();
    for (JsonNode p : api.get("/api/v1/participants").json()) {
      taken.add(p.get("code").asString());
    }
    List<String> out = new ArrayList<>();
    for (String code : Locale.getISOCountries()) {
      if (!taken.contains(code) && api.get("/api/v1/countries/" + code).status() == 404) {
        out.add(code);
      }
    }
    return out;
  }

  /**
   * Starts a thread that admits a new participant per unused country code through {@code
   * secretariat}, adding each code to {@code acknowledged} once the server answered 201, and stops
   * at the first failure to connect.
   */
  public static Thread admitParticipants(Api secretariat, List<String> acknowledged) {
    List<String> codes = unusedCountryCodes(secretariat);
    return Thread.ofPlatform()
        .start(
            () -> {
              for (String code : codes) {
                try {
                  Api.Answer a =
                      secretariat.post(
                          "/api/v1/participants",
                          Map.of(
                              "code",
                              code,
                              "name",
                              "Crash test " + code,
                              "admittedOn",
                              "2026-01-01",
                              "reason",
                              "written before kill -9"));
                  if (a.status() == 201) {
                    acknowledged.add(code);
                  }
                } catch (RuntimeException connectionLost) {
                  return;
                }
              }
            });
  }
}
