package org.kimberlite.custody.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kimberlite.custody.internal.rules.WarrantyStatements.Kind.NOT_A_WARRANTY;
import static org.kimberlite.custody.internal.rules.WarrantyStatements.Kind.ORIGINAL_2002;
import static org.kimberlite.custody.internal.rules.WarrantyStatements.Kind.REVISED;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kimberlite.custody.internal.rules.WarrantyStatements.Accepted;
import org.kimberlite.custody.internal.rules.WarrantyStatements.Deadlines;
import org.kimberlite.custody.internal.rules.WarrantyStatements.Decision;
import org.kimberlite.custody.internal.rules.WarrantyStatements.Refused;

/** SOW-01 (which statement a text carries) and SOW-02 (the deadlines), accepted and refused. */
class WarrantyStatementsTest {
  static final WarrantyStatements SOW = new WarrantyStatements();

  static final String REVISED_PURCHASED =
      "The diamonds herein invoiced have been purchased from legitimate sources not involved in"
          + " funding conflict, in compliance with the United Nations Resolutions and corresponding"
          + " national laws (where the invoice is generated). The seller hereby guarantees that"
          + " these diamonds are conflict free and confirms adherence to the WDC SoW Guidelines.";

  // ---- classification --------------------------------------------------------------------

  @Test
  void thePublishedTextsAreRecognised() {
    assertThat(WarrantyStatements.classify(WarrantyStatements.ORIGINAL_2002_TEXT))
        .isEqualTo(ORIGINAL_2002);
    assertThat(WarrantyStatements.classify(WarrantyStatements.REVISED_TEXT)).isEqualTo(REVISED);
    assertThat(WarrantyStatements.classify(REVISED_PURCHASED)).isEqualTo(REVISED);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sourced",
        "purchased",
        "(sourced) purchased",
        "purchased (sourced)",
        "sourced/purchased",
        "purchased [or sourced]",
        "sourced or purchased"
      })
  void sourcedAndPurchasedAreBothAccepted(String bought) {
    assertThat(WarrantyStatements.classify(REVISED_PURCHASED.replace("purchased", bought)))
        .isEqualTo(REVISED);
    assertThat(
            WarrantyStatements.classify(
                WarrantyStatements.ORIGINAL_2002_TEXT.replace("purchased", bought)))
        .isEqualTo(ORIGINAL_2002);
  }

  @Test
  void layoutQuotesAndCaseDoNotMatter() {
    String typographic =
        "\u201C  THE DIAMONDS herein\ninvoiced have\u00A0been purchased from legitimate sources not"
            + " involved in funding conflict\u2009\u2014 in compliance with the United Na\u00ADtions"
            + " Resolutions and corresponding national laws. The seller hereby guarantees that"
            + " these diamonds are conflict\u2011free and confirms adherence to the W\u200BDC SoW"
            + " Guidelines.\u201D";
    assertThat(WarrantyStatements.classify(typographic)).isEqualTo(REVISED);
    String straight =
        "\"" + WarrantyStatements.ORIGINAL_2002_TEXT.toUpperCase(java.util.Locale.ROOT) + "\"";
    assertThat(WarrantyStatements.classify(straight)).isEqualTo(ORIGINAL_2002);
    String fullWidth = WarrantyStatements.ORIGINAL_2002_TEXT.replace("seller", "ｓｅｌｌｅｒ");
    assertThat(WarrantyStatements.classify(fullWidth)).isEqualTo(ORIGINAL_2002);
  }

  @Test
  void theKnownVariantsOfTheRevisedTextAreAccepted() {
    // as seen on invoices: no "the", no "(where the invoice is generated)", the names written out
    String variant =
        "The diamonds herein invoiced have been purchased from legitimate sources not involved in"
            + " funding conflict, in compliance with United Nations Resolutions and corresponding"
            + " national laws. The seller hereby guarantees that these diamonds are conflict free"
            + " and confirms adherence to the World Diamond Council System of Warranties"
            + " Guidelines.";
    assertThat(WarrantyStatements.classify(variant)).isEqualTo(REVISED);
    assertThat(
            WarrantyStatements.classify(
                REVISED_PURCHASED.replace("conflict, in", "conflict and in")))
        .isEqualTo(REVISED);
  }

  @Test
  void textAroundTheStatementIsAllowed() {
    String invoiceFooter =
        "Payment within 30 days. "
            + REVISED_PURCHASED
            + " SoW ID: WDC-2024-00123. Countries of source: BW, CA.";
    assertThat(WarrantyStatements.classify(invoiceFooter)).isEqualTo(REVISED);
  }

  @Test
  void bothStatementsReadAsTheRevisedOne() {
    assertThat(
            WarrantyStatements.classify(
                WarrantyStatements.ORIGINAL_2002_TEXT + " " + REVISED_PURCHASED))
        .isEqualTo(REVISED);
  }

  @Test
  void aChangedTruncatedOrOtherTextIsNoWarranty() {
    assertThat(WarrantyStatements.classify(null)).isEqualTo(NOT_A_WARRANTY);
    assertThat(WarrantyStatements.classify("")).isEqualTo(NOT_A_WARRANTY);
    assertThat(WarrantyStatements.classify("   ")).isEqualTo(NOT_A_WARRANTY);
    assertThat(WarrantyStatements.classify(REVISED_PURCHASED.replace("conflict free", "conflict")))
        .isEqualTo(NOT_A_WARRANTY);
    assertThat(
            WarrantyStatements.classify(
                REVISED_PURCHASED.substring(0, REVISED_PURCHASED.length() - 20)))
        .isEqualTo(NOT_A_WARRANTY);
    assertThat(
            WarrantyStatements.classify(
                WarrantyStatements.ORIGINAL_2002_TEXT.replace("purchased", "bought")))
        .isEqualTo(NOT_A_WARRANTY);
    // the WFDB natural-origin declaration of 2014 is not a System of Warranties statement
    assertThat(
            WarrantyStatements.classify(
                "The diamonds herein invoiced are exclusively of natural origin and untreated"
                    + " based on personal knowledge and/or written assurances provided to us by"
                    + " the suppliers of these diamonds."))
        .isEqualTo(NOT_A_WARRANTY);
  }

  @Test
  void anOverlongTextIsNotRead() {
    String longText = "x".repeat(WarrantyStatements.MAX_TEXT_LENGTH) + REVISED_PURCHASED;
    assertThat(WarrantyStatements.classify(longText)).isEqualTo(NOT_A_WARRANTY);
    Decision d = SOW.check(longText, GoodsKind.POLISHED, LocalDate.of(2025, 1, 1));
    assertThat(d.breaches())
        .singleElement()
        .satisfies(b -> assertThat(b.message()).contains("4000"));
    String justFits =
        " ".repeat(WarrantyStatements.MAX_TEXT_LENGTH - REVISED_PURCHASED.length())
            + REVISED_PURCHASED;
    assertThat(WarrantyStatements.classify(justFits)).isEqualTo(REVISED);
  }

  // ---- SOW-01 ----------------------------------------------------------------------------

  @Test
  void aLineWithoutAStatementIsRefusedAsSow01() {
    Decision d = SOW.check(null, GoodsKind.POLISHED, LocalDate.of(2022, 1, 1));
    assertThat(d).isInstanceOf(Refused.class);
    Breach b = d.breaches().getFirst();
    assertThat(b.rule()).isEqualTo("SOW-01");
    assertThat(b.blocks()).isTrue();
    assertThat(b.message()).contains("has none");
    assertThat(SOW.check("Conflict free.", GoodsKind.ROUGH, LocalDate.of(2022, 1, 1)).breaches())
        .extracting(Breach::rule)
        .containsExactly("SOW-01");
  }

  // ---- SOW-02 ----------------------------------------------------------------------------

  @Test
  void the2002TextForRoughIsAcceptedUntilTheDayBeforeTheRoughDeadline() {
    String text = WarrantyStatements.ORIGINAL_2002_TEXT;
    assertThat(SOW.check(text, GoodsKind.ROUGH, LocalDate.of(2024, 9, 20)))
        .isEqualTo(new Accepted(ORIGINAL_2002));
    Decision onTheDay = SOW.check(text, GoodsKind.ROUGH, LocalDate.of(2024, 9, 21));
    assertThat(onTheDay).isInstanceOf(Refused.class);
    assertThat(onTheDay.breaches().getFirst().rule()).isEqualTo("SOW-02");
    assertThat(onTheDay.breaches().getFirst().message())
        .contains("rough diamonds", "2024-09-21", "revised");
  }

  @Test
  void the2002TextForPolishedAndJewelleryIsAcceptedUntilTheDayBeforeTheGeneralDeadline() {
    String text = WarrantyStatements.ORIGINAL_2002_TEXT;
    for (GoodsKind goods : new GoodsKind[] {GoodsKind.POLISHED, GoodsKind.JEWELLERY}) {
      assertThat(SOW.check(text, goods, LocalDate.of(2024, 9, 21)))
          .isEqualTo(new Accepted(ORIGINAL_2002));
      assertThat(SOW.check(text, goods, LocalDate.of(2026, 9, 20)))
          .isEqualTo(new Accepted(ORIGINAL_2002));
      assertThat(SOW.check(text, goods, LocalDate.of(2026, 9, 21)).breaches())
          .extracting(Breach::rule)
          .containsExactly("SOW-02");
    }
  }

  @Test
  void theRevisedTextIsAcceptedOnAnyDate() {
    for (LocalDate d :
        new LocalDate[] {
          LocalDate.of(2019, 1, 1), LocalDate.of(2024, 9, 21), LocalDate.of(2040, 1, 1)
        }) {
      for (GoodsKind g : GoodsKind.values()) {
        assertThat(SOW.check(REVISED_PURCHASED, g, d)).isEqualTo(new Accepted(REVISED));
      }
    }
  }

  @Test
  void theDeadlinesAreConfigurable() {
    WarrantyStatements early =
        new WarrantyStatements(new Deadlines(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 6, 1)));
    assertThat(early.originalAccepted(GoodsKind.ROUGH, LocalDate.of(2022, 12, 31))).isTrue();
    assertThat(early.originalAccepted(GoodsKind.ROUGH, LocalDate.of(2023, 1, 1))).isFalse();
    assertThat(early.originalAccepted(GoodsKind.POLISHED, LocalDate.of(2023, 5, 31))).isTrue();
    assertThat(early.originalAccepted(GoodsKind.POLISHED, LocalDate.of(2023, 6, 1))).isFalse();
    assertThat(SOW.deadlines()).isEqualTo(Deadlines.DEFAULT);
    assertThat(Deadlines.DEFAULT.revisedForRough()).isEqualTo(LocalDate.of(2024, 9, 21));
    assertThat(Deadlines.DEFAULT.revisedForAllGoods()).isEqualTo(LocalDate.of(2026, 9, 21));
    assertThatThrownBy(() -> new Deadlines(LocalDate.of(2026, 9, 21), LocalDate.of(2024, 9, 21)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
