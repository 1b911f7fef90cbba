package org.kimberlite.governance.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.governance.AppliedOrder;
import org.kimberlite.governance.Decision;
import org.kimberlite.governance.DecisionOrder;
import org.kimberlite.ledger.Commitment;
import org.kimberlite.ledger.CommittedRecords;
import org.springframework.stereotype.Component;

/**
 * Decisions in the transparency log: each is committed, public, when it is recorded, with the
 * registry records its orders became; the audit recomputes them from the tables.
 */
@Component
public class DecisionRecords implements CommittedRecords {
  public static final String DECISION = "governance.decision";

  private final DecisionRepository repository;

  DecisionRecords(DecisionRepository repository) {
    this.repository = repository;
  }

  /** The committed shape of a decision. */
  public static Map<String, @Nullable Object> committed(Decision d) {
    Map<String, @Nullable Object> r = new LinkedHashMap<>();
    r.put("id", d.id().toString());
    r.put("number", d.number().value());
    r.put("title", d.title());
    r.put("body", d.body().name());
    r.put("adoptedOn", d.adoptedOn().toString());
    r.put("effectiveOn", d.effectiveOn().toString());
    r.put("precision", d.precision().name());
    r.put("text", d.text());
    r.put("participants", d.concerned().stream().map(p -> p.code()).sorted().toList());
    List<Map<String, Object>> orders = new ArrayList<>();
    for (AppliedOrder a : d.orders()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("participant", a.order().participant().code());
      switch (a.order()) {
        case DecisionOrder.StatusOrder s -> o.put("change", s.change().name());
        case DecisionOrder.ZoneDeclaration z -> o.put("zone", z.zone());
      }
      o.put("registryRecord", a.registryRecord());
      orders.add(o);
    }
    r.put("orders", orders);
    r.put("recommendation", d.recommendation() == null ? null : d.recommendation().toString());
    r.put("source", d.source());
    r.put("recordedAt", d.recordedAt().toString());
    r.put("recordedBy", d.recordedBy());
    return r;
  }

  public static Commitment commitment(Decision d, String issuer) {
    return Commitment.publicRecord(
        DECISION, d.id().toString(), issuer, d.recordedAt(), committed(d));
  }

  @Override
  public Set<String> types() {
    return Set.of(DECISION);
  }

  @Override
  public Optional<Map<String, ?>> current(String type, String recordId) {
    Optional<UUID> id = CommittedRecords.uuid(recordId);
    if (!type.equals(DECISION) || id.isEmpty()) {
      return Optional.empty();
    }
    return repository.find(id.get()).map(DecisionRecords::committed);
  }

  @Override
  public List<String> ids(String type) {
    return type.equals(DECISION)
        ? repository.ids().stream().map(UUID::toString).toList()
        : List.of();
  }
}
