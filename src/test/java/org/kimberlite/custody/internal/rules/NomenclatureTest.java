package org.kimberlite.custody.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kimberlite.custody.Nature.LABORATORY_GROWN;
import static org.kimberlite.custody.Nature.NATURAL;
import static org.kimberlite.custody.Nature.UNSCREENED;
import static org.kimberlite.custody.internal.rules.Nomenclature.Profile.FTC;
import static org.kimberlite.custody.internal.rules.Nomenclature.Profile.ISO_18323;
import static org.kimberlite.custody.internal.rules.Nomenclature.Setting.ELSEWHERE;
import static org.kimberlite.custody.internal.rules.Nomenclature.Setting.INVOICE;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kimberlite.custody.Nature;
import org.kimberlite.custody.internal.rules.Nomenclature.Compliant;
import org.kimberlite.custody.internal.rules.Nomenclature.Profile;
import org.kimberlite.custody.internal.rules.Nomenclature.Result;
import org.kimberlite.shared.InvalidInput;

/** NOM-01 to NOM-03 under both profiles, each accepted and refused. */
class NomenclatureTest {
  static Result lab(String text, Profile profile) {
    return Nomenclature.check(text, LABORATORY_GROWN, false, profile, INVOICE);
  }

  static Result treated(String text, Nature nature, Profile profile) {
    return Nomenclature.check(text, nature, true, profile, INVOICE);
  }

  static List<String> rules(Result r) {
    return r.breaches().stream().map(Breach::rule).toList();
  }

  // ---- natural and unscreened goods ----------------------------------------------------------

  @Test
  void unqualifiedDiamondIsWhatNaturalGoodsAre() {
    for (Profile p : Profile.values()) {
      for (Nature n : new Nature[] {NATURAL, UNSCREENED}) {
        assertThat(
                Nomenclature.check(
                    "1.02 ct round natural diamond, real and genuine", n, false, p, INVOICE))
            .isEqualTo(new Compliant());
        assertThat(Nomenclature.check(null, n, false, p, INVOICE)).isEqualTo(new Compliant());
      }
    }
  }

