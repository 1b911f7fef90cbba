package org.kimberlite.valuation.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kimberlite.ledger.Commitment;
import org.kimberlite.ledger.CommittedRecords;
import org.kimberlite.valuation.PriceBook;
import org.kimberlite.valuation.PriceBookName;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Price-book versions in the transparency log: each upload commits a public record (what the
 * authority's signature covers, plus the signature), so that nobody can swap a book's prices or
 * back-date a version unseen; the audit recomputes it from {@code valuation_price_book}.
 */
@Component
public class PriceBookRecords implements CommittedRecords {
  /** The record type of a price-book version in the log. */
  public static final String TYPE = "valuation.price-book";

  private final PriceBookRepository repository;

  PriceBookRecords(PriceBookRepository repository) {
    this.repository = repository;
  }

  /** A version's record id: its name and version, such as {@code BW-GDV-SMALLS:3}. */
  public static String id(PriceBook b) {
    return b.name().code() + ":" + b.version();
  }

  /** The fields the uploader's signature covers (see {@code PriceBooks.canonical}). */
  public static Map<String, Object> signedFields(PriceBook b) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("name", b.name().code());
    r.put("version", b.version());
    r.put("validFrom", b.validFrom().toString());
    r.put("validTo", b.validTo().toString());
    r.put("organisationId", b.organisationId().toString());
    r.put("participant", b.participant().code());
    r.put("uploadedBy", b.uploadedBy());
    r.put("uploadedAt", b.uploadedAt().toString());
    r.put("rows", b.rows());
    r.put("csvSha256", b.sha256());
    return r;
  }

  /** The committed shape: the signed fields, the signature and its key. */
  public static Map<String, Object> record(PriceBook b) {
    Map<String, Object> r = signedFields(b);
    r.put("kid", b.kid());
    r.put("signature", b.signature());
    return r;
  }

  /** The commitment of an uploaded version. */
  public static Commitment commitment(PriceBook b) {
    return Commitment.publicRecord(
        TYPE, id(b), b.organisationId().toString(), b.uploadedAt(), record(b));
  }

  @Override
  public Set<String> types() {
    return Set.of(TYPE);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Map<String, ?>> current(String type, String recordId) {
    int colon = recordId.lastIndexOf(':');
    if (!type.equals(TYPE) || colon < 1) {
      return Optional.empty();
    }
    try {
      PriceBookName name = PriceBookName.of(recordId.substring(0, colon));
      int version = Integer.parseInt(recordId.substring(colon + 1));
      return repository.find(name, version).map(s -> record(s.book()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  @Transactional(readOnly = true)
  public List<String> ids(String type) {
    return type.equals(TYPE)
        ? repository.keys().stream().map(s -> id(s.book())).toList()
        : List.of();
  }
}
