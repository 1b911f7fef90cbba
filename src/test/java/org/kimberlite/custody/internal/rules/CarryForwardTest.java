package org.kimberlite.custody.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kimberlite.custody.Nature.LABORATORY_GROWN;
import static org.kimberlite.custody.Nature.NATURAL;
import static org.kimberlite.custody.Nature.UNSCREENED;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.kimberlite.custody.Nature;
import org.kimberlite.custody.internal.rules.CarryForward.Carried;
import org.kimberlite.custody.internal.rules.CarryForward.Input;
import org.kimberlite.custody.internal.rules.CarryForward.MayWarrant;
import org.kimberlite.custody.internal.rules.CarryForward.Refused;
import org.kimberlite.shared.ParticipantCode;

/** CUS-05 (what the outputs inherit) and SOW-04 (no warranty without one received). */
class CarryForwardTest {
  static final ParticipantCode BW = ParticipantCode.of("BW");
  static final ParticipantCode CA = ParticipantCode.of("CA");
  static final ParticipantCode ZA = ParticipantCode.of("ZA");

  @Test
  void originsAreTheUnionAndWarrantyNeedsEveryInputWarranted() {
    var out =
        CarryForward.forward(
            List.of(
                new Input(Origins.of(BW), NATURAL, true),
                new Input(Origins.of(CA, BW), NATURAL, true)));
    assertThat(out).isEqualTo(new Carried(Origins.of(BW, CA), NATURAL, true));
    assertThat(((Origins.Listed) ((Carried) out).origins()).participants()).containsExactly(BW, CA);
  }

  @Test
  void oneUnwarrantedInputLeavesTheOutputUnwarranted() {
    var out =
        CarryForward.forward(
            List.of(
                new Input(Origins.of(BW), NATURAL, true),
                new Input(Origins.of(ZA), NATURAL, false)));
    assertThat(out).isEqualTo(new Carried(Origins.of(BW, ZA), NATURAL, false));
  }

  @Test
  void oneMixedInputMakesTheOutputMixed() {
    var out =
        CarryForward.forward(
            List.of(
                new Input(Origins.of(BW), NATURAL, true),
                new Input(Origins.MIXED, UNSCREENED, true)));
    assertThat(out).isEqualTo(new Carried(Origins.MIXED, UNSCREENED, true));
  }

  @Test
  void laboratoryGrownOutputsAreNeverWarranted() {
    var out = CarryForward.forward(List.of(new Input(Origins.of(CA), LABORATORY_GROWN, true)));
    assertThat(out).isEqualTo(new Carried(Origins.of(CA), LABORATORY_GROWN, false));
  }

  @Test
  void inputsThatMayNotBeCombinedAreRefused() {
    var out =
        CarryForward.forward(
            List.of(
                new Input(Origins.of(BW), NATURAL, true),
                new Input(Origins.of(CA), LABORATORY_GROWN, false),
                new Input(Origins.of(ZA), null, true)));
    assertThat(out).isInstanceOf(Refused.class);
    assertThat(out.breaches()).extracting(Breach::rule).containsExactly("LGD-01", "LGD-02");
    assertThat(CarryForward.forward(List.of()).breaches())
        .extracting(Breach::rule)
        .containsExactly("LGD-01");
  }

  @Test
  void aWarrantyMayBeGivenOnlyOnGoodsReceivedWithOne() {
    assertThat(CarryForward.giveWarranty(true)).isEqualTo(new MayWarrant());
    var refused = CarryForward.giveWarranty(false);
    assertThat(refused).isInstanceOf(Refused.class);
    assertThat(refused.breaches())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.rule()).isEqualTo("SOW-04");
              assertThat(b.blocks()).isTrue();
            });
  }

  // ---- properties --------------------------------------------------------------------------

  @Provide
  Arbitrary<List<Input>> inputs() {
    Arbitrary<Origins> listed =
        Arbitraries.of("BW", "CA", "ZA", "RU", "AO", "EU")
            .map(ParticipantCode::of)
            .set()
            .ofMinSize(1)
            .ofMaxSize(4)
            .map(s -> new Origins.Listed(new TreeSet<>(s)));
    Arbitrary<Origins> origins =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(9, listed),
            net.jqwik.api.Tuple.of(1, Arbitraries.just(Origins.MIXED)));
    Arbitrary<Nature> natures =
        Arbitraries.of(NATURAL, NATURAL, NATURAL, UNSCREENED, LABORATORY_GROWN);
    return Combinators.combine(origins, natures, Arbitraries.of(true, true, true, false))
        .as(Input::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(8);
  }

  /** The outcome does not depend on the order of the inputs. */
  @Property
  void orderDoesNotMatter(@ForAll("inputs") List<Input> inputs) {
    List<Input> shuffled = new ArrayList<>(inputs);
    Collections.reverse(shuffled);
    var a = CarryForward.forward(inputs);
    var b = CarryForward.forward(shuffled);
    assertThat(a.getClass()).isEqualTo(b.getClass());
    if (a instanceof Carried) {
      assertThat(a).isEqualTo(b);
    }
  }

  /** Warranted exactly when every input was and the goods are not laboratory-grown. */
  @Property
  void warrantedOnlyWhenEveryInputWas(@ForAll("inputs") List<Input> inputs) {
    if (CarryForward.forward(inputs) instanceof Carried c) {
      assertThat(c.warranted())
          .isEqualTo(c.nature() != LABORATORY_GROWN && inputs.stream().allMatch(Input::warranted));
      assertThat(c.nature() == NATURAL)
          .isEqualTo(inputs.stream().allMatch(i -> i.nature() == NATURAL));
      boolean anyMixed = inputs.stream().anyMatch(i -> i.origins() instanceof Origins.Mixed);
      assertThat(c.origins() instanceof Origins.Mixed).isEqualTo(anyMixed);
      if (c.origins() instanceof Origins.Listed l) {
        for (Input i : inputs) {
          assertThat(l.participants()).containsAll(((Origins.Listed) i.origins()).participants());
        }
      }
    } else {
      assertThat(inputs).extracting(Input::nature).contains(LABORATORY_GROWN);
      assertThat(inputs).extracting(Input::nature).containsAnyOf(NATURAL, UNSCREENED);
    }
  }
}
