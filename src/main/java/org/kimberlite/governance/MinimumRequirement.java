package org.kimberlite.governance;

import java.util.Optional;

/**
 * The KPCS minimum requirements a peer review visit assesses, each with a stable code and the part
 * of the core document it comes from (domain notes, REFERENCE sections 1.2, 1.3, 1.6 and 2.1). The
 * codes are part of the published API: a finding names one, and they never change meaning.
 */
public enum MinimumRequirement {
  /** Every export of rough diamonds travels with a KP certificate. */
  CERTIFICATE_WITH_EVERY_EXPORT(
      "CERT-EXPORT",
      "Section II(a)",
      "A KP certificate accompanies every shipment of rough diamonds leaving the territory."),
  /** The participant's process for issuing certificates meets the standards of Section IV. */
  CERTIFICATE_ISSUING_PROCESS(
      "CERT-PROCESS",
      "Section II(b)",
      "Certificates are issued by a process that meets the internal-control standards."),
  /** The certificate carries at least the twelve items of Annex I and resists forgery. */
  CERTIFICATE_CONTENT(
      "CERT-CONTENT",
      "Section II(c), Annex I",
      "Certificates resist tampering and forgery and carry at least the Annex I items: title and"
          + " statement, origin, unique number with the ISO country code, dates of issue and"
          + " expiry, issuing authority, exporter and importer, carats, US dollar value, parcels,"
          + " HS code and validation."),
  /** The certificate's features have been notified to the other participants. */
  CERTIFICATE_FEATURES_NOTIFIED(
      "CERT-SPECIMEN",
      "Section II(d)",
      "The features of the participant's certificate were notified to the others through the"
          + " Chair, so that they can validate it."),
  /** Exports to participants leave only with a duly validated certificate. */
  EXPORTS_VALIDATED(
      "TRADE-EXPORT",
      "Section III(a)",
      "Each shipment exported to a participant is accompanied by a duly validated certificate."),
  /** Imports are accepted only with a duly validated certificate. */
  IMPORTS_CERTIFIED(
      "TRADE-IMPORT",
      "Section III(b)",
      "Each shipment imported from a participant arrives with a duly validated certificate."),
  /** Receipt is confirmed to the exporting authority without delay, with its minimum content. */
  IMPORT_CONFIRMED(
      "TRADE-CONFIRM",
      "Section III(b)",
      "Receipt of each shipment is confirmed promptly to the exporting authority, giving at least"
          + " the certificate number, parcels, carats, importer and exporter."),
  /** The original certificate can be produced for at least three years. */
  CERTIFICATES_KEPT(
      "TRADE-RETAIN",
      "Section III(b)",
      "The original certificate of each import remains readily accessible for three years or"
          + " more."),
  /** No trade in rough diamonds with a non-participant. */
  NO_TRADE_WITH_NON_PARTICIPANTS(
      "TRADE-NONPART",
      "Section III(c)",
      "No rough diamonds are imported from or exported to a country that is not a participant."),
  /** A system of internal controls keeps conflict diamonds out of imports and exports. */
  INTERNAL_CONTROLS(
      "IC-SYSTEM",
      "Section IV(a)",
      "A system of internal controls is designed to keep conflict diamonds out of the rough"
          + " diamonds the territory imports and exports, from mine or import to export."),
  /** Importing and exporting authorities are designated. */
  AUTHORITIES_DESIGNATED(
      "IC-AUTHORITIES",
      "Section IV",
      "The participant has designated its importing and exporting authorities."),
  /** Rough diamonds cross the border in tamper-resistant containers. */
  TAMPER_RESISTANT_CONTAINERS(
      "IC-CONTAINERS",
      "Section IV",
      "Rough diamonds are imported and exported in tamper-resistant containers."),
  /** Breaches are punished by dissuasive and proportional penalties. */
  PENALTIES(
      "IC-PENALTIES",
      "Section IV",
      "The law provides dissuasive and proportional penalties for breaches of the scheme."),
  /** Production, import and export statistics are kept and exchanged. */
  STATISTICS_REPORTED(
      "STAT-DATA",
      "Section IV, Section V, Annex III",
      "Official production, import and export data are collected, kept and reported: quarterly"
          + " trade and half-yearly production, by carats and value, under the KP HS codes."),
  /** The annual report reaches the Working Group on Monitoring. */
  ANNUAL_REPORT(
      "REPORT-ANNUAL",
      "Annual reporting",
      "The participant submits its annual report on implementing the scheme, for the Working"
          + " Group on Monitoring to review.");

  private final String code;
  private final String section;
  private final String summary;

  MinimumRequirement(String code, String section, String summary) {
    this.code = code;
    this.section = section;
    this.summary = summary;
  }

  /** The stable code, such as {@code IC-CONTAINERS}. */
  public String code() {
    return code;
  }

  /** Where in the core document the requirement comes from, such as {@code Section III(b)}. */
  public String section() {
    return section;
  }

  /** The requirement in a sentence (in English; pages show their own translation). */
  public String summary() {
    return summary;
  }

  /** The requirement of that code; empty for none. */
  public static Optional<MinimumRequirement> of(String code) {
    for (MinimumRequirement r : values()) {
      if (r.code.equals(code)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
