package org.kimberlite.valuation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kimberlite.shared.UsdPerCarat;
import org.kimberlite.valuation.AssortmentClass;
import org.kimberlite.valuation.Colour;
import org.kimberlite.valuation.Model;
import org.kimberlite.valuation.PriceLine;

/** Reading a price book's CSV: good files, and bad rows named by row and column. */
class PriceBookCsvTest {
  static PriceBookCsv.Read read(String text) {
    return PriceBookCsv.read(text.getBytes(StandardCharsets.UTF_8));
  }

  static List<PriceBookCsv.Fault> faults(String text) {
    return ((PriceBookCsv.Faults) read(text)).faults();
  }

  @Test
  void aGoodFileWithCommentsBlankLinesAndCrlfGivesItsRows() {
    PriceBookCsv.Read r =
        read(
            "# illustrative\r\n\r\nsize,model,quality,colour,usd_per_carat\r\n"
                + "+11-11.5,stones,Q1,white,310.00\r\n"
                + "# a comment among rows\n"
                + "2-4CT, SHAPES ,Q2,CAPE,620\n");
    assertThat(r).isInstanceOf(PriceBookCsv.Rows.class);
    List<PriceLine> lines = ((PriceBookCsv.Rows) r).lines();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).assortment())
        .isEqualTo(AssortmentClass.parse("+11-11.5/STONES/Q1/WHITE"));
    assertThat(lines.get(0).assortment().model()).isEqualTo(Model.STONES);
    assertThat(lines.get(1).assortment().colour()).isEqualTo(Colour.CAPE);
    assertThat(lines.get(1).price()).isEqualTo(UsdPerCarat.of(new java.math.BigDecimal("620.00")));
  }

  @Test
  void badRowsAreNamedByRowAndColumnAndAllReported() {
    List<PriceBookCsv.Fault> f =
        faults(
            "size,model,quality,colour,usd_per_carat\n"
                + "+11-11.5,STONES,Q1,WHITE,310.00\n"
                + "+11-11.5,PEBBLES,Q1,WHITE,1.00\n"
                + "+11-11.5,STONES,Q1,WHITE,12.345\n"
                + "2-4CT,STONES,Q1,PINKISH,-1\n"
                + "2-4CT,STONES,Q1\n"
                + "+11-11.5,STONES,Q1,WHITE,300.00\n"
                + "SAND,CHIPS,Q4,MIXED,abc\n");
    assertThat(f)
        .extracting(PriceBookCsv.Fault::field)
        .containsExactly(
            "row 3, column model",
            "row 4, column usd_per_carat",
            "row 5, column colour",
            "row 5, column usd_per_carat",
            "row 6",
            "row 7",
            "row 8, column usd_per_carat");
    assertThat(f.get(5).reason()).contains("already priced on row 2");
  }

  @Test
  void aZeroPriceIsRefusedAndAOneCentPriceAccepted() {
    assertThat(faults("size,model,quality,colour,usd_per_carat\nSAND,CHIPS,Q4,MIXED,0.00\n"))
        .extracting(PriceBookCsv.Fault::field)
        .containsExactly("row 2, column usd_per_carat");
    assertThat(read("size,model,quality,colour,usd_per_carat\nSAND,CHIPS,Q4,MIXED,0.01\n"))
        .isInstanceOf(PriceBookCsv.Rows.class);
  }

  @Test
  void aWrongHeaderAnEmptyFileAndAFileWithoutRowsAreRefused() {
    assertThat(faults("class,price\nx,1\n").get(0).field()).isEqualTo("row 1");
    assertThat(faults("").get(0).field()).isEqualTo("file");
    assertThat(faults("# nothing\n").get(0).reason()).contains("empty");
    assertThat(faults("size,model,quality,colour,usd_per_carat\n").get(0).reason())
        .contains("no rows");
  }

  @Test
  void bytesThatAreNotUtf8AreRefused() {
    assertThat(PriceBookCsv.read(new byte[] {(byte) 0xff, (byte) 0xfe, 0x41}))
        .isEqualTo(
            new PriceBookCsv.Faults(List.of(new PriceBookCsv.Fault(0, "", "not UTF-8 text"))));
  }

  @Test
  void faultsStopAtTheLimit() {
    StringBuilder csv = new StringBuilder("size,model,quality,colour,usd_per_carat\n");
    for (int i = 0; i < 200; i++) {
      csv.append("SAND,CHIPS,Q4,MIXED,x\n");
    }
    assertThat(faults(csv.toString())).hasSize(PriceBookCsv.MAX_FAULTS);
  }
}
