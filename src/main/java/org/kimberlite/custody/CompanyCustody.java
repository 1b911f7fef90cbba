package org.kimberlite.custody;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.custody.internal.CompanyRecordsRepository;
import org.kimberlite.custody.internal.EpcisDocuments;
import org.kimberlite.registry.Caller;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.ParticipantCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * A company's own custody records, for its console: the goods it holds under the diamond profile
 * (inventory by lot) and the invoices it issued with their warranty statements. Every read is
 * scoped by the caller's organisation in the repository.
 */
@Service
public class CompanyCustody {
  /** Most goods listed. */
  public static final int MAX_HELD = 500;

  /** Most events with business transactions read for the invoices. */
  public static final int MAX_INVOICE_EVENTS = 500;

  private static final String PROFILE = "https://kimberlite.org/epcis/profile/";
  private static final Set<String> INVOICE_TYPES =
      Set.of("inv", "urn:epcglobal:cbv:btt:inv", "https://ref.gs1.org/cbv/BTT-inv");
  private static final Set<String> KP_TYPES =
      Set.of(PROFILE + "kp-certificate", "kimberlite:kp-certificate");
  private static final String KP_URN = "urn:kimberlite:kp-certificate:";
  private static final String ORGANISATION_URN = "urn:kimberlite:org:";

  private final CompanyRecordsRepository repository;

  public CompanyCustody(CompanyRecordsRepository repository) {
    this.repository = repository;
  }

  /**
   * A lot, parcel, stone or piece the caller's organisation holds.
   *
   * @param kind rough, polished or jewellery; null when never declared
   * @param origins the KP participants of origin; empty when mixed
   * @param shippedTo the organisation a shipment is addressed to, until it records receiving
   * @param used a later event used the goods as an input or packed them into a parent
   * @param lastBizStep the business step (web URI) of the event that last changed them
   */
  public record HeldGoods(
      String epc,
      @Nullable String kind,
      @Nullable Nature nature,
      boolean treated,
      List<ParticipantCode> origins,
      @Nullable Carats carats,
      boolean warranted,
      @Nullable UUID shippedTo,
      boolean used,
      Instant lastEventTime,
      @Nullable String lastBizStep) {
    public HeldGoods {
      origins = List.copyOf(origins);
    }
  }

  /**
   * An invoice the caller's organisation recorded on an event (a business transaction of CBV type
   * {@code inv}).
   *
   * @param invoices the invoice identifiers on the event
   * @param goods what the event names (EPCs and classes, as written)
   * @param warranty the warranty statement printed on the invoice, if any
   * @param kpCertificates KP certificate numbers the event references
   * @param soldTo the owning party the goods were shipped to, when named
   */
  public record Invoice(
      String eventId,
      String hashId,
      Instant eventTime,
      @Nullable String bizStep,
      List<String> invoices,
      List<String> goods,
      @Nullable String warranty,
      @Nullable String description,
      List<String> kpCertificates,
      @Nullable UUID soldTo) {
    public Invoice {
      invoices = List.copyOf(invoices);
      goods = List.copyOf(goods);
      kpCertificates = List.copyOf(kpCertificates);
    }
  }

  /** The goods the caller's organisation holds; with {@code includeUsed}, also those used since. */
  @Transactional(readOnly = true)
  public List<HeldGoods> inventory(Caller caller, boolean includeUsed) {
    List<HeldGoods> out = new ArrayList<>();
    for (CompanyRecordsRepository.HeldRow r : repository.held(caller.organisationId(), MAX_HELD)) {
      if (r.used() && !includeUsed) {
        continue;
      }
      out.add(
          new HeldGoods(
              r.epc(),
              r.kind() == null ? null : r.kind().toLowerCase(java.util.Locale.ROOT),
              r.nature() == null ? null : Nature.valueOf(r.nature()),
              r.treated(),
              origins(r.origins()),
              r.carats() == null ? null : Carats.of(r.carats()),
              r.warranted(),
              r.pendingTo(),
              r.used(),
              r.lastEventTime(),
              r.lastBizStep()));
    }
    return out;
  }

  private static List<ParticipantCode> origins(String stored) {
    if (stored.isBlank() || stored.equals("mixed")) {
      return List.of();
    }
    List<ParticipantCode> out = new ArrayList<>();
    int start = 0;
    while (start <= stored.length()) {
      int comma = stored.indexOf(',', start);
      int end = comma < 0 ? stored.length() : comma;
      out.add(ParticipantCode.of(stored.substring(start, end)));
      start = end + 1;
    }
    return out;
  }

  /** The invoices on the events the caller's organisation captured, newest first. */
  @Transactional(readOnly = true)
  public List<Invoice> invoices(Caller caller) {
    List<Invoice> out = new ArrayList<>();
    for (CompanyRecordsRepository.TransactionRow r :
        repository.withTransactions(caller.organisationId(), MAX_INVOICE_EVENTS)) {
      JsonNode e = EpcisDocuments.mapper().readTree(r.json());
      List<String> invoices = new ArrayList<>();
      List<String> kp = new ArrayList<>();
      for (JsonNode t : e.path("bizTransactionList")) {
        String type = t.path("type").asString("");
        String id = t.path("bizTransaction").asString("");
        if (INVOICE_TYPES.contains(type)) {
          invoices.add(id);
        } else if (KP_TYPES.contains(type) && id.startsWith(KP_URN)) {
          kp.add(id.substring(KP_URN.length()));
        }
      }
      if (invoices.isEmpty()) {
        continue;
      }
      List<String> goods = new ArrayList<>();
      e.path("epcList").forEach(x -> goods.add(x.asString("")));
      for (JsonNode q : e.path("quantityList")) {
        goods.add(
            q.path("epcClass").asString("")
                + " ("
                + q.path("quantity").asString("")
                + " "
                + q.path("uom").asString("")
                + ")");
      }
      UUID soldTo = null;
      for (JsonNode d : e.path("destinationList")) {
        String id = d.path("destination").asString("");
        if (d.path("type").asString("").endsWith("owning_party")
            && id.startsWith(ORGANISATION_URN)) {
          try {
            soldTo = UUID.fromString(id.substring(ORGANISATION_URN.length()));
          } catch (IllegalArgumentException ignored) {
            soldTo = null;
          }
        }
      }
      out.add(
          new Invoice(
              r.eventId(),
              r.hashId(),
              r.eventTime(),
              text(e, "bizStep"),
              invoices,
              goods,
              text(e, "kimberlite:warranty"),
              text(e, "kimberlite:description"),
              kp,
              soldTo));
    }
    return out;
  }

  private static @Nullable String text(JsonNode e, String member) {
    JsonNode n = e.get(member);
    return n == null || !n.isString() ? null : n.asString();
  }
}
