package org.kimberlite.diligence.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.diligence.DiligenceReports;
import org.kimberlite.registry.Caller;
import org.kimberlite.shared.problem.Problem;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/organisations/{id}/due-diligence-reports/{year}}: an organisation's yearly
 * due-diligence report (OECD step 5) as JSON, or as PDF with {@code Accept: application/pdf} or the
 * {@code .pdf} suffix.
 */
@RestController
class DiligenceReportApi {
  private final DiligenceReports reports;
  private final MessageSource messages;

  DiligenceReportApi(DiligenceReports reports, MessageSource messages) {
    this.reports = reports;
    this.messages = messages;
  }

  @GetMapping("/api/v1/organisations/{id}/due-diligence-reports/{year}")
  @Operation(
      summary = "An organisation's yearly due-diligence report (as of the end of the year)",
      description =
          "The policies evaluated, the year's findings by rule, severity and status at the year's"
              + " end with their responses, the findings open at the year's end, the warranty"
              + " reconciliation of the year and the RJC and SoW standing. For the organisation,"
              + " its participant's KP authority and the KP secretariat; a past year's report is"
              + " the same whenever asked. Accept: application/pdf gives the PDF.",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "The report",
              content = {
                @Content(
                    mediaType = "application/json",
                    schema = @Schema(type = "object", description = "The report")),
                @Content(
                    mediaType = "application/pdf",
                    schema = @Schema(type = "string", format = "binary"))
              }))
  ResponseEntity<?> report(
      Caller caller,
      @PathVariable String id,
      @PathVariable String year,
      @RequestHeader(value = "Accept", required = false) @Nullable String accept,
      Locale locale) {
    DiligenceReports.Report r =
        ReportDocuments.report(reports.report(caller, uuid(id), ReportDocuments.year(year)));
    if (accept != null && accept.toLowerCase(Locale.ROOT).contains("application/pdf")) {
      return ReportDocuments.pdf(r, messages, locale);
    }
    return ResponseEntity.ok(ReportDocuments.json(r));
  }

  @GetMapping("/api/v1/organisations/{id}/due-diligence-reports/{year}.pdf")
  @Operation(
      summary = "An organisation's yearly due-diligence report as PDF",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "The PDF: the same bytes for the same report",
              content =
                  @Content(
                      mediaType = "application/pdf",
                      schema = @Schema(type = "string", format = "binary"))))
  ResponseEntity<byte[]> pdf(
      Caller caller, @PathVariable String id, @PathVariable String year, Locale locale) {
    return ReportDocuments.pdf(
        ReportDocuments.report(reports.report(caller, uuid(id), ReportDocuments.year(year))),
        messages,
        locale);
  }

  static UUID uuid(String id) {
    try {
      if (id.length() != 36) {
        throw new IllegalArgumentException();
      }
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw Problem.notFound("organisation");
    }
  }
}
