package org.kimberlite.custody.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kimberlite.custody.Nature.LABORATORY_GROWN;
import static org.kimberlite.custody.Nature.NATURAL;
import static org.kimberlite.custody.Nature.UNSCREENED;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kimberlite.custody.Nature;
import org.kimberlite.custody.internal.rules.Segregation.Changed;
import org.kimberlite.custody.internal.rules.Segregation.Cleared;
import org.kimberlite.custody.internal.rules.Segregation.Combined;
import org.kimberlite.custody.internal.rules.Segregation.Contradicted;
import org.kimberlite.custody.internal.rules.Segregation.Refused;
import org.kimberlite.custody.internal.rules.Segregation.Unchanged;
import org.kimberlite.shared.InvalidInput;

/** LGD-01 to LGD-04, each accepted and refused, and every pair of natures combined. */
class SegregationTest {
  static List<Nature> natures(Nature... n) {
    return Arrays.asList(n);
  }

  static List<String> rules(List<Breach> breaches) {
    return breaches.stream().map(Breach::rule).toList();
  }

  // ---- LGD-01 / LGD-02: combining ----------------------------------------------------------

  @Test
  void likeCombinesWithLike() {
    assertThat(Segregation.combine(natures(NATURAL, NATURAL))).isEqualTo(new Combined(NATURAL));
    assertThat(Segregation.combine(natures(LABORATORY_GROWN, LABORATORY_GROWN)))
        .isEqualTo(new Combined(LABORATORY_GROWN));
    assertThat(Segregation.combine(natures(UNSCREENED))).isEqualTo(new Combined(UNSCREENED));
  }

  @Test
  void naturalWithUnscreenedIsUnscreened() {
    assertThat(Segregation.combine(natures(NATURAL, UNSCREENED, NATURAL)))
        .isEqualTo(new Combined(UNSCREENED));
  }

  @Test
  void laboratoryGrownWithNaturalIsRefused() {
    var c = Segregation.combine(natures(NATURAL, LABORATORY_GROWN, NATURAL));
    assertThat(c).isInstanceOf(Refused.class);
    assertThat(rules(c.breaches())).containsExactly("LGD-02");
    assertThat(c.breaches().getFirst().message())
        .contains("input 2", "natural goods (inputs 1, 3)");
    assertThat(c.breaches().getFirst().blocks()).isTrue();
  }

  @Test
  void laboratoryGrownWithUnscreenedIsRefused() {
    var c = Segregation.combine(natures(UNSCREENED, LABORATORY_GROWN));
    assertThat(rules(c.breaches())).containsExactly("LGD-02");
    assertThat(c.breaches().getFirst().message()).contains("unscreened goods (input 1)");
  }

  @Test
  void aMissingNatureIsRefusedAndReportedWithAMix() {
    var c = Segregation.combine(natures(NATURAL, null, LABORATORY_GROWN, null));
    assertThat(rules(c.breaches())).containsExactly("LGD-01", "LGD-02");
    assertThat(c.breaches().getFirst().message()).contains("inputs 2, 4 have none");
    assertThat(rules(Segregation.combine(natures((Nature) null)).breaches()))
        .containsExactly("LGD-01");
  }

  @Test
  void noInputsGiveNoNature() {
    assertThat(rules(Segregation.combine(List.of()).breaches())).containsExactly("LGD-01");
  }

  @Test
  void everyPairOfNaturesCombinesAsDocumented() {
    for (Nature a : Nature.values()) {
      for (Nature b : Nature.values()) {
        var c = Segregation.combine(natures(a, b));
        boolean lab = a == LABORATORY_GROWN || b == LABORATORY_GROWN;
        if (lab && a != b) {
          assertThat(c).as(a + "+" + b).isInstanceOf(Refused.class);
        } else if (lab) {
          assertThat(c).isEqualTo(new Combined(LABORATORY_GROWN));
        } else if (a == NATURAL && b == NATURAL) {
          assertThat(c).isEqualTo(new Combined(NATURAL));
        } else {
          assertThat(c).as(a + "+" + b).isEqualTo(new Combined(UNSCREENED));
        }
        var swapped = Segregation.combine(natures(b, a));
        assertThat(swapped.getClass()).isEqualTo(c.getClass());
        if (c instanceof Combined) {
          assertThat(swapped).isEqualTo(c);
        }
      }
    }
  }

