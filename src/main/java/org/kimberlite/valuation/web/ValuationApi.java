package org.kimberlite.valuation.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.kimberlite.registry.Caller;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.CountryCode;
import org.kimberlite.shared.HsCode;
import org.kimberlite.shared.InvalidInput;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdAmount;
import org.kimberlite.shared.problem.FieldError;
import org.kimberlite.shared.problem.Problem;
import org.kimberlite.valuation.AssortmentClass;
import org.kimberlite.valuation.CheckingValues;
import org.kimberlite.valuation.Flow;
import org.kimberlite.valuation.ParcelLine;
import org.kimberlite.valuation.PriceBook;
import org.kimberlite.valuation.PriceBookName;
import org.kimberlite.valuation.PriceBooks;
import org.kimberlite.valuation.UploadOutcome;
import org.kimberlite.valuation.Valuations;
import org.kimberlite.valuation.ValueClaim;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The valuation API (docs/valuation.md): price books (upload as CSV, list, each version's CSV byte
 * for byte), the reference value of a parcel (VAL-01), plausibility bands and checks of declared
 * values (VAL-02, KP-11). Everything here is for signed-in users; uploads for KP authorities.
 */
@RestController
@RequestMapping(ValuationApi.BASE)
class ValuationApi {
  static final String BASE = "/api/v1/valuation";

  /** The most HS lines a value claim may have. */
  static final int MAX_CLAIM_LINES = 50;

  /** The highest version number asked for. */
  static final int MAX_VERSION = 1_000_000;

  private final PriceBooks books;
  private final Valuations valuations;
  private final CheckingValues checking;

  ValuationApi(PriceBooks books, Valuations valuations, CheckingValues checking) {
    this.books = books;
    this.valuations = valuations;
    this.checking = checking;
  }

  @PostMapping(value = "/price-books", consumes = "text/csv")
  ResponseEntity<Map<String, Object>> upload(
      Caller caller,
      @RequestParam(required = false) @Nullable String name,
      @RequestParam(required = false) @Nullable String validFrom,
      @RequestParam(required = false) @Nullable String validTo,
      @RequestBody(required = false) byte @Nullable [] csv) {
    PriceBookName book = ValuationJson.name("name", name);
    LocalDate from = ValuationJson.date("validFrom", validFrom);
    LocalDate to = ValuationJson.date("validTo", validTo);
    return switch (books.upload(caller, book, from, to, csv == null ? new byte[0] : csv)) {
      case UploadOutcome.Stored s ->
          ResponseEntity.created(
                  URI.create(BASE + "/price-books/" + book + "/versions/" + s.book().version()))
              .body(ValuationJson.book(s.book(), true));
      case UploadOutcome.NotAllowed n -> throw Problem.forbidden(n.reason());
      case UploadOutcome.NameTaken t ->
          throw Problem.conflict(
              "valuation/name-taken",
              "The price book " + t.name() + " belongs to another organisation.");
      case UploadOutcome.Refused r ->
          throw new Problem(
              400,
              "valuation/bad-price-book",
              "The price book is not valid",
              r.faults().size()
                  + " fault(s), nothing stored: "
                  + String.join(
                      "; ", r.faults().stream().map(f -> f.field() + ": " + f.reason()).toList()),
              List.of(),
              r.faults().stream().map(f -> new FieldError(f.field(), f.reason())).toList());
    };
  }

  @GetMapping("/price-books")
  List<Map<String, Object>> list(Caller caller) {
    return books.list().stream().map(b -> ValuationJson.book(b, books.verifies(b))).toList();
  }

  @GetMapping("/price-books/{name}/versions/{version}")
  Map<String, Object> one(Caller caller, @PathVariable String name, @PathVariable String version) {
    PriceBook b = find(books, name, version);
    return ValuationJson.book(b, books.verifies(b));
  }

  @ApiResponse(
      responseCode = "200",
      description = "The version's CSV, byte for byte as uploaded",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  @GetMapping("/price-books/{name}/versions/{version}/csv")
  ResponseEntity<byte[]> csv(
      Caller caller, @PathVariable String name, @PathVariable String version) {
    return csvOf(books, name, version);
  }

  /** A version's CSV as uploaded, or a 404 that says nothing. */
  static ResponseEntity<byte[]> csvOf(PriceBooks books, String name, String version) {
    PriceBook b = find(books, name, version);
    byte[] bytes = books.csv(b.name(), b.version()).orElseThrow();
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + b.name() + "-v" + b.version() + ".csv\"")
        .body(bytes);
  }

  static PriceBook find(PriceBooks books, String name, String version) {
    PriceBookName n;
    int v;
    try {
      n = PriceBookName.of(name);
      v = Integer.parseInt(version);
    } catch (IllegalArgumentException e) {
      throw Problem.notFound("No such price book.");
    }
    if (v < 1 || v > MAX_VERSION) {
      throw Problem.notFound("No such price book.");
    }
    return books.find(n, v).orElseThrow(() -> Problem.notFound("No such price book."));
  }

  /** One line of a parcel breakdown. */
  record LineBody(@Nullable String assortment, @Nullable String carats) {}

  /** A parcel to value. */
  record ValuationBody(
      @Nullable String on, @Nullable String book, @Nullable List<LineBody> lines) {}

  @PostMapping("/valuations")
  Map<String, Object> value(Caller caller, @RequestBody ValuationBody body) {
    LocalDate on = ValuationJson.date("on", body.on());
    PriceBookName book =
        body.book() == null || body.book().isBlank()
            ? null
            : ValuationJson.name("book", body.book());
    List<ParcelLine> parcel = parcel("lines", body.lines());
    try {
      return ValuationJson.valuation(valuations.value(on, parcel, book));
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("lines", String.valueOf(e.getMessage()));
    }
  }

