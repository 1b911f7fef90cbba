package org.kimberlite.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.kimberlite.governance.AnnualReportStanding;
import org.kimberlite.governance.ReportingYear;

/** Where an annual report stands, at the due date's boundaries; what an attached file is. */
class AnnualReportStandingsTest {
  static final LocalDate DUE = LocalDate.parse("2026-03-31");

  @Test
  void theDefaultDueDateCountsFromTheYearsLastDay() {
    assertThat(AnnualReportStandings.defaultDue(ReportingYear.of(2025), Period.ofMonths(3)))
        .isEqualTo(LocalDate.parse("2026-03-31"));
    assertThat(AnnualReportStandings.defaultDue(ReportingYear.of(2025), Period.ZERO))
        .isEqualTo(LocalDate.parse("2025-12-31"));
  }

  @Test
  void submittedUpToTheEndOfTheDueDateIsOnTimeFromTheNextDayLate() {
    LocalDate later = LocalDate.parse("2027-01-01");
    assertThat(AnnualReportStandings.of(DUE, later, Instant.parse("2026-03-31T00:00:00Z"), false))
        .isEqualTo(AnnualReportStanding.FILED);
    assertThat(
            AnnualReportStandings.of(DUE, later, Instant.parse("2026-03-31T23:59:59.999Z"), true))
        .isEqualTo(AnnualReportStanding.FILED);
    assertThat(AnnualReportStandings.of(DUE, later, Instant.parse("2026-04-01T00:00:00Z"), false))
        .isEqualTo(AnnualReportStanding.FILED_LATE);
    assertThat(AnnualReportStandings.of(DUE, later, Instant.parse("2025-06-01T10:00:00Z"), false))
        .isEqualTo(AnnualReportStanding.FILED);
  }

  @Test
  void nothingSubmittedIsMissingOnlyFromTheDayAfterTheDueDate() {
    assertThat(AnnualReportStandings.of(DUE, DUE, null, false))
        .isEqualTo(AnnualReportStanding.NOT_YET_DUE);
    assertThat(AnnualReportStandings.of(DUE, DUE, null, true))
        .isEqualTo(AnnualReportStanding.DRAFTING);
    assertThat(AnnualReportStandings.of(DUE, DUE.plusDays(1), null, false))
        .isEqualTo(AnnualReportStanding.MISSING);
    assertThat(AnnualReportStandings.of(DUE, DUE.plusDays(1), null, true))
        .isEqualTo(AnnualReportStanding.MISSING);
  }

  @Test
  void aFilesTypeIsReadFromItsBytesAndItsNameMustFit() {
    byte[] pdf = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
    assertThat(AttachmentTypes.of(pdf, "decree.pdf").orElseThrow().mediaType())
        .isEqualTo("application/pdf");
    assertThat(AttachmentTypes.of(pdf, "decree.txt").orElseThrow().fits("decree.txt")).isFalse();
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0};
    assertThat(AttachmentTypes.of(png, "map.PNG").orElseThrow().fits("map.PNG")).isTrue();
    byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0};
    assertThat(AttachmentTypes.of(jpeg, "site.jpeg").orElseThrow().mediaType())
        .isEqualTo("image/jpeg");
    byte[] csv = "year,carats\n2025,24510000\n".getBytes(StandardCharsets.UTF_8);
    assertThat(AttachmentTypes.of(csv, "figures.csv").orElseThrow().mediaType())
        .isEqualTo("text/csv");
    assertThat(AttachmentTypes.of(csv, "figures.txt").orElseThrow().mediaType())
        .isEqualTo("text/plain");
    // a CSV claimed to be a PDF is text: its name does not fit
    assertThat(AttachmentTypes.of(csv, "figures.pdf").orElseThrow().fits("figures.pdf")).isFalse();
    // an executable, a zip, bytes that are not UTF-8, text with control characters: refused
    assertThat(AttachmentTypes.of(new byte[] {'M', 'Z', (byte) 0x90, 0}, "a.txt")).isEmpty();
    assertThat(AttachmentTypes.of(new byte[] {'P', 'K', 3, 4}, "a.txt")).isEmpty();
    assertThat(AttachmentTypes.of(new byte[] {(byte) 0xc3, (byte) 0x28}, "a.txt")).isEmpty();
    assertThat(AttachmentTypes.of("a\u0007b".getBytes(StandardCharsets.UTF_8), "a.txt")).isEmpty();
  }
}
