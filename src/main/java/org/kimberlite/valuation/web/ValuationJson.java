package org.kimberlite.valuation.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kimberlite.shared.CountryCode;
import org.kimberlite.shared.InvalidInput;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.valuation.Band;
import org.kimberlite.valuation.BandFigure;
import org.kimberlite.valuation.BandLookup;
import org.kimberlite.valuation.Flow;
import org.kimberlite.valuation.NoBand;
import org.kimberlite.valuation.PriceBook;
import org.kimberlite.valuation.PriceBookName;
import org.kimberlite.valuation.Valuation;
import org.kimberlite.valuation.ValuedLine;
import org.kimberlite.valuation.Verdict;

/** The JSON shapes of the valuation API and the parsing of its parameters (422 naming them). */
final class ValuationJson {
  /** Dates are accepted from this year on. */
  static final int FIRST_YEAR = 1990;

  /** Dates are accepted up to this year. */
  static final int LAST_YEAR = 2200;

  private ValuationJson() {}

  static LocalDate date(String field, @Nullable String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInput(field, "is required (YYYY-MM-DD)");
    }
    try {
      if (text.length() != 10) {
        throw new DateTimeParseException("length", text, 0);
      }
      LocalDate d = LocalDate.parse(text);
      if (d.getYear() < FIRST_YEAR || d.getYear() > LAST_YEAR) {
        throw new InvalidInput(field, "a date from " + FIRST_YEAR + " to " + LAST_YEAR);
      }
      return d;
    } catch (DateTimeParseException e) {
      throw new InvalidInput(field, "a date as YYYY-MM-DD");
    }
  }

  static PriceBookName name(String field, @Nullable String text) {
    if (text == null) {
      throw new InvalidInput(field, "is required");
    }
    try {
      return PriceBookName.of(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidInput(field, String.valueOf(e.getMessage()));
    }
  }

  static Flow flow(@Nullable String text) {
    if ("producer".equals(text)) {
      return Flow.PRODUCER;
    }
    if ("trading".equals(text)) {
      return Flow.TRADING;
    }
    throw new InvalidInput("flow", "producer or trading");
  }

  /** A country code, or null for {@code mixed}. */
  static @Nullable CountryCode origin(@Nullable String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInput("origin", "a country code or mixed");
    }
    if (text.equalsIgnoreCase("mixed")) {
      return null;
    }
    if (!CountryCode.isValid(text)) {
      throw new InvalidInput("origin", "a country code or mixed");
    }
    return CountryCode.of(text);
  }

  static @Nullable ParticipantCode participant(String field, @Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return ParticipantCode.of(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidInput(field, "a KP participant code");
    }
  }

  static Map<String, Object> book(PriceBook b, boolean verified) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", b.name().code());
    m.put("version", b.version());
    m.put("validFrom", b.validFrom().toString());
    m.put("validTo", b.validTo().toString());
    m.put("participant", b.participant().code());
    m.put("organisation", b.organisationName());
    m.put("uploadedBy", b.uploadedBy());
    m.put("uploadedAt", b.uploadedAt().toString());
    m.put("rows", b.rows());
    m.put("csvSha256", b.sha256());
    m.put("kid", b.kid());
    m.put("signature", b.signature());
    m.put("signatureVerifies", verified);
    m.put(
        "csv",
        ValuationApi.BASE + "/price-books/" + b.name() + "/versions/" + b.version() + "/csv");
    return m;
  }

  static Map<String, Object> valuation(Valuation v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rule", "VAL-01");
    m.put("on", v.on().toString());
    m.put("referenceValueUsd", v.referenceValue().toString());
    m.put("coveredCarats", v.coveredCarats().toString());
    m.put("uncoveredCarats", v.uncoveredCarats().toString());
    m.put("complete", v.complete());
    List<Map<String, Object>> lines = new ArrayList<>();
    for (ValuedLine l : v.lines()) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("class", l.assortment().code());
      line.put("carats", l.carats().toString());
      line.put("usdPerCarat", l.price().toString());
      line.put("valueUsd", l.value().toString());
      line.put("book", l.book().code());
      line.put("version", l.version());
      lines.add(line);
    }
    m.put("lines", lines);
    m.put(
        "uncovered",
        v.uncovered().stream()
            .map(
                u -> {
                  Map<String, Object> line = new LinkedHashMap<>();
                  line.put("class", u.assortment().code());
                  line.put("carats", u.carats().toString());
                  return line;
                })
            .toList());
    return m;
  }

  static Map<String, Object> band(BandLookup lookup) {
    Map<String, Object> m = new LinkedHashMap<>();
    switch (lookup) {
      case Band b -> {
        m.put("found", true);
        m.put("origin", b.origin());
        m.put("flow", b.flow().name().toLowerCase(java.util.Locale.ROOT));
        m.put("on", b.on().toString());
        m.put("participant", b.participant());
        m.put("source", b.source());
        m.put("centreUsdPerCarat", b.centre().toString());
        m.put("lowUsdPerCarat", b.low().toString());
        m.put("highUsdPerCarat", b.high().toString());
        m.put("factor", b.factor().toString());
        List<Map<String, Object>> basis = new ArrayList<>();
        for (BandFigure f : b.basis()) {
          Map<String, Object> x = new LinkedHashMap<>();
          x.put("participant", f.participant());
          x.put("year", f.year());
          x.put("source", f.source());
          x.put("carats", f.carats().toString());
          x.put("valueUsd", f.valueUsd().toString());
          basis.add(x);
        }
        m.put("basis", basis);
        m.put("explanation", b.explanation());
      }
      case NoBand n -> {
        m.put("found", false);
        m.put("reason", n.reason());
      }
    }
    return m;
  }

  static Map<String, Object> verdict(Verdict v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rules", List.of("VAL-02", "KP-11"));
    m.put(
        "verdict",
        switch (v) {
          case Verdict.Within w -> "within";
          case Verdict.Outside o -> "outside";
          case Verdict.NoBand n -> "no-band";
        });
    if (v instanceof Verdict.NoBand n) {
      m.put("reason", n.reason());
    }
    List<Map<String, Object>> lines = new ArrayList<>();
    for (Verdict.LineVerdict l : v.lines()) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("index", l.index());
      line.put("hsCode", l.hsCode().code());
      line.put("carats", l.carats().toString());
      line.put("declaredUsd", l.declared().toString());
      line.put(
          "declaredUsdPerCarat",
          l.declaredPerCarat() == null ? null : l.declaredPerCarat().toString());
      line.put("status", l.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      line.put("band", l.band() == null ? null : band(l.band()));
      if (l.book() != null) {
        Map<String, Object> book = new LinkedHashMap<>();
        book.put("referenceValueUsd", l.book().valuation().referenceValue().toString());
        book.put("lowUsd", l.book().low().toString());
        book.put("highUsd", l.book().high().toString());
        book.put("factor", l.book().factor().toString());
        book.put("within", l.book().within());
        book.put("valuation", valuation(l.book().valuation()));
        line.put("book", book);
      }
      line.put("explanation", l.explanation());
      lines.add(line);
    }
    m.put("lines", lines);
    return m;
  }
}
