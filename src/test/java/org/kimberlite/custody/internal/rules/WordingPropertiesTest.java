package org.kimberlite.custody.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.kimberlite.custody.Nature;

/**
 * The wording checks over generated text: any text up to the limit is read without an exception,
 * into non-empty lower-case words, and a warranty statement survives being wrapped in any text.
 */
class WordingPropertiesTest {
  @Property
  void anyTextIsCutIntoNonEmptyWords(@ForAll @StringLength(max = 400) String text) {
    for (Words.Word w : Words.of(text)) {
      assertThat(w.text()).isNotEmpty();
      assertThat(w.text()).isEqualTo(w.text().toLowerCase(java.util.Locale.ROOT));
    }
  }

  @Property
  void anyDescriptionIsJudgedWithoutException(@ForAll @StringLength(max = 400) String text) {
    for (Nomenclature.Profile p : Nomenclature.Profile.values()) {
      for (Nature n : Nature.values()) {
        var r = Nomenclature.check(text, n, true, p, Nomenclature.Setting.INVOICE);
        assertThat(r.breaches()).allMatch(b -> b.rule().startsWith("NOM-"));
      }
    }
  }

  @Property
  void aStatementWrappedInOtherTextIsStillRecognised(
      @ForAll @StringLength(max = 200) String before,
      @ForAll @StringLength(max = 200) String after) {
    assertThat(
            WarrantyStatements.classify(
                before + " " + WarrantyStatements.REVISED_TEXT + " " + after))
        .isEqualTo(WarrantyStatements.Kind.REVISED);
  }
}
