package org.kimberlite.diligence.internal.policies;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.kimberlite.diligence.Evidence;
import org.kimberlite.diligence.RiskEntry;

/** Evidence links to the application's own resources. */
public final class Links {
  private Links() {}

  public static Evidence certificate(String number) {
    return new Evidence(
        "certificate", number, "KP certificate " + number, "/api/v1/certificates/" + enc(number));
  }

  public static Evidence event(String hashId, String eventId) {
    return new Evidence("event", hashId, "EPCIS event " + eventId, "/epcis/events/" + enc(eventId));
  }

  public static Evidence organisation(UUID id, String name) {
    return new Evidence("organisation", id.toString(), name, "/api/v1/organisations/" + id);
  }

  public static Evidence statistics(String participant, String period, String label) {
    String year = period.length() >= 4 ? period.substring(0, 4) : period;
    return new Evidence(
        "statistics",
        participant + "/" + period,
        label,
        "/api/v1/statistics/participants/" + enc(participant) + "?from=" + year + "&to=" + year);
  }

  /** The warranty reconciliation of an organisation over [from, to]. */
  public static Evidence reconciliation(
      UUID organisation, java.time.LocalDate from, java.time.LocalDate to, String label) {
    return new Evidence(
        "reconciliation",
        organisation + "/" + from + "/" + to,
        label,
        "/api/v1/reconciliation?organisation=" + organisation + "&from=" + from + "&to=" + to);
  }

  public static Evidence risk(RiskEntry e) {
    return new Evidence(
        "risk-entry",
        e.id().toString(),
        e.list() + " " + e.subject() + " since " + e.validFrom() + " (" + e.source() + ")",
        e.href());
  }

  public static Evidence logEntry(UUID entry, String label) {
    return new Evidence(
        "log-entry", entry.toString(), label, "/api/v1/log/entries/" + entry + "/proof");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
