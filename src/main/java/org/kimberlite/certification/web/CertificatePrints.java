package org.kimberlite.certification.web;

import org.kimberlite.certification.CertificateRecords;
import org.kimberlite.certification.KpCertificate;
import org.kimberlite.certification.QrLinks;
import org.kimberlite.certification.ReadingCertificates;
import org.kimberlite.certification.Verification;
import org.kimberlite.certification.internal.CertificateLayout;
import org.kimberlite.ledger.LogEntry;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.platform.web.WebProperties;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.Participants;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The printable certificate: an A4 PDF with every Annex I item and a QR code holding the issuing
 * authority's signed compact payload, for the parties and the two authorities (API and console).
 */
@Controller
class CertificatePrints {
  private final ReadingCertificates certificates;
  private final Verification verification;
  private final TransparencyLog log;
  private final WebProperties web;
  private final Participants participants;

  CertificatePrints(
      ReadingCertificates certificates,
      Verification verification,
      TransparencyLog log,
      WebProperties web,
      Participants participants) {
    this.participants = participants;
    this.certificates = certificates;
    this.verification = verification;
    this.log = log;
    this.web = web;
  }

  @GetMapping({"/api/v1/certificates/{number}.pdf", "/console/certificates/{number}.pdf"})
  @org.springframework.web.bind.annotation.ResponseBody
  @io.swagger.v3.oas.annotations.Operation(
      summary = "The printable certificate (PDF, with its verification QR code)",
      responses =
          @io.swagger.v3.oas.annotations.responses.ApiResponse(
              responseCode = "200",
              description = "The PDF",
              content =
                  @io.swagger.v3.oas.annotations.media.Content(
                      mediaType = "application/pdf",
                      schema =
                          @io.swagger.v3.oas.annotations.media.Schema(
                              type = "string",
                              format = "binary"))))
  ResponseEntity<byte[]> pdf(Caller caller, @PathVariable String number) {
    KpCertificate c =
        certificates.get(caller, number).orElseThrow(() -> CertificateProblems.notFound(number));
    String qr = QrLinks.url(web.publicUrl(), c.number(), verification.qrJws(c));
    Long index =
        log.entriesOfRecord(CertificateRecords.CERTIFICATE, number, null).stream()
            .findFirst()
            .map(LogEntry::index)
            .orElse(null);
    String verifyUrl = web.publicUrl().replaceAll("/+$", "") + "/verify/" + c.number();
    // In the exporting participant's language too, where it asked for French (the registry's).
    byte[] pdf =
        CertificateLayout.render(
            c, qr, verifyUrl, index, participants.certificateInFrench(c.issuingParticipant()));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            "Content-Disposition",
            ContentDisposition.inline().filename(c.number() + ".pdf").build().toString())
        .body(pdf);
  }
}