  static List<ParcelLine> parcel(String field, @Nullable List<LineBody> lines) {
    if (lines == null || lines.isEmpty()) {
      throw new InvalidInput(field, "at least one line");
    }
    if (lines.size() > Valuations.MAX_LINES) {
      throw new InvalidInput(field, "at most " + Valuations.MAX_LINES + " lines");
    }
    List<ParcelLine> out = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      LineBody l = lines.get(i);
      String at = field + "[" + i + "]";
      if (l == null) {
        errors.add(new FieldError(at, "a line with assortment and carats"));
        continue;
      }
      AssortmentClass a = null;
      Carats c = null;
      try {
        a = AssortmentClass.parse(l.assortment() == null ? "" : l.assortment());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError(at + ".assortment", String.valueOf(e.getMessage())));
      }
      try {
        c = Carats.of(l.carats() == null ? "" : l.carats());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError(at + ".carats", "carats, at most two decimals"));
      }
      if (a != null && c != null) {
        out.add(new ParcelLine(a, c));
      }
    }
    if (!errors.isEmpty()) {
      throw Problem.invalid(errors.size() + " line field(s) not valid", errors);
    }
    return out;
  }

  @GetMapping("/bands")
  Map<String, Object> band(
      Caller caller,
      @RequestParam(required = false) @Nullable String origin,
      @RequestParam(required = false) @Nullable String flow,
      @RequestParam(required = false) @Nullable String on,
      @RequestParam(required = false) @Nullable String exporter) {
    return bandOf(checking, origin, flow, on, exporter);
  }

  static Map<String, Object> bandOf(
      CheckingValues checking,
      @Nullable String origin,
      @Nullable String flow,
      @Nullable String on,
      @Nullable String exporter) {
    // Every parameter is checked, and every fault named, before anything is looked up.
    List<FieldError> errors = new ArrayList<>();
    CountryCode o = checked(errors, () -> ValuationJson.origin(origin));
    Flow f = checked(errors, () -> ValuationJson.flow(flow));
    ParticipantCode x = checked(errors, () -> ValuationJson.participant("exporter", exporter));
    LocalDate d = checked(errors, () -> ValuationJson.date("on", on));
    if (!errors.isEmpty() || f == null || d == null) {
      throw Problem.invalid(
          String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()),
          errors);
    }
    return ValuationJson.band(checking.band(o, f, x, d));
  }

  private static <T> @Nullable T checked(List<FieldError> errors, Supplier<@Nullable T> parse) {
    try {
      return parse.get();
    } catch (InvalidInput e) {
      errors.add(new FieldError(e.field(), e.reason()));
      return null;
    }
  }

  /** One HS line of a value claim. */
  record ClaimLineBody(
      @Nullable String hsCode,
      @Nullable String carats,
      @Nullable String valueUsd,
      @Nullable List<LineBody> assortment) {}

  /** A value claim to check. */
  record ClaimBody(
      @Nullable List<String> origins,
      @Nullable Boolean mixedOrigin,
      @Nullable String exporter,
      @Nullable String on,
      @Nullable List<ClaimLineBody> lines) {}

  @PostMapping("/checks")
  Map<String, Object> check(Caller caller, @RequestBody ClaimBody body) {
    List<CountryCode> origins = new ArrayList<>();
    List<String> given = body.origins() == null ? List.of() : body.origins();
    if (given.size() > 20) {
      throw new InvalidInput("origins", "at most 20 countries");
    }
    for (int i = 0; i < given.size(); i++) {
      String c = given.get(i);
      if (c == null || !CountryCode.isValid(c)) {
        throw new InvalidInput("origins[" + i + "]", "a country code");
      }
      origins.add(CountryCode.of(c));
    }
    ParticipantCode exporter = ValuationJson.participant("exporter", body.exporter());
    if (exporter == null) {
      throw new InvalidInput("exporter", "the exporting participant's code");
    }
    LocalDate on = ValuationJson.date("on", body.on());
    List<ClaimLineBody> lines = body.lines();
    if (lines == null || lines.isEmpty() || lines.size() > MAX_CLAIM_LINES) {
      throw new InvalidInput("lines", "1 to " + MAX_CLAIM_LINES + " lines");
    }
    List<ValueClaim.Line> claimLines = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      ClaimLineBody l = lines.get(i);
      String at = "lines[" + i + "]";
      if (l == null) {
        throw new InvalidInput(at, "a line");
      }
      HsCode hs;
      Carats carats;
      UsdAmount value;
      try {
        hs = HsCode.of(l.hsCode() == null ? "" : l.hsCode());
      } catch (IllegalArgumentException e) {
        throw new InvalidInput(at + ".hsCode", "an HS code like 7102.31");
      }
      try {
        carats = Carats.of(l.carats() == null ? "" : l.carats());
      } catch (IllegalArgumentException e) {
        throw new InvalidInput(at + ".carats", "carats, at most two decimals");
      }
      try {
        value = UsdAmount.of(l.valueUsd() == null ? "" : l.valueUsd());
      } catch (IllegalArgumentException e) {
        throw new InvalidInput(at + ".valueUsd", "US dollars, at most two decimals");
      }
      List<ParcelLine> assortment =
          l.assortment() == null || l.assortment().isEmpty()
              ? List.of()
              : parcel(at + ".assortment", l.assortment());
      claimLines.add(new ValueClaim.Line(hs, carats, value, assortment));
    }
    boolean mixed = Boolean.TRUE.equals(body.mixedOrigin());
    return ValuationJson.verdict(
        checking.check(new ValueClaim(origins, mixed, exporter, on, claimLines)));
  }
}
