package org.kimberlite.certification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.kimberlite.certification.CertificateLine;
import org.kimberlite.certification.CertificateStatus;
import org.kimberlite.certification.KpCertificate;
import org.kimberlite.certification.Party;
import org.kimberlite.certification.SampleCertificates;
import org.kimberlite.certification.documents.CertificatePdfReader;

/** The printed certificate: its layout ({@link CertificateLayout}) and its read-back. */
class CertificatePdfTest {
  private final KpCertificate certificate = SampleCertificates.botswanaToBelgium();
  private final String qrContent = SampleCertificates.qrLink(certificate);
  private final String verifyUrl = SampleCertificates.verifyUrl(certificate);

  private byte[] render() {
    return CertificateLayout.render(
        certificate, qrContent, verifyUrl, SampleCertificates.LOG_INDEX);
  }

  @Test
  void rendersOneA4Page() throws IOException {
    byte[] pdf = render();
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "certificate-sample.pdf"), pdf);

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isEqualTo(1);
      PDRectangle box = document.getPage(0).getMediaBox();
      assertThat(box.getWidth()).isEqualTo(PDRectangle.A4.getWidth());
      assertThat(box.getHeight()).isEqualTo(PDRectangle.A4.getHeight());
    }
  }

  @Test
  void carriesEveryAnnexOneItem() throws IOException {
    String text = text(render());

    assertThat(text)
        .contains(KpCertificate.TITLE)
        .contains(KpCertificate.STATEMENT)
        .contains("BW-2025-004711")
        .contains("Botswana (BW)")
        .contains("Diamond Hub, Ministry of Minerals and Energy")
        .contains("Okavango Rough Trading (Pty) Ltd")
        .contains("Maison Étoile Joaillerie")
        .contains("Belgium (BE)")
        .contains("European Union (EU)")
        .contains("2025-03-03")
        .contains("2025-06-01")
        .contains("7102.10 Diamonds, unsorted 1,250.40 187,560.00")
        .contains(
            "7102.31 Non-industrial diamonds, unworked or simply sawn, cleaved or bruted"
                + " 845.15 412,300.00")
        .contains(
            "7102.21 Industrial diamonds, unworked or simply sawn, cleaved or bruted"
                + " 3,210.00 48,150.00")
        .contains("5,305.55")
        .contains("USD 648,010.00")
        .contains("NUMBER OF PARCELS 3")
        .contains("BW-SEAL-88213")
        .contains("ISSUED")
        .contains("bw-kpa-2025-01")
        .contains("transparency log index 1234")
        .contains("Scan to verify: " + verifyUrl);
  }

  @Test
  void describesTheDocumentAndStoresThePayload() throws IOException {
    try (PDDocument document = Loader.loadPDF(render())) {
      PDDocumentInformation info = document.getDocumentInformation();
      assertThat(info.getTitle()).isEqualTo("Kimberley Process Certificate BW-2025-004711");
      assertThat(info.getSubject()).contains("BW-2025-004711");
      assertThat(info.getProducer()).isEqualTo("Kimberlite");
      assertThat(info.getCustomMetadataValue(CertificatePdfReader.PAYLOAD_KEY))
          .isEqualTo(qrContent);
    }
  }

  @Test
  void extractsTheStoredPayload() {
    assertThat(CertificatePdfReader.extractPayload(render())).isEqualTo(qrContent);
  }

  @Test
  void findsThePayloadInThePrintedQrCodeAlone() throws IOException {
    byte[] stripped;
    try (PDDocument document = Loader.loadPDF(render())) {
      document
          .getDocumentInformation()
          .getCOSObject()
          .removeItem(COSName.getPDFName(CertificatePdfReader.PAYLOAD_KEY));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      stripped = out.toByteArray();
    }
    try (PDDocument document = Loader.loadPDF(stripped)) {
      assertThat(
              document
                  .getDocumentInformation()
                  .getCustomMetadataValue(CertificatePdfReader.PAYLOAD_KEY))
          .isNull();
    }

    assertThat(CertificatePdfReader.extractPayload(stripped)).isEqualTo(qrContent);
  }

  @Test
  void replacesCharactersTheStandardFontsCannotShow() throws IOException {
    KpCertificate polish =
        withImporter(certificate, SampleCertificates.party("Łódź Diamenty 钻石 ✓ Sp. z o.o.", "PL"));

    String text = text(CertificateLayout.render(polish, qrContent, verifyUrl, null));

    assertThat(text)
        .contains("Lódz Diamenty ?? ? Sp. z o.o.")
        .contains("Poland (PL)")
        .contains("not yet recorded in the transparency log");
  }

  @Test
  void aCancelledCertificateInBothLanguagesSaysSoInBoth() throws IOException {
    KpCertificate unsigned = withSignatureAndStatus(certificate, "", CertificateStatus.CANCELLED);

    byte[] pdf = CertificateLayout.render(unsigned, qrContent, verifyUrl, null, true);
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "certificate-cancelled-fr.pdf"), pdf);

    assertThat(text(pdf))
        .contains("CANCELLED / ANNULÉ")
        .contains("not stated / non indiquée")
        .contains("not yet logged / pas encore inscrit");
    assertThat(CertificatePdfReader.extractPayload(withoutPayloadEntry(pdf))).isEqualTo(qrContent);
  }

  @Test
  void saysSoWhenTheSignatureHeaderIsUnreadable() throws IOException {
    KpCertificate unsigned = withSignatureAndStatus(certificate, "", CertificateStatus.CANCELLED);

    byte[] pdf = CertificateLayout.render(unsigned, qrContent, verifyUrl, 7L);
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "certificate-cancelled.pdf"), pdf);

    assertThat(text(pdf)).contains("not stated in the signature").contains("CANCELLED");
    assertThat(CertificatePdfReader.extractPayload(withoutPayloadEntry(pdf))).isEqualTo(qrContent);
  }

  @Test
  void continuesLongShipmentsOnAnotherSheetKeepingTheQrCodeOnPageOne() throws IOException {
    List<CertificateLine> lines = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      lines.add(SampleCertificates.line(i % 2 == 0 ? "7102.10" : "7102.31", i + ".25", "1000.00"));
    }
    KpCertificate large = certificate.withLines(lines);

    byte[] pdf = CertificateLayout.render(large, qrContent, verifyUrl, 5L);

    String text = text(pdf);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isBetween(2, 3);
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setStartPage(1);
      stripper.setEndPage(1);
      assertThat(stripper.getText(document)).contains("continuation sheet");
    }
    for (int i = 0; i < 40; i++) {
      assertThat(text).contains(" " + i + ".25 1,000.00");
    }
    assertThat(text).contains("40 lines").contains("USD 40,000.00");
  }

  @Test
  void refusesWhatIsNotACertificatePdf() throws IOException {
    assertThatThrownBy(() -> CertificatePdfReader.extractPayload(new byte[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Not a readable PDF");
    byte[] blank;
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage(PDRectangle.A4));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      blank = out.toByteArray();
    }
    assertThatThrownBy(() -> CertificatePdfReader.extractPayload(blank))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no readable QR code on page 1");
  }

  @Test
  void readsTheKeyIdWithoutVerifying() {
    assertThat(JwsHeader.of(certificate.signature()))
        .isEqualTo(new JwsHeader("EdDSA", "bw-kpa-2025-01"));
    assertThat(JwsHeader.of("!!.x.y")).isEqualTo(new JwsHeader(null, null));
    assertThat(JwsHeader.of("W10.x.y")).isEqualTo(new JwsHeader(null, null));
  }

  /** The PDF loaded, without its payload entry, and saved again. */
  private static byte[] withoutPayloadEntry(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      document
          .getDocumentInformation()
          .getCOSObject()
          .removeItem(COSName.getPDFName(CertificatePdfReader.PAYLOAD_KEY));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  /** The page text with every run of white space as one space. */
  @Test
  void aFrenchSpeakingExportersCertificateCarriesBothLanguages() throws IOException {
    byte[] pdf =
        CertificateLayout.render(
            certificate, qrContent, verifyUrl, SampleCertificates.LOG_INDEX, true);
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "certificate-sample-fr.pdf"), pdf);
    String text = text(pdf);

    assertThat(text)
        .contains(KpCertificate.TITLE)
        .contains("CERTIFICAT DU PROCESSUS DE KIMBERLEY")
        .contains("Autorité exportatrice")
        .contains("Exportateur")
        .contains("Importateur")
        .contains("Pays d'origine")
        .contains("Nombre de colis")
        .contains("Date de délivrance")
        .contains("Valeur en USD")
        .contains("MARCHANDISES : DIAMANTS BRUTS")
        .contains("Toute altération rend le certificat nul.")
        .contains("Any alteration renders the certificate void.")
        .contains("NUMBER OF PARCELS Nombre de colis 3")
        .contains("Signé électroniquement par l'autorité émettrice")
        .contains("REGISTRE PUBLIC")
        .contains("du journal de transparence")
        .contains("Scanner pour vérifier :")
        .contains("page 1 sur 1")
        .contains(" / " + CertificateWording.french(certificate.status().name()))
        .contains("depuis le " + certificate.statusOn())
        .contains("BW-2025-004711")
        .contains("USD 648,010.00");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isEqualTo(1);
    }
    // English only unless asked.
    assertThat(text(render()))
        .doesNotContain("Autorité exportatrice", "Exportateur", "Scanner", "sur 1", "depuis");
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  private static KpCertificate withImporter(KpCertificate c, Party importer) {
    return new KpCertificate(
        c.number(),
        c.issuingParticipant(),
        c.issuingAuthority(),
        c.exporter(),
        importer,
        c.importingParticipant(),
        c.origin(),
        c.lines(),
        c.parcels(),
        c.sealId(),
        c.issuedOn(),
        c.expiresOn(),
        c.status(),
        c.statusOn(),
        c.signature());
  }

  private static KpCertificate withSignatureAndStatus(
      KpCertificate c, String signature, CertificateStatus status) {
    return new KpCertificate(
        c.number(),
        c.issuingParticipant(),
        c.issuingAuthority(),
        c.exporter(),
        c.importer(),
        c.importingParticipant(),
        c.origin(),
        c.lines(),
        c.parcels(),
        c.sealId(),
        c.issuedOn(),
        c.expiresOn(),
        status,
        c.statusOn(),
        signature);
  }
}
