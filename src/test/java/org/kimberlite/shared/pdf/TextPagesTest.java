package org.kimberlite.shared.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class TextPagesTest {
  static byte[] render(String extra) {
    TextPages pages = new TextPages("Report 2025", "en").heading("Report 2025");
    for (int i = 0; i < 120; i++) {
      pages.line("Line " + i + " " + "word ".repeat(40));
    }
    return pages.bold("Łódź – Ħal Għargħur ✓").line(extra).render();
  }

  @Test
  void theSameLinesGiveTheSameBytesAndOtherLinesOthers() {
    assertThat(render("x")).isEqualTo(render("x"));
    assertThat(render("x")).isNotEqualTo(render("y"));
  }

  @Test
  void longLinesWrapAtSpacesAcrossPagesAndOddCharactersAreReplaced() throws Exception {
    try (PDDocument doc = Loader.loadPDF(render("the end"))) {
      assertThat(doc.getNumberOfPages()).isGreaterThan(1);
      assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Report 2025");
      assertThat(doc.getDocumentInformation().getCreationDate()).isNull();
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("Line 119 word").contains("the end");
      assertThat(text).contains("Lódz").contains("Hal Gharghur ?");
      assertThat(text).doesNotContain("wor\nd");
    }
  }
}
