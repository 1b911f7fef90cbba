package org.kimberlite.valuation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdAmount;
import org.kimberlite.shared.UsdPerCarat;
import org.kimberlite.valuation.AssortmentClass;
import org.kimberlite.valuation.ParcelLine;
import org.kimberlite.valuation.PriceBook;
import org.kimberlite.valuation.PriceBookName;
import org.kimberlite.valuation.Valuation;

/** VAL-01: exact arithmetic, the version in force, uncovered lines never guessed. */
class ReferenceValuesTest {
  static final AssortmentClass A = AssortmentClass.parse("+11-11.5/STONES/Q1/WHITE");
  static final AssortmentClass B = AssortmentClass.parse("2-4CT/SHAPES/Q2/CAPE");
  static final AssortmentClass C = AssortmentClass.parse("SAND/CHIPS/Q4/MIXED");

  static ReferenceValues.Priced book(
      long sequence,
      String name,
      int version,
      String from,
      String to,
      Map<AssortmentClass, String> prices) {
    PriceBook b =
        new PriceBook(
            PriceBookName.of(name),
            version,
            LocalDate.parse(from),
            LocalDate.parse(to),
            UUID.fromString("00000000-0000-0000-0000-000000000001"),
            "Authority",
            ParticipantCode.of("BW"),
            "valuer",
            Instant.parse("2026-01-01T00:00:00Z"),
            prices.size(),
            "00",
            "kid",
            "jws");
    Map<AssortmentClass, UsdPerCarat> p = new java.util.HashMap<>();
    prices.forEach((k, v) -> p.put(k, UsdPerCarat.of(new BigDecimal(v))));
    return new ReferenceValues.Priced(sequence, b, p);
  }

  static ParcelLine line(AssortmentClass a, String carats) {
    return new ParcelLine(a, Carats.of(carats));
  }

  @Test
  void eachLineIsCaratsTimesPriceToTheCentAndTheTotalIsTheirSum() {
    // 0.33 ct × 310.01 = 102.3033 → 102.30; 12.35 × 0.05 = 0.6175 → 0.62 (half-even)
    Valuation v =
        ReferenceValues.value(
            LocalDate.parse("2026-06-01"),
            List.of(line(A, "0.33"), line(C, "12.35")),
            List.of(
                book(1, "BOOK", 1, "2026-01-01", "2026-12-31", Map.of(A, "310.01", C, "0.05"))));
    assertThat(v.lines()).extracting(l -> l.value().toString()).containsExactly("102.30", "0.62");
    assertThat(v.referenceValue()).isEqualTo(UsdAmount.of("102.92"));
    assertThat(v.coveredCarats()).isEqualTo(Carats.of("12.68"));
    assertThat(v.complete()).isTrue();
    // half-even at the cent: 0.25 × 0.10 = 0.025 → 0.02, 0.35 × 0.10 = 0.035 → 0.04
    assertThat(ReferenceValues.lineValue(Carats.of("0.25"), UsdPerCarat.of(new BigDecimal("0.10"))))
        .isEqualTo(UsdAmount.of("0.02"));
    assertThat(ReferenceValues.lineValue(Carats.of("0.35"), UsdPerCarat.of(new BigDecimal("0.10"))))
        .isEqualTo(UsdAmount.of("0.04"));
  }

  @Test
  void theSameInputGivesTheSameValuation() {
    List<ReferenceValues.Priced> books =
        List.of(book(1, "BOOK", 1, "2026-01-01", "2026-12-31", Map.of(A, "310.00", B, "620.00")));
    List<ParcelLine> parcel = List.of(line(B, "3.10"), line(A, "1.00"), line(C, "5.00"));
    LocalDate on = LocalDate.parse("2026-03-01");
    assertThat(ReferenceValues.value(on, parcel, books))
        .isEqualTo(ReferenceValues.value(on, parcel, books));
  }

  @Test
  void aClassNoBookInForcePricesIsUncoveredNotGuessed() {
    Valuation v =
        ReferenceValues.value(
            LocalDate.parse("2026-06-01"),
            List.of(line(A, "1.00"), line(B, "2.00")),
            List.of(
                book(1, "BOOK", 1, "2026-01-01", "2026-12-31", Map.of(A, "310.00")),
                book(2, "OLD", 1, "2025-01-01", "2025-12-31", Map.of(B, "620.00"))));
    assertThat(v.uncovered()).containsExactly(line(B, "2.00"));
    assertThat(v.uncoveredCarats()).isEqualTo(Carats.of("2.00"));
    assertThat(v.referenceValue()).isEqualTo(UsdAmount.of("310.00"));
    assertThat(v.complete()).isFalse();
  }

  @Test
  void theLatestUploadInForceWinsAndBothEndsOfAPeriodCount() {
    List<ReferenceValues.Priced> books =
        List.of(
            book(1, "BOOK", 1, "2026-01-01", "2026-12-31", Map.of(A, "300.00")),
            book(2, "BOOK", 2, "2026-07-01", "2026-09-30", Map.of(A, "320.00")));
    assertThat(price(books, "2026-06-30")).isEqualTo("300.00 BOOK 1");
    assertThat(price(books, "2026-07-01")).isEqualTo("320.00 BOOK 2");
    assertThat(price(books, "2026-09-30")).isEqualTo("320.00 BOOK 2");
    assertThat(price(books, "2026-10-01")).isEqualTo("300.00 BOOK 1");
    assertThat(
            ReferenceValues.value(LocalDate.parse("2027-01-01"), List.of(line(A, "1.00")), books)
                .uncovered())
        .hasSize(1);
  }

  static String price(List<ReferenceValues.Priced> books, String on) {
    var l =
        ReferenceValues.value(LocalDate.parse(on), List.of(line(A, "1.00")), books).lines().get(0);
    return l.price() + " " + l.book() + " " + l.version();
  }
}