  // ---- NOM-01 --------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1.02 ct laboratory-grown diamond, round brilliant",
        "Laboratory Grown Diamond",
        "LABORATORY\u2011CREATED DIAMONDS, melee",
        "synthetic diamond",
        "“laboratory–grown” diamond",
        "ring with 0.50 ct laboratory-grown diamond and 12 laboratory-created diamonds",
        "laboratory-grown, 1.02 ct, round, LG VS1"
      })
  void permittedQualifiersPassUnderIso(String text) {
    assertThat(lab(text, ISO_18323)).as(text).isEqualTo(new Compliant());
    assertThat(lab(text, FTC)).as(text).isEqualTo(new Compliant());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "lab-grown diamond",
        "lab created diamond",
        "lab diamond",
        "man-made diamond",
        "Acme-created diamond",
        "laboratory-grown cultured diamond",
        "cultured laboratory-grown diamond"
      })
  void theFtcAlsoAcceptsLikeWordsAndManufacturerCreated(String text) {
    assertThat(lab(text, FTC)).as(text).isEqualTo(new Compliant());
  }

  @Test
  void anUnqualifiedDiamondOnLaboratoryGrownGoodsIsRefusedOnInvoicesAndFlaggedElsewhere() {
    Result invoice = lab("1.02 ct round diamond", ISO_18323);
    assertThat(rules(invoice)).containsExactly("NOM-01");
    assertThat(invoice.blocks()).isTrue();
    assertThat(invoice.breaches().getFirst().message()).startsWith("word 4 ('diamond')");
    Result listing =
        Nomenclature.check("1.02 ct round diamond", LABORATORY_GROWN, false, FTC, ELSEWHERE);
    assertThat(rules(listing)).containsExactly("NOM-01");
    assertThat(listing.blocks()).isFalse();
  }

  @Test
  void theQualifierMustBeRightBeforeDiamond() {
    assertThat(rules(lab("laboratory-grown round brilliant diamond", ISO_18323)))
        .containsExactly("NOM-01");
    assertThat(rules(lab("diamond, laboratory-grown", FTC))).containsExactly("NOM-01");
  }

  @Test
  void everyUnqualifiedDiamondIsReported() {
    Result r =
        lab("laboratory-grown diamond pendant with diamond accents and a diamond chain", FTC);
    assertThat(rules(r)).containsExactly("NOM-01", "NOM-01");
    assertThat(r.breaches()).extracting(Breach::message).allMatch(m -> m.contains("'diamond'"));
  }

  @Test
  void manufacturerCreatedAndManMadeAreNotIsoTerms() {
    assertThat(rules(lab("Acme-created diamond", ISO_18323))).containsExactly("NOM-01");
    assertThat(rules(lab("man-made diamond", ISO_18323))).containsExactly("NOM-01");
    assertThat(rules(lab("newly created diamond", FTC))).containsExactly("NOM-01");
  }

  @Test
  void imitationAndFauxAreNoDisclosureOfLaboratoryGrownGoods() {
    assertThat(rules(lab("faux diamond", FTC))).containsExactly("NOM-01");
    assertThat(rules(lab("imitation diamond", ISO_18323))).containsExactly("NOM-01");
  }

  @Test
  void laboratoryGrownGoodsMustBeDisclosedEvenWithoutTheWordDiamond() {
    Result r = lab("1.02 ct round brilliant, G VS1", ISO_18323);
    assertThat(rules(r)).containsExactly("NOM-01");
    assertThat(r.breaches().getFirst().message()).contains("does not say");
    assertThat(rules(lab("", FTC))).containsExactly("NOM-01");
  }

  // ---- NOM-02 --------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"real", "genuine", "natural", "precious", "authentic"})
  void theseWordsAreNeverUsedForLaboratoryGrownGoods(String word) {
    for (Profile p : Profile.values()) {
      Result r = lab("laboratory-grown diamond, " + word, p);
      assertThat(rules(r)).as(p + " " + word).containsExactly("NOM-02");
      assertThat(r.blocks()).isTrue();
      assertThat(r.breaches().getFirst().message()).contains("'" + word + "'");
    }
  }

  @Test
  void aNegatedWordIsNoClaim() {
    assertThat(lab("laboratory-grown diamond, not natural", ISO_18323)).isEqualTo(new Compliant());
    assertThat(lab("laboratory-grown diamond (non-natural)", FTC)).isEqualTo(new Compliant());
    assertThat(lab("synthetic diamond, no natural stones", FTC)).isEqualTo(new Compliant());
  }

  @Test
  void semiPreciousIsCaughtAsPrecious() {
    assertThat(rules(lab("semi-precious synthetic diamond", FTC))).containsExactly("NOM-02");
  }

  @Test
  void culturedIsNeverUsedUnderIso() {
    assertThat(rules(lab("cultured laboratory-grown diamond", ISO_18323)))
        .containsExactly("NOM-02");
    assertThat(rules(lab("cultivated diamond", ISO_18323))).containsExactly("NOM-02", "NOM-01");
  }

  @Test
  void culturedIsAllowedByTheFtcOnlyNextToAQualifier() {
    Result alone = lab("cultured diamond", FTC);
    assertThat(rules(alone)).containsExactly("NOM-02", "NOM-01");
    assertThat(alone.breaches().getFirst().message()).contains("only right next to a qualifier");
    assertThat(rules(lab("cultured round laboratory-grown diamond", FTC)))
        .containsExactly("NOM-02");
  }

  @Test
  void isoRefusesAbbreviationsOnceEach() {
    assertThat(rules(lab("lab-grown diamond", ISO_18323))).containsExactly("NOM-02");
    assertThat(lab("lab-grown diamond", ISO_18323).breaches().getFirst().message())
        .contains("'lab-grown'", "abbreviation");
    assertThat(rules(lab("lab diamond", ISO_18323))).containsExactly("NOM-02");
    assertThat(rules(lab("syn diamond", ISO_18323))).containsExactly("NOM-02");
    assertThat(rules(lab("1.02 ct LGD, round", ISO_18323))).containsExactly("NOM-02");
    assertThat(rules(lab("LGDs, melee", ISO_18323))).containsExactly("NOM-02");
    assertThat(rules(lab("labgrown diamonds", ISO_18323))).containsExactly("NOM-02");
    // the abbreviations are fine under the FTC, and "lab report" is no abbreviation of a qualifier
    assertThat(lab("1.02 ct LGD, lab-grown diamond", FTC)).isEqualTo(new Compliant());
    assertThat(lab("synthetic diamond, lab report enclosed", ISO_18323)).isEqualTo(new Compliant());
  }

  @Test
  void gemIsNotUsedForLaboratoryGrownGoodsUnderIso() {
    assertThat(rules(lab("gem laboratory-grown diamond", ISO_18323))).containsExactly("NOM-02");
    assertThat(lab("gem laboratory-grown diamond", FTC)).isEqualTo(new Compliant());
  }

  @Test
  void everyViolationIsReportedInWordOrder() {
    Result r = lab("Real genuine cultured lab-grown diamond, precious", ISO_18323);
    assertThat(rules(r)).containsExactly("NOM-02", "NOM-02", "NOM-02", "NOM-02", "NOM-02");
    assertThat(r.breaches())
        .extracting(b -> b.message().substring(0, 6))
        .containsExactly("word 1", "word 2", "word 3", "word 4", "word 7");
  }

  @Test
  void lookAlikeLettersAndInvisibleCharactersDoNotHideAWord() {
    // Cyrillic а in "nаtural", a zero-width space inside "real", full-width "GENUINE"
    assertThat(rules(lab("laboratory-grown diamond, n\u0430tural", ISO_18323)))
        .containsExactly("NOM-02");
    assertThat(rules(lab("laboratory-grown diamond, re\u200Bal", ISO_18323)))
        .containsExactly("NOM-02");
    assertThat(rules(lab("laboratory-grown diamond, ＧＥＮＵＩＮＥ", FTC))).containsExactly("NOM-02");
  }

  // ---- NOM-03 --------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(
      strings = {
        "treated diamond",
        "HPHT-treated diamond",
        "diamond, colour treatment",
        "fracture-filled diamond",
        "laser drilled diamond",
        "irradiated diamond",
        "coated diamond",
        "diamond (high pressure high temperature)"
      })
  void aTreatedStoneNamedAsTreatedPasses(String text) {
    for (Profile p : Profile.values()) {
      assertThat(treated(text, NATURAL, p)).as(text).isEqualTo(new Compliant());
    }
  }

  @Test
  void aTreatedStoneWithoutDisclosureIsRefused() {
    Result r = treated("1.02 ct round diamond", NATURAL, FTC);
    assertThat(rules(r)).containsExactly("NOM-03");
    assertThat(r.blocks()).isTrue();
    assertThat(rules(treated("untreated diamond", NATURAL, ISO_18323))).containsExactly("NOM-03");
    assertThat(rules(treated("diamond, not treated", NATURAL, ISO_18323)))
        .containsExactly("NOM-03");
    assertThat(rules(treated("clarity enhanced diamond", NATURAL, FTC))).containsExactly("NOM-03");
  }

  @Test
  void improvedIsNeverUsedForATreatedStone() {
    assertThat(rules(treated("improved colour diamond, treated", NATURAL, FTC)))
        .containsExactly("NOM-03");
    assertThat(rules(treated("improved diamond", NATURAL, ISO_18323)))
        .containsExactly("NOM-03", "NOM-03");
    // an untreated stone is not judged by NOM-03
    assertThat(Nomenclature.check("improved setting, diamond", NATURAL, false, ISO_18323, INVOICE))
        .isEqualTo(new Compliant());
  }

  @Test
  void isoSaysTreatedDiamondWithoutNatural() {
    assertThat(rules(treated("treated natural diamond", NATURAL, ISO_18323)))
        .containsExactly("NOM-03");
    assertThat(rules(treated("natural treated diamonds", NATURAL, ISO_18323)))
        .containsExactly("NOM-03");
    assertThat(treated("treated natural diamond", NATURAL, FTC)).isEqualTo(new Compliant());
  }

  @Test
  void aTreatedLaboratoryGrownStoneAnswersToBothRules() {
    assertThat(treated("HPHT-treated laboratory-grown diamond", LABORATORY_GROWN, ISO_18323))
        .isEqualTo(new Compliant());
    assertThat(rules(treated("real diamond", LABORATORY_GROWN, ISO_18323)))
        .containsExactly("NOM-02", "NOM-01", "NOM-03");
  }

  // ---- input -----------------------------------------------------------------------------------

  @Test
  void anOverlongDescriptionIsRefusedAsInput() {
    String longText = "a".repeat(Nomenclature.MAX_DESCRIPTION_LENGTH + 1);
    assertThatThrownBy(() -> lab(longText, FTC))
        .isInstanceOf(InvalidInput.class)
        .satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo("description"));
    assertThat(rules(lab("a".repeat(Nomenclature.MAX_DESCRIPTION_LENGTH), FTC)))
        .containsExactly("NOM-01");
  }
}
