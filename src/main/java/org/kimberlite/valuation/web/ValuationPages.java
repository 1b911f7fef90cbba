package org.kimberlite.valuation.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kimberlite.platform.web.NavItem;
import org.kimberlite.registry.Caller;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.CountryCode;
import org.kimberlite.shared.HsCode;
import org.kimberlite.shared.InvalidInput;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdAmount;
import org.kimberlite.shared.json.CanonicalJson;
import org.kimberlite.shared.problem.FieldError;
import org.kimberlite.shared.problem.Problem;
import org.kimberlite.valuation.CheckingValues;
import org.kimberlite.valuation.ParcelLine;
import org.kimberlite.valuation.PriceBook;
import org.kimberlite.valuation.PriceBooks;
import org.kimberlite.valuation.Valuation;
import org.kimberlite.valuation.Valuations;
import org.kimberlite.valuation.ValueClaim;
import org.kimberlite.valuation.Verdict;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's valuation pages: a parcel's reference value with its breakdown (VAL-01) and the
 * verdict on a declared value (VAL-02, KP-11), computed from the query (nothing is stored); and the
 * price books with their versions.
 */
@Controller
class ValuationPages {
  /** Rows of the parcel form. */
  static final int ROWS = 8;

  private final Valuations valuations;
  private final CheckingValues checking;
  private final PriceBooks books;
  private final Clock clock;

  ValuationPages(Valuations valuations, CheckingValues checking, PriceBooks books, Clock clock) {
    this.valuations = valuations;
    this.checking = checking;
    this.books = books;
    this.clock = clock;
  }

  @Bean
  static NavItem valuationNav() {
    return NavItem.signedIn("Valuation", "/console/valuation", 45);
  }

  /** A row of the form as entered. */
  record Row(String assortment, String carats) {}

  @GetMapping("/console/valuation")
  String parcel(
      Caller caller,
      @RequestParam(required = false) @Nullable List<String> assortment,
      @RequestParam(required = false) @Nullable List<String> carats,
      @RequestParam(required = false) @Nullable String on,
      @RequestParam(required = false) @Nullable String declared,
      @RequestParam(required = false) @Nullable String origin,
      @RequestParam(required = false) @Nullable String exporter,
      Model model) {
    List<String> classes = assortment == null ? List.of() : assortment;
    List<String> weights = carats == null ? List.of() : carats;
    List<FieldError> errors = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    List<ValuationApi.LineBody> entered = new ArrayList<>();
    int n = Math.max(classes.size(), weights.size());
    if (n > ROWS) {
      errors.add(new FieldError("assortment", "at most " + ROWS + " lines"));
      n = 0;
    }
    for (int i = 0; i < n; i++) {
      String a = i < classes.size() ? classes.get(i).strip() : "";
      String c = i < weights.size() ? weights.get(i).strip() : "";
      rows.add(new Row(a, c));
      if (!a.isEmpty() || !c.isEmpty()) {
        entered.add(new ValuationApi.LineBody(a, c));
      }
    }
    while (rows.size() < ROWS) {
      rows.add(new Row("", ""));
    }
    LocalDate day = LocalDate.now(clock);
    String date = on == null || on.isBlank() ? day.toString() : on;
    model.addAttribute("rows", rows);
    model.addAttribute("on", date);
    model.addAttribute("declared", declared == null ? "" : declared);
    model.addAttribute("origin", origin == null ? "" : origin);
    model.addAttribute("exporter", exporter == null ? "" : exporter);
    Valuation valuation = null;
    Verdict verdict = null;
    if (!entered.isEmpty() && errors.isEmpty()) {
      try {
        LocalDate d = ValuationJson.date("on", date);
        List<ParcelLine> parcel = ValuationApi.parcel("lines", entered);
        valuation = valuations.value(d, parcel, null);
        if (declared != null && !declared.isBlank()) {
          verdict = verdict(d, parcel, declared, origin, exporter);
        }
      } catch (InvalidInput e) {
        errors.add(new FieldError(e.field(), e.reason()));
      } catch (Problem p) {
        errors.addAll(
            p.fieldErrors().isEmpty() ? List.of(new FieldError("", p.detail())) : p.fieldErrors());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("lines", String.valueOf(e.getMessage())));
      }
    }
    model.addAttribute("errors", errors);
    model.addAttribute("valuation", valuation);
    model.addAttribute("verdict", verdict);
    model.addAttribute(
        "verdictStatus",
        switch (verdict) {
          case null -> "";
          case Verdict.Within w -> "within";
          case Verdict.Outside o -> "outside";
          case Verdict.NoBand b -> "noBand";
        });
    model.addAttribute("factor", checking.factor().toString());
    return "console/valuation";
  }

  private Verdict verdict(
      LocalDate on,
      List<ParcelLine> parcel,
      String declared,
      @Nullable String origin,
      @Nullable String exporter) {
    UsdAmount value;
    try {
      value = UsdAmount.of(declared.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("declared", "US dollars, at most two decimals");
    }
    CountryCode o = ValuationJson.origin(origin);
    ParticipantCode x = ValuationJson.participant("exporter", exporter);
    if (x == null) {
      throw new InvalidInput("exporter", "the exporting participant's code");
    }
    Carats total = Carats.sum(parcel.stream().map(ParcelLine::carats).toList());
    return checking.check(
        new ValueClaim(
            o == null ? List.of() : List.of(o),
            o == null,
            x,
            on,
            List.of(new ValueClaim.Line(HsCode.NON_INDUSTRIAL, total, value, parcel))));
  }

  /**
   * The band for the certificate form's KP-11 hint (JSON, as {@code GET /api/v1/valuation/bands}).
   */
  @GetMapping("/console/valuation/bands")
  ResponseEntity<String> band(
      Caller caller,
      @RequestParam(required = false) @Nullable String origin,
      @RequestParam(required = false) @Nullable String flow,
      @RequestParam(required = false) @Nullable String on,
      @RequestParam(required = false) @Nullable String exporter) {
    // JSON whatever the browser accepts: the page's script reads it.
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .body(CanonicalJson.string(ValuationApi.bandOf(checking, origin, flow, on, exporter)));
  }

  @GetMapping("/console/valuation/price-books/{name}/versions/{version}/csv")
  ResponseEntity<byte[]> csv(
      Caller caller, @PathVariable String name, @PathVariable String version) {
    return ValuationApi.csvOf(books, name, version);
  }

  @GetMapping("/console/valuation/price-books")
  String priceBooks(Caller caller, Model model) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (PriceBook b : books.list()) {
      Map<String, Object> m = ValuationJson.book(b, books.verifies(b));
      m.put(
          "csv",
          "/console/valuation/price-books/" + b.name() + "/versions/" + b.version() + "/csv");
      list.add(m);
    }
    model.addAttribute("books", list);
    return "console/price-books";
  }
}
