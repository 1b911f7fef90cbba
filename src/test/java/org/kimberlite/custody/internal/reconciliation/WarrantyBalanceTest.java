package org.kimberlite.custody.internal.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kimberlite.custody.internal.reconciliation.WarrantyBalance.Balance;
import org.kimberlite.custody.internal.reconciliation.WarrantyBalance.DifferenceKind;
import org.kimberlite.custody.internal.reconciliation.WarrantyBalance.EventFlow;
import org.kimberlite.custody.internal.reconciliation.WarrantyBalance.Figures;
import org.kimberlite.custody.internal.reconciliation.WarrantyBalance.LotFlow;
import org.kimberlite.shared.Carats;

/** SOW-05 at its boundaries. */
class WarrantyBalanceTest {
  static final Carats TOLERANCE = Carats.of("0.01");
  static final Carats ZERO = Carats.ZERO;

  static Carats c(String v) {
    return Carats.of(v);
  }

  static Figures figures(
      String opening, String bought, String sold, String closing, String in, String out) {
    return new Figures(c(opening), c(bought), c(sold), c(closing), c(in), c(out));
  }

  @Test
  void exactlyBalancedAfterCuttingWithALoss() {
    // 10 ct of rough bought, cut into 4.5 ct polished, sold
    Balance b =
        WarrantyBalance.judge(
            figures("0", "10", "4.5", "0", "10", "4.5"),
            List.of(
                new LotFlow("rough", ZERO, c("10"), c("10"), ZERO),
                new LotFlow("polished", ZERO, c("4.5"), c("4.5"), ZERO)),
            List.of(new EventFlow("cut", c("10"), c("4.5"), ZERO, ZERO)),
            TOLERANCE);
    assertThat(b.loss()).isEqualTo(c("5.5"));
    assertThat(b.balanced()).isTrue();
    assertThat(b.breaches()).isEmpty();
    assertThat(b.differences()).isEmpty();
    assertThat(b.surplus()).isEqualTo(ZERO);
    assertThat(b.shortfall()).isEqualTo(ZERO);
  }

  @Test
  void withinTheToleranceBalancesOneHundredthMoreDoesNot() {
    Balance within =
        WarrantyBalance.judge(
            figures("0", "10", "10.01", "0", "0", "0"),
            List.of(new LotFlow("a", ZERO, c("10"), c("10.01"), ZERO)),
            List.of(),
            TOLERANCE);
    assertThat(within.balanced()).isTrue();
    assertThat(within.breaches()).isEmpty();
    assertThat(within.differences()).hasSize(1); // still listed
    Balance beyond =
        WarrantyBalance.judge(
            figures("0", "10", "10.02", "0", "0", "0"),
            List.of(new LotFlow("a", ZERO, c("10"), c("10.02"), ZERO)),
            List.of(),
            TOLERANCE);
    assertThat(beyond.balanced()).isFalse();
    assertThat(beyond.shortfall()).isEqualTo(c("0.02"));
    assertThat(beyond.breaches())
        .singleElement()
        .satisfies(x -> assertThat(x.rule()).isEqualTo("SOW-05"));
    assertThat(beyond.differences().get(0).shortfall()).isEqualTo(c("0.02"));
  }

  @Test
  void noOpeningStockAndNothingMovedBalances() {
    Balance b =
        WarrantyBalance.judge(
            figures("0", "0", "0", "0", "0", "0"), List.of(), List.of(), TOLERANCE);
    assertThat(b.balanced()).isTrue();
    assertThat(b.breaches()).isEmpty();
  }

  @Test
  void openingStockCarriedToClosingBalances() {
    Balance b =
        WarrantyBalance.judge(
            figures("7", "0", "0", "7", "0", "0"),
            List.of(new LotFlow("a", c("7"), ZERO, ZERO, c("7"))),
            List.of(),
            TOLERANCE);
    assertThat(b.balanced()).isTrue();
  }

  @Test
  void aLossLargerThanTheWarrantedInputIsAShortfall() {
    // 10 ct consumed by manufacturing while only 4 ct came in with a warranty
    Balance b =
        WarrantyBalance.judge(
            figures("0", "4", "0", "0", "10", "0"),
            List.of(new LotFlow("rough", ZERO, c("4"), c("10"), ZERO)),
            List.of(new EventFlow("cut", c("10"), ZERO, ZERO, ZERO)),
            TOLERANCE);
    assertThat(b.loss()).isEqualTo(c("10"));
    assertThat(b.shortfall()).isEqualTo(c("6"));
    assertThat(b.breaches()).hasSize(1);
  }

  @Test
  void aManufacturingGainIsADifferenceAndFallsShort() {
    // 10 ct cut into 12 ct, all sold: 2 ct more warranted out than ever came in
    Balance b =
        WarrantyBalance.judge(
            figures("0", "10", "12", "0", "10", "12"),
            List.of(
                new LotFlow("rough", ZERO, c("10"), c("10"), ZERO),
                new LotFlow("polished", ZERO, c("12"), c("12"), ZERO)),
            List.of(new EventFlow("cut", c("10"), c("12"), ZERO, ZERO)),
            TOLERANCE);
    assertThat(b.loss()).isEqualTo(ZERO);
    assertThat(b.shortfall()).isEqualTo(c("2"));
    assertThat(b.breaches()).hasSize(1);
    assertThat(b.differences())
        .singleElement()
        .satisfies(d -> assertThat(d.kind()).isEqualTo(DifferenceKind.MANUFACTURING_GAIN));
  }

  @Test
  void aSurplusIsListedNotFlagged() {
    // 10 ct bought with a warranty, shipped without one
    Balance b =
        WarrantyBalance.judge(
            figures("0", "10", "0", "0", "0", "0"),
            List.of(new LotFlow("a", ZERO, c("10"), ZERO, ZERO)),
            List.of(),
            TOLERANCE);
    assertThat(b.balanced()).isFalse();
    assertThat(b.surplus()).isEqualTo(c("10"));
    assertThat(b.breaches()).isEmpty();
    assertThat(b.differences().get(0).surplus()).isEqualTo(c("10"));
  }

  @Test
  void packingThatChangesTheWeightIsADifference() {
    Balance b =
        WarrantyBalance.judge(
            figures("0", "10", "9", "0", "0", "0"),
            List.of(
                new LotFlow("child", ZERO, c("10"), c("10"), ZERO),
                new LotFlow("parcel", ZERO, c("9"), c("9"), ZERO)),
            List.of(new EventFlow("pack", ZERO, ZERO, c("10"), c("9"))),
            TOLERANCE);
    assertThat(b.surplus()).isEqualTo(c("1"));
    assertThat(b.differences())
        .singleElement()
        .satisfies(d -> assertThat(d.kind()).isEqualTo(DifferenceKind.PACKING));
  }
}
