package org.kimberlite.custody.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.kimberlite.custody.internal.rules.Yield.Band;
import org.kimberlite.custody.internal.rules.Yield.Outside;
import org.kimberlite.custody.internal.rules.Yield.Within;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.InvalidInput;

/** CUS-04 at the edges of the band, and as a property over generated weights. */
class YieldTest {
  static final Yield YIELD = new Yield();

  static Yield.Result check(String rough, String polished) {
    return YIELD.check(Carats.of(rough), Carats.of(polished));
  }

  @Test
  void bothEndsOfTheDefaultBandAreWithin() {
    assertThat(check("100.00", "20.00")).isEqualTo(new Within(new BigDecimal("0.2000")));
    assertThat(check("100.00", "65.00")).isEqualTo(new Within(new BigDecimal("0.6500")));
    assertThat(check("10.00", "4.50")).isEqualTo(new Within(new BigDecimal("0.4500")));
  }

  @Test
  void aHundredthBelowTheBandIsFlaggedWithTheRatio() {
    var r = check("100.00", "19.99");
    assertThat(r).isInstanceOf(Outside.class);
    assertThat(r.ratio()).isEqualByComparingTo("0.1999");
    Breach flag = r.breaches().getFirst();
    assertThat(flag.rule()).isEqualTo("CUS-04");
    assertThat(flag.blocks()).isFalse();
    assertThat(flag.message())
        .contains("19.99 %", "below 20.00 %", "19.99 ct polished", "100.00 ct rough");
  }

  @Test
  void aHundredthAboveTheBandIsFlagged() {
    var r = check("100.00", "65.01");
    assertThat(r).isInstanceOf(Outside.class);
    assertThat(r.breaches().getFirst().message()).contains("65.01 %", "above 65.00 %");
  }

  @Test
  void moreMassOutThanInIsFlaggedAsSuch() {
    var r = check("1.00", "1.50");
    assertThat(r.ratio()).isEqualByComparingTo("1.5");
    assertThat(r.breaches().getFirst().message()).contains("more polished than rough");
    assertThat(check("1.00", "0.00").breaches()).extracting(Breach::rule).containsExactly("CUS-04");
  }

  @Test
  void theComparisonIsExactNotOnTheRoundedRatio() {
    // 2/3 rounds to 0.6667 but a band ending at 0.66667 must still see it as within
    Yield y = new Yield(new Band(new BigDecimal("0.2"), new BigDecimal("0.66667")));
    assertThat(y.check(Carats.of("3.00"), Carats.of("2.00"))).isInstanceOf(Within.class);
    Yield z = new Yield(new Band(new BigDecimal("0.2"), new BigDecimal("0.66666")));
    assertThat(z.check(Carats.of("3.00"), Carats.of("2.00"))).isInstanceOf(Outside.class);
    assertThat(y.check(Carats.of("3.00"), Carats.of("2.00")).ratio())
        .isEqualByComparingTo("0.6667");
  }

  @Test
  void zeroRoughIsRefusedAsInput() {
    assertThatThrownBy(() -> check("0.00", "1.00"))
        .isInstanceOf(InvalidInput.class)
        .satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo("roughCarats"));
  }

  @Test
  void theBandIsConfigurableAndChecked() {
    Yield narrow = new Yield(new Band(new BigDecimal("0.40"), new BigDecimal("0.50")));
    assertThat(narrow.check(Carats.of(100), Carats.of(39))).isInstanceOf(Outside.class);
    assertThat(narrow.check(Carats.of(100), Carats.of(45))).isInstanceOf(Within.class);
    assertThat(YIELD.band()).isEqualTo(Band.DEFAULT);
    assertThatThrownBy(() -> new Band(new BigDecimal("0.7"), new BigDecimal("0.6")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Band(new BigDecimal("-0.1"), new BigDecimal("0.6")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Band(new BigDecimal("0.1"), new BigDecimal("1.01")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Within exactly when 20 × rough ≤ 100 × polished ≤ 65 × rough, in hundredths of a carat. */
  @Property
  void withinExactlyWhenTheIntegerInequalityHolds(
      @ForAll @LongRange(min = 1, max = 100_000_000L) long roughHundredths,
      @ForAll @LongRange(min = 0, max = 100_000_000L) long polishedHundredths) {
    var r =
        YIELD.check(
            Carats.of(BigDecimal.valueOf(roughHundredths, 2)),
            Carats.of(BigDecimal.valueOf(polishedHundredths, 2)));
    boolean within =
        20 * roughHundredths <= 100 * polishedHundredths
            && 100 * polishedHundredths <= 65 * roughHundredths;
    assertThat(r instanceof Within).isEqualTo(within);
    assertThat(r.breaches().isEmpty()).isEqualTo(within);
    assertThat(r.ratio().scale()).isEqualTo(4);
  }
}
