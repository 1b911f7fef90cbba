package org.kimberlite.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Properties of the shared value types over generated input: any text either parses to a value that
 * round-trips through {@code toString} and JSON, or is refused with an IllegalArgumentException
 * (through JSON: a JacksonException), never another exception; the arithmetic of the quantities
 * keeps its laws and never goes negative.
 */
class ValueTypesPropertiesTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  // ---- text in, value or IllegalArgumentException out -------------------------------------

  @Property
  void caratsFromTextRoundTripOrAreRefused(@ForAll("decimalish") String text) {
    roundTripOrRefused(text, Carats::of, Carats::of, Carats.class);
  }

  @Property
  void caratsFromAnyTextRoundTripOrAreRefused(@ForAll String text) {
    roundTripOrRefused(text, Carats::of, Carats::of, Carats.class);
  }

  @Property
  void usdAmountsFromTextRoundTripOrAreRefused(@ForAll("decimalish") String text) {
    roundTripOrRefused(text, UsdAmount::of, UsdAmount::of, UsdAmount.class);
  }

  @Property
  void usdAmountsFromAnyTextRoundTripOrAreRefused(@ForAll String text) {
    roundTripOrRefused(text, UsdAmount::of, UsdAmount::of, UsdAmount.class);
  }

  @Property
  void usdPerCaratFromAnyDecimalRoundTripsOrIsRefused(@ForAll("decimalish") String text) {
    BigDecimal decimal;
    try {
      decimal = new BigDecimal(text);
    } catch (NumberFormatException notADecimal) {
      return;
    }
    roundTripOrRefused(
        decimal,
        UsdPerCarat::of,
        s -> UsdPerCarat.of(new BigDecimal(s)),
        UsdPerCarat.class,
        decimal.toString());
  }

  @Property
  void participantCodesRoundTripOrAreRefused(@ForAll("codeish") String text) {
    roundTripOrRefused(text, ParticipantCode::of, ParticipantCode::of, ParticipantCode.class);
  }

  @Property
  void participantCodesFromAnyTextRoundTripOrAreRefused(@ForAll String text) {
    roundTripOrRefused(text, ParticipantCode::of, ParticipantCode::of, ParticipantCode.class);
  }

  @Property
  void countryCodesRoundTripOrAreRefused(@ForAll("codeish") String text) {
    roundTripOrRefused(text, CountryCode::of, CountryCode::of, CountryCode.class);
    boolean valid = CountryCode.isValid(text);
    assertThat(refused(() -> CountryCode.of(text))).isEqualTo(!valid);
  }

  @Property
  void countryCodesFromAnyTextRoundTripOrAreRefused(@ForAll String text) {
    roundTripOrRefused(text, CountryCode::of, CountryCode::of, CountryCode.class);
  }

  @Property
  void hsCodesRoundTripOrAreRefused(@ForAll("hsish") String text) {
    roundTripOrRefused(text, HsCode::of, HsCode::of, HsCode.class);
  }

  @Property
  void hsCodesFromAnyTextRoundTripOrAreRefused(@ForAll String text) {
    roundTripOrRefused(text, HsCode::of, HsCode::of, HsCode.class);
  }

  /** Any JSON text read as a value type is a value or a JacksonException, nothing else. */
  @Property
  void anyJsonIsAValueOrAJacksonException(@ForAll("jsonish") String json) {
    for (Class<?> type :
        List.of(
            Carats.class,
            UsdAmount.class,
            UsdPerCarat.class,
            ParticipantCode.class,
            CountryCode.class,
            HsCode.class)) {
      try {
        Object value = JSON.readValue(json, type);
        if (value == null) {
          assertThat(json.strip()).isEqualTo("null");
        }
      } catch (JacksonException refused) {
        // documented refusal
      }
    }
  }

  /** Exponents far out of range are refused (or rounded) at once, not after seconds of CPU. */
  @Property(tries = 50)
  void extremeExponentsAreCheap(@ForAll("exponents") int exponent) {
    BigDecimal tiny = BigDecimal.ONE.scaleByPowerOfTen(-exponent);
    BigDecimal huge = BigDecimal.ONE.scaleByPowerOfTen(exponent);
    assertThat(refused(() -> Carats.of(tiny))).isEqualTo(exponent > 2);
    assertThat(refused(() -> UsdAmount.of(tiny))).isEqualTo(exponent > 2);
    assertThat(refused(() -> Carats.of(huge))).isEqualTo(exponent > 12);
    assertThat(refused(() -> UsdPerCarat.of(huge))).isEqualTo(exponent > 16);
    assertThat(UsdPerCarat.of(tiny).value().signum()).isEqualTo(exponent > 2 ? 0 : 1);
    String json = "1e-" + exponent;
    if (exponent > 2) {
      assertThatThrownBy(() -> JSON.readValue(json, Carats.class))
          .isInstanceOf(JacksonException.class);
    } else {
      assertThat(JSON.readValue(json, Carats.class).value()).isEqualByComparingTo(tiny);
    }
  }

  /** What these properties found, kept as examples. */
  @Example
  void foundByTheProperties() {
    // CountryCode.isValid agreed to "ıd" (dotless i upper-cases to I) which CountryCode.of refuses
    assertThat(CountryCode.isValid("\u0131d")).isFalse();
    assertThat(refused(() -> CountryCode.of("\u0131d"))).isTrue();
    // a nine-character JSON number took minutes of CPU (setScale computed 10^99999999)
    assertThat(refused(() -> Carats.of(new BigDecimal("1e-99999999")))).isTrue();
    assertThatThrownBy(() -> JSON.readValue("1e-99999999", UsdAmount.class))
        .isInstanceOf(JacksonException.class);
    // UsdPerCarat had no bound: 1e999999999 and 1e-999999999 leaked an ArithmeticException, and a
    // 1e999 price was written as a JSON number too long to read back
    assertThat(refused(() -> UsdPerCarat.of(new BigDecimal("1e999999999")))).isTrue();
    assertThat(refused(() -> UsdPerCarat.of(new BigDecimal("1e999")))).isTrue();
    assertThat(UsdPerCarat.of(new BigDecimal("1e-999999999")).value()).isEqualTo("0.00");
    assertThat(UsdPerCarat.of(new BigDecimal("0.005")).value()).isEqualTo("0.00");
    assertThat(UsdPerCarat.of(new BigDecimal("0.015")).value()).isEqualTo("0.02");
  }

  // ---- printable text ------------------------------------------------------------------

  @Property
  void printableTextNeverThrowsAndAgreesWithItsCharacterRules(
      @ForAll String text, @ForAll("lengths") int max) {
    Optional<String> identifier = PrintableText.identifierFault(text, max);
    Optional<String> free = PrintableText.freeTextFault(text, max);
    boolean fits = text.length() <= max;
    assertThat(identifier.isEmpty())
        .isEqualTo(fits && text.codePoints().noneMatch(PrintableText::forbiddenInIdentifier));
    assertThat(free.isEmpty())
        .isEqualTo(fits && text.codePoints().noneMatch(PrintableText::forbiddenInFreeText));
    // every identifier is acceptable free text
    if (identifier.isEmpty()) {
      assertThat(free).isEmpty();
    }
    if (identifier.isPresent()) {
      assertThatThrownBy(() -> PrintableText.requireIdentifier("f", text, max))
          .isInstanceOf(InvalidInput.class);
    } else {
      assertThat(PrintableText.requireIdentifier("f", text, max)).isSameAs(text);
    }
    if (free.isPresent()) {
      assertThatThrownBy(() -> PrintableText.requireFreeText("f", text, max))
          .isInstanceOf(InvalidInput.class);
    } else {
      assertThat(PrintableText.requireFreeText("f", text, max)).isSameAs(text);
    }
    String quoted = PrintableText.quoted(text);
    assertThat(quoted.chars().allMatch(c -> (c >= 0x20 && c < 0x7f) || c == '…')).isTrue();
  }

  // ---- arithmetic ----------------------------------------------------------------------

  @Property
  void caratSumsDoNotDependOnOrder(@ForAll("caratLists") List<Carats> weights, @ForAll long seed) {
    List<Carats> shuffled = new ArrayList<>(weights);
    Collections.shuffle(shuffled, new Random(seed));
    Carats sum;
    try {
      sum = Carats.sum(weights);
    } catch (IllegalArgumentException tooLarge) {
      assertThat(refused(() -> Carats.sum(shuffled))).isTrue();
      return;
    }
    assertThat(Carats.sum(shuffled)).isEqualTo(sum);
    assertThat(sum.value().signum()).isNotNegative();
  }

  @Property
  void usdSumsDoNotDependOnOrder(@ForAll("usdLists") List<UsdAmount> amounts, @ForAll long seed) {
    List<UsdAmount> shuffled = new ArrayList<>(amounts);
    Collections.shuffle(shuffled, new Random(seed));
    UsdAmount sum;
    try {
      sum = UsdAmount.sum(amounts);
    } catch (IllegalArgumentException tooLarge) {
      assertThat(refused(() -> UsdAmount.sum(shuffled))).isTrue();
      return;
    }
    assertThat(UsdAmount.sum(shuffled)).isEqualTo(sum);
    assertThat(sum.value().signum()).isNotNegative();
  }

  @Property
  void caratPlusAndMinusAreInverseAndNeverNegative(
      @ForAll("carats") Carats a, @ForAll("carats") Carats b) {
    try {
      Carats sum = a.plus(b);
      assertThat(sum.minus(b)).isEqualTo(a);
      assertThat(sum.minus(a)).isEqualTo(b);
      assertThat(sum.compareTo(a)).isNotNegative();
    } catch (IllegalArgumentException tooLarge) {
      assertThat(a.value().add(b.value())).isGreaterThan(Carats.MAX);
    }
    if (a.compareTo(b) >= 0) {
      Carats difference = a.minus(b);
      assertThat(difference.value().signum()).isNotNegative();
      assertThat(difference.plus(b)).isEqualTo(a);
    } else {
      assertThat(refused(() -> a.minus(b))).isTrue();
    }
  }

  @Property
  void usdPlusAndMinusAreInverseAndNeverNegative(
      @ForAll("usd") UsdAmount a, @ForAll("usd") UsdAmount b) {
    try {
      UsdAmount sum = a.plus(b);
      assertThat(sum.minus(b)).isEqualTo(a);
      assertThat(sum.minus(a)).isEqualTo(b);
    } catch (IllegalArgumentException tooLarge) {
      assertThat(a.value().add(b.value())).isGreaterThan(UsdAmount.MAX);
    }
    if (a.compareTo(b) >= 0) {
      UsdAmount difference = a.minus(b);
      assertThat(difference.value().signum()).isNotNegative();
      assertThat(difference.plus(b)).isEqualTo(a);
    } else {
      assertThat(refused(() -> a.minus(b))).isTrue();
    }
  }

  @Property
  void pricePerCaratIsNeverNegativeAndEmptyOnlyForZeroCarats(
      @ForAll("usd") UsdAmount amount, @ForAll("carats") Carats weight) {
    Optional<UsdPerCarat> price = amount.per(weight);
    assertThat(price.isEmpty()).isEqualTo(weight.isZero());
    price.ifPresent(p -> assertThat(p.value().signum()).isNotNegative());
    price.ifPresent(p -> assertThat(p.value().scale()).isEqualTo(2));
  }

  // ---- helpers and generators ----------------------------------------------------------

  private static <T> void roundTripOrRefused(
      String text, Function<String, T> parse, Function<String, T> reparse, Class<T> type) {
    roundTripOrRefused(text, parse, reparse, type, text);
  }

  private static <I, T> void roundTripOrRefused(
      I input, Function<I, T> parse, Function<String, T> reparse, Class<T> type, String shown) {
    T value;
    try {
      value = parse.apply(input);
    } catch (IllegalArgumentException refused) {
      return;
    }
    assertThat(reparse.apply(value.toString())).as("toString of %s", shown).isEqualTo(value);
    String json = JSON.writeValueAsString(value);
    assertThat(JSON.readValue(json, type)).as("JSON %s of %s", json, shown).isEqualTo(value);
  }

  private static boolean refused(Runnable r) {
    try {
      r.run();
      return false;
    } catch (IllegalArgumentException e) {
      return true;
    }
  }

  @Provide
  Arbitrary<String> decimalish() {
    return Arbitraries.strings().withChars("0123456789.-+eE \t").ofMaxLength(30);
  }

  @Provide
  Arbitrary<String> codeish() {
    return Arbitraries.strings()
        .withChars("ABZEUbwzİıſ0 \u00aa\u0130")
        .withCharRange('A', 'Z')
        .ofMinLength(0)
        .ofMaxLength(3);
  }

  @Provide
  Arbitrary<String> hsish() {
    return Arbitraries.strings().withChars("0123456789.٠١ ").ofMaxLength(9);
  }

  @Provide
  Arbitrary<String> jsonish() {
    Arbitrary<String> fragments =
        Arbitraries.of(
            "0",
            "1.5",
            "1.234",
            "-1",
            "1e3",
            "1E-400",
            "1e400",
            "\"BW\"",
            "\"bw\"",
            "\"7102.31\"",
            "\"710231\"",
            "\"1.50\"",
            "null",
            "true",
            "[",
            "]",
            "{",
            "}",
            ",",
            ":",
            "\"",
            "9",
            "00",
            ".",
            " ");
    return fragments.list().ofMaxSize(8).map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<Integer> exponents() {
    return Arbitraries.integers()
        .between(0, 999_999_999)
        .edgeCases(c -> c.add(0, 2, 3, 12, 13, 16, 17, 99_999_999, 999_999_999));
  }

  @Provide
  Arbitrary<Integer> lengths() {
    return Arbitraries.integers().between(0, 20);
  }

  @Provide
  Arbitrary<Carats> carats() {
    return hundredths(Carats.MAX).map(Carats::of);
  }

  @Provide
  Arbitrary<UsdAmount> usd() {
    return hundredths(UsdAmount.MAX).map(UsdAmount::of);
  }

  @Provide
  Arbitrary<List<Carats>> caratLists() {
    return carats().list().ofMaxSize(20);
  }

  @Provide
  Arbitrary<List<UsdAmount>> usdLists() {
    return usd().list().ofMaxSize(20);
  }

  private static Arbitrary<BigDecimal> hundredths(BigDecimal max) {
    return Arbitraries.bigDecimals()
        .between(BigDecimal.ZERO, max)
        .ofScale(2)
        .edgeCases(c -> c.add(BigDecimal.ZERO, max, new BigDecimal("0.01")));
  }
}
