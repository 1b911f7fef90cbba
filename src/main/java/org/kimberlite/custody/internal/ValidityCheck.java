package org.kimberlite.custody.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kimberlite.custody.CaptureBatch;
import org.kimberlite.custody.CustodyState;
import org.kimberlite.custody.EventChecks;
import org.kimberlite.custody.Finding;
import org.kimberlite.custody.ParsedEvent;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * CUS-01, the part the JSON Schema cannot say: a member an event adds to EPCIS (an extension at the
 * top of the event, or any member of {@code ilmd}) is named in a namespace — a compact IRI whose
 * prefix the document's or the event's {@code @context} declares, or a full IRI. A bare name would
 * mean nothing once the event is read as JSON-LD.
 */
@Component
@Order(100)
public class ValidityCheck implements EventChecks {
  public static final String RULE = "CUS-01";

  /** Top-level members EPCIS defines for some event type (the schema checks which type). */
  private static final Set<String> EPCIS_MEMBERS =
      Set.of(
          "@context",
          "type",
          "eventTime",
          "recordTime",
          "eventTimeZoneOffset",
          "eventID",
          "certificationInfo",
          "errorDeclaration",
          "action",
          "epcList",
          "quantityList",
          "bizStep",
          "disposition",
          "persistentDisposition",
          "readPoint",
          "bizLocation",
          "bizTransactionList",
          "sourceList",
          "destinationList",
          "sensorElementList",
          "ilmd",
          "parentID",
          "childEPCs",
          "childQuantityList",
          "inputEPCList",
          "inputQuantityList",
          "outputEPCList",
          "outputQuantityList",
          "transformationID");

  @Override
  public List<Finding> check(CaptureBatch batch, CustodyState state) {
    List<Finding> out = new ArrayList<>();
    for (ParsedEvent event : batch.events()) {
      Set<String> prefixes = new HashSet<>(batch.prefixes());
      prefixes.addAll(CbvVocabulary.bundled().contextPrefixes());
      prefixes.addAll(EpcisDocuments.prefixes(event.json().get("@context")));
      for (String member : event.json().propertyNames()) {
        if (!EPCIS_MEMBERS.contains(member) && !namespaced(member, prefixes)) {
          out.add(
              Finding.refuse(
                  event.index(),
                  RULE,
                  "/" + escape(member),
                  "an extension member is named with a prefix the @context declares, or a"
                      + " full IRI"));
        }
      }
      JsonNode ilmd = event.json().get("ilmd");
      if (ilmd != null && ilmd.isObject()) {
        for (String member : ilmd.propertyNames()) {
          if (!namespaced(member, prefixes)) {
            out.add(
                Finding.refuse(
                    event.index(),
                    RULE,
                    "/ilmd/" + escape(member),
                    "a member of ilmd is named with a prefix the @context declares, or a full"
                        + " IRI"));
          }
        }
      }
    }
    return out;
  }

  static boolean namespaced(String member, Set<String> prefixes) {
    int colon = member.indexOf(':');
    if (colon <= 0) {
      return false;
    }
    String prefix = member.substring(0, colon);
    return prefixes.contains(prefix)
        || member.startsWith("http://")
        || member.startsWith("https://")
        || member.startsWith("urn:");
  }

  private static String escape(String member) {
    return member.replace("~", "~0").replace("/", "~1");
  }
}
