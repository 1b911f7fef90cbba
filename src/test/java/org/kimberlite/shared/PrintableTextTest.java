package org.kimberlite.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Identifiers are printable; free text may break lines; both are bounded. */
class PrintableTextTest {

  @Test
  void printableIdentifiersInAnyScriptPass() {
    for (String ok :
        new String[] {"KP-BW-2026-000001", "Société Générale", "Botswana 1", "東京", "a😀"}) {
      assertThat(PrintableText.identifierFault(ok, 100)).as(ok).isEmpty();
    }
  }

  @Test
  void controlsDirectionOverridesZeroWidthAndLoneSurrogatesAreRefusedInIdentifiers() {
    String[] bad = {
      "a\u0000b", "a\u001bb", "a\u007fb", "a\u0085b", "a\u009fb", "a\nb", "a\tb",
      "a\u202Eb", "a\u202Ab", "a\u2066b", "a\u2069b", "a\u200Eb", "a\u200Bb", "a\u200Db",
      "a\uFEFFb", "a\u2028b", "a\uD800b", "a\uDC00", "\uD83D", "a\uFFFFb", "a\uE000b"
    };
    for (String text : bad) {
      assertThat(PrintableText.identifierFault(text, 100))
          .as(PrintableText.quoted(text))
          .isPresent();
    }
  }

  @Test
  void freeTextMayBreakLinesButNotHoldOtherControlsOrOverrides() {
    assertThat(PrintableText.freeTextFault("line one\nline two\r\n\tindented", 100)).isEmpty();
    assertThat(PrintableText.freeTextFault("family 👨\u200D👩\u200D👧", 100)).isEmpty();
    for (String text : new String[] {"a\u0000", "a\u001b[31m", "a\u202Eb", "a\u2067b", "\uDFFF"}) {
      assertThat(PrintableText.freeTextFault(text, 100)).as(PrintableText.quoted(text)).isPresent();
    }
  }

  @Test
  void bothAreBoundedInLength() {
    assertThat(PrintableText.identifierFault("x".repeat(64), 64)).isEmpty();
    assertThat(PrintableText.identifierFault("x".repeat(65), 64))
        .contains("must have at most 64 characters");
    assertThat(PrintableText.freeTextFault("x".repeat(1001), 1000)).isPresent();
  }

  @Test
  void requireRefusesNamingTheField() {
    assertThatThrownBy(() -> PrintableText.requireIdentifier("username", "a\u202Eb", 10))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e -> {
              assertThat(e.field()).isEqualTo("username");
              assertThat(e.reason()).contains("U+202E");
            });
    assertThat(PrintableText.requireFreeText("reason", "fine\n", 10)).isEqualTo("fine\n");
  }

  @Test
  void quotedShowsOnlyPrintableAsciiAndIsShort() {
    assertThat(PrintableText.quoted("a\u202Eb\"")).isEqualTo("\"a\\u202eb\\u0022\"");
    assertThat(PrintableText.quoted("y".repeat(100))).hasSize(43);
  }
}
