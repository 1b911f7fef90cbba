package org.kimberlite.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The value types accept exactly their shape and travel through JSON as plain values. */
class ValueTypesTest {
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void caratsAreExactToTheHundredthAndNeverNegative() {
    assertThat(Carats.of("12.5").value()).isEqualByComparingTo("12.50");
    assertThat(Carats.of("12.5").value().scale()).isEqualTo(2);
    assertThat(Carats.of(new BigDecimal("0.00")).isZero()).isTrue();
    assertThat(Carats.of("1000000000000.00")).isEqualTo(new Carats(Carats.MAX));
    assertThatIllegalArgumentException().isThrownBy(() -> Carats.of("12.345"));
    assertThatIllegalArgumentException().isThrownBy(() -> Carats.of(new BigDecimal("-0.01")));
    assertThatIllegalArgumentException().isThrownBy(() -> Carats.of("1000000000000.01"));
    assertThatIllegalArgumentException().isThrownBy(() -> Carats.of("1e3"));
    assertThatIllegalArgumentException().isThrownBy(() -> Carats.of("-1"));
    assertThatIllegalArgumentException().isThrownBy(() -> Carats.of(""));
    assertThatIllegalArgumentException().isThrownBy(() -> Carats.of("9".repeat(100)));
  }

  @Test
  void caratsAddAndSubtractWithoutGoingBelowZero() {
    assertThat(Carats.sum(List.of(Carats.of("1.25"), Carats.of("2.75")))).isEqualTo(Carats.of(4));
    assertThat(Carats.of(4).minus(Carats.of("4.00"))).isEqualTo(Carats.ZERO);
    assertThatIllegalArgumentException().isThrownBy(() -> Carats.of(1).minus(Carats.of(2)));
    assertThat(Carats.of("2.00"))
        .isEqualTo(Carats.of(new BigDecimal("2")))
        .hasSameHashCodeAs(Carats.of(2));
  }

  @Test
  void usdAmountsAreCentsAndPricePerCaratRoundsHalfEven() {
    assertThat(UsdAmount.of("100").per(Carats.of(3)).orElseThrow())
        .isEqualTo(UsdPerCarat.of(new BigDecimal("33.33")));
    assertThat(UsdAmount.of("0.05").per(Carats.of("2.00")).orElseThrow().value())
        .isEqualByComparingTo("0.02"); // 0.025 -> 0.02 (half-even)
    assertThat(UsdAmount.of("0.07").per(Carats.of("2.00")).orElseThrow().value())
        .isEqualByComparingTo("0.04"); // 0.035 -> 0.04
    assertThat(UsdAmount.of(5).per(Carats.ZERO)).isEmpty();
    assertThatIllegalArgumentException().isThrownBy(() -> UsdAmount.of("0.001"));
    assertThatIllegalArgumentException().isThrownBy(() -> UsdAmount.of("100000000000000.01"));
  }

  @Test
  void codesHaveOneShape() {
    assertThat(ParticipantCode.of("eu")).isEqualTo(ParticipantCode.EU);
    assertThat(CountryCode.of("bw").code()).isEqualTo("BW");
    assertThatIllegalArgumentException().isThrownBy(() -> CountryCode.of("EU"));
    assertThatIllegalArgumentException().isThrownBy(() -> CountryCode.of("XX"));
    assertThatIllegalArgumentException().isThrownBy(() -> ParticipantCode.of("B"));
    assertThatIllegalArgumentException().isThrownBy(() -> ParticipantCode.of("B1"));
    assertThatIllegalArgumentException().isThrownBy(() -> ParticipantCode.of("\u202eB"));
    assertThatIllegalArgumentException().isThrownBy(() -> ParticipantCode.of("BWA"));
    assertThat(HsCode.of("710231")).isEqualTo(HsCode.NON_INDUSTRIAL);
    assertThat(HsCode.NON_INDUSTRIAL.isKpRough()).isTrue();
    assertThat(HsCode.of("7104.91").isKpRough()).isFalse();
    assertThat(HsCode.of("7104.91").isSynthetic()).isTrue();
    assertThatIllegalArgumentException().isThrownBy(() -> HsCode.of("7102.3"));
    assertThatIllegalArgumentException().isThrownBy(() -> HsCode.of("7102.31 "));
  }

  record Line(HsCode hsCode, Carats carats, UsdAmount valueUsd, ParticipantCode to) {}

  @Test
  void valuesTravelThroughJsonAsPlainNumbersAndStrings() {
    Line line =
        new Line(
            HsCode.NON_INDUSTRIAL, Carats.of("10.5"), UsdAmount.of("2000"), ParticipantCode.EU);
    String text = json.writeValueAsString(line);
    assertThat(text)
        .isEqualTo("{\"hsCode\":\"7102.31\",\"carats\":10.50,\"valueUsd\":2000.00,\"to\":\"EU\"}");
    assertThat(json.readValue(text, Line.class)).isEqualTo(line);
  }
}