  @Test
  void tooManyInputsAreRefusedAsInput() {
    List<Nature> many = Collections.nCopies(Segregation.MAX_INPUTS + 1, NATURAL);
    assertThatThrownBy(() -> Segregation.combine(many)).isInstanceOf(InvalidInput.class);
    assertThat(Segregation.combine(many.subList(0, Segregation.MAX_INPUTS)))
        .isEqualTo(new Combined(NATURAL));
  }

  @Test
  void longListsOfInputsAreShortenedInMessages() {
    List<Nature> many = new java.util.ArrayList<>(Collections.nCopies(15, (Nature) null));
    many.add(NATURAL);
    String m = Segregation.combine(many).breaches().getFirst().message();
    assertThat(m).contains("inputs 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 5 more have none");
  }

  // ---- LGD-03: KP certificate and warranty -------------------------------------------------

  @Test
  void naturalGoodsClearWithoutFlag() {
    assertThat(Segregation.onKpCertificate(natures(NATURAL, NATURAL)))
        .isEqualTo(new Cleared(NATURAL, List.of()));
    assertThat(Segregation.underWarranty(natures(NATURAL)))
        .isEqualTo(new Cleared(NATURAL, List.of()));
  }

  @Test
  void laboratoryGrownGoodsNeverGoOnACertificateOrUnderAWarranty() {
    var kp = Segregation.onKpCertificate(natures(LABORATORY_GROWN));
    assertThat(kp).isInstanceOf(Refused.class);
    assertThat(rules(kp.breaches())).containsExactly("LGD-03");
    assertThat(kp.breaches().getFirst().message()).contains("KP certificate");
    var sow = Segregation.underWarranty(natures(LABORATORY_GROWN, LABORATORY_GROWN));
    assertThat(rules(sow.breaches())).containsExactly("LGD-03");
    assertThat(sow.breaches().getFirst().message()).contains("System of Warranties");
  }

  @Test
  void unscreenedGoodsClearWithAFlag() {
    var c = Segregation.underWarranty(natures(NATURAL, UNSCREENED));
    assertThat(c).isInstanceOf(Cleared.class);
    assertThat(((Cleared) c).nature()).isEqualTo(UNSCREENED);
    assertThat(c.breaches())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.rule()).isEqualTo("LGD-03");
              assertThat(b.blocks()).isFalse();
            });
  }

  @Test
  void aMixedOrNatureLessParcelIsRefusedBeforeClearing() {
    assertThat(rules(Segregation.onKpCertificate(natures(NATURAL, LABORATORY_GROWN)).breaches()))
        .containsExactly("LGD-02");
    assertThat(rules(Segregation.underWarranty(natures(NATURAL, null)).breaches()))
        .containsExactly("LGD-01");
  }

  // ---- LGD-04: screening -------------------------------------------------------------------

  @Test
  void unscreenedGoodsTakeTheResult() {
    assertThat(Segregation.screen(UNSCREENED, NATURAL)).isEqualTo(new Changed(UNSCREENED, NATURAL));
    assertThat(Segregation.screen(UNSCREENED, LABORATORY_GROWN))
        .isEqualTo(new Changed(UNSCREENED, LABORATORY_GROWN));
  }

  @Test
  void aConfirmationOrAnInconclusiveResultChangesNothing() {
    for (Nature n : Nature.values()) {
      assertThat(Segregation.screen(n, n)).isEqualTo(new Unchanged(n));
      assertThat(Segregation.screen(n, UNSCREENED)).isEqualTo(new Unchanged(n));
    }
  }

  @Test
  void naturalGoodsFoundLaboratoryGrownAreFlaggedForTheUpstreamHolders() {
    var s = Segregation.screen(NATURAL, LABORATORY_GROWN);
    assertThat(s).isInstanceOf(Contradicted.class);
    Contradicted c = (Contradicted) s;
    assertThat(c.to()).isEqualTo(LABORATORY_GROWN);
    assertThat(c.flag().rule()).isEqualTo("LGD-04");
    assertThat(c.flag().blocks()).isFalse();
    assertThat(c.flag().message()).contains("upstream holder");
  }

  @Test
  void laboratoryGrownGoodsAreNotMadeNaturalByAScreening() {
    var s = Segregation.screen(LABORATORY_GROWN, NATURAL);
    assertThat(s).isInstanceOf(Refused.class);
    assertThat(rules(s.breaches())).containsExactly("LGD-04");
    assertThat(s.breaches().getFirst().blocks()).isTrue();
  }

  @Test
  void screeningGoodsWithoutANatureIsRefused() {
    assertThat(rules(Segregation.screen(null, NATURAL).breaches())).containsExactly("LGD-01");
  }
}
