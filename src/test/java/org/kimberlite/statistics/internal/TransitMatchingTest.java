package org.kimberlite.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TransitMatchingTest {

  static TransitMatching.Result match(long[] exports, long[] imports, int lag) {
    return TransitMatching.match(exports, imports, lag);
  }

  @Test
  void withoutLagEachQuarterMeetsOnlyItself() {
    var r = match(new long[] {100, 50, 0}, new long[] {90, 70, 5}, 0);
    assertThat(r.unmatchedExports()).containsExactly(10, 0, 0);
    assertThat(r.unmatchedImports()).containsExactly(0, 20, 5);
  }

  @Test
  void aShipmentReceivedOneQuarterLaterMatchesWithALagOfOne() {
    var r = match(new long[] {100, 0}, new long[] {0, 100}, 1);
    assertThat(r.unmatchedExports()).containsExactly(0, 0);
    assertThat(r.unmatchedImports()).containsExactly(0, 0);
  }

  @Test
  void shipmentsThatAlwaysArriveAQuarterLateMatchWhateverTheirSize() {
    // issued 100, 300, 50 and received a quarter later: a window of two quarters would flag this
    var r = match(new long[] {100, 300, 50, 0}, new long[] {0, 100, 300, 50}, 1);
    assertThat(r.unmatchedExports()).containsOnly(0);
    assertThat(r.unmatchedImports()).containsOnly(0);
  }

  @Test
  void aSteadyPartialDelayMatches() {
    // 30 of every 100 arrive the quarter after
    var r = match(new long[] {100, 100, 100, 0}, new long[] {70, 100, 100, 30}, 1);
    assertThat(r.unmatchedExports()).containsOnly(0);
    assertThat(r.unmatchedImports()).containsOnly(0);
  }

  @Test
  void aMissingReceiptIsLeftInItsOwnQuarterNotCarriedDownTheChain() {
    var r = match(new long[] {100, 100, 100}, new long[] {0, 100, 100}, 1);
    assertThat(r.unmatchedExports()).containsExactly(100, 0, 0);
    assertThat(r.unmatchedImports()).containsExactly(0, 0, 0);
  }

  @Test
  void anExtraImportIsLeftInItsOwnQuarter() {
    var r = match(new long[] {100, 100, 0}, new long[] {100, 100, 100}, 1);
    assertThat(r.unmatchedExports()).containsExactly(0, 0, 0);
    assertThat(r.unmatchedImports()).containsExactly(0, 0, 100);
  }

  @Test
  void importsNeverMatchLaterExports() {
    var r = match(new long[] {0, 100}, new long[] {100, 0}, 2);
    assertThat(r.unmatchedExports()).containsExactly(0, 100);
    assertThat(r.unmatchedImports()).containsExactly(100, 0);
  }

  @Test
  void aLongerLagReachesFurther() {
    long[] exports = {100, 0, 0};
    long[] imports = {0, 0, 100};
    assertThat(match(exports, imports, 1).unmatchedExports()).containsExactly(100, 0, 0);
    assertThat(match(exports, imports, 2).unmatchedExports()).containsExactly(0, 0, 0);
  }

  @Test
  void refusesQuartersThatDoNotLineUp() {
    assertThatThrownBy(() -> match(new long[] {1}, new long[] {1, 2}, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
