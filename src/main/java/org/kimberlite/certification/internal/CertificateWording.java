package org.kimberlite.certification.internal;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.KpCertificate;
import org.kimberlite.certification.Origin;
import org.kimberlite.certification.OriginKind;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.CountryCode;
import org.kimberlite.shared.HsCode;
import org.kimberlite.shared.ParticipantCode;
import org.kimberlite.shared.UsdAmount;

/**
 * The words of the printed certificate: its fixed texts (titles, the Annex I item labels of KPCS
 * Annex I, the statements), the HS 2022 descriptions of the KP codes, and how amounts, countries
 * and origins are written. {@link CertificateLayout} only places them on the page.
 *
 * <p>The labels lead with the letter of the KPCS Annex I item they show, "(c) Certificate No.",
 * items a to l as docs/rules.md lists them (KP-01); the layout sets the letters apart.
 */
final class CertificateWording {
  static final String TITLE = KpCertificate.TITLE;
  static final String STATEMENT = KpCertificate.STATEMENT;
  static final String SCHEME = "KIMBERLEY PROCESS CERTIFICATION SCHEME";

  static final String NUMBER = "(c) Certificate No.";
  static final String STATUS = "Status";
  static final String PARTICULARS = "Particulars";
  static final String ISSUING_PARTICIPANT = "Issuing (exporting) participant";
  static final String ISSUED_ON = "(d) Date of issue";
  static final String EXPIRES_ON = "(e) Date of expiry";
  static final String ISSUING_AUTHORITY = "(f) Issuing authority";
  static final String IMPORTING_PARTICIPANT = "Importing participant";
  static final String EXPORTER = "(g) Exporter";
  static final String IMPORTER = "(g) Importer";
  static final String ORIGIN = "(b) Country of origin";
  static final String PARCELS = "(j) Number of parcels";
  static final String SEAL_ID = "Seal ID";

  static final String GOODS = "(h) (i) (k) Goods: rough diamonds";
  static final String GOODS_CONTINUED = "(h) (i) (k) Goods: further lines";
  static final String HS_CODE = "HS code (k)";
  static final String DESCRIPTION = "Description";
  static final String CARATS = "Carats (h)";
  static final String VALUE = "Value in USD (i)";
  static final String TOTAL = "TOTAL";

  static final String VALIDATION = "(l) Validation by the exporting authority";
  static final String SIGNED = "Signed electronically by the issuing authority";
  static final String SIGNATURE = "Signature";
  static final String KEY_ID = "Key ID";
  static final String PUBLIC_RECORD = "Public record";
  static final String SCAN_TO_VERIFY = "Scan to verify:";
  static final String SEAL_TOP = "KIMBERLEY PROCESS";
  static final String SEAL_BOTTOM = "ELECTRONIC SEAL";
  static final String SEAL_DOT = "\u2022";

  static final String NOTICE =
      "This document reproduces a Kimberley Process Certificate issued electronically. Its"
          + " authenticity rests on the issuing authority's signature carried in the QR code,"
          + " which any verifier can check offline. Any alteration renders the certificate void.";

  /**
   * The French of the fixed texts, for participants whose certificates are printed in French
   * besides English, by their English text (without the Annex I item letters).
   */
  private static final java.util.Map<String, String> FRENCH =
      java.util.Map.ofEntries(
          java.util.Map.entry(TITLE, "CERTIFICAT DU PROCESSUS DE KIMBERLEY"),
          java.util.Map.entry(NUMBER, "N° du certificat"),
          java.util.Map.entry(STATUS, "Statut"),
          java.util.Map.entry(PARTICULARS, "Renseignements"),
          java.util.Map.entry(ISSUING_PARTICIPANT, "Participant émetteur (exportateur)"),
          java.util.Map.entry(ISSUED_ON, "Date de délivrance"),
          java.util.Map.entry(EXPIRES_ON, "Date d'expiration"),
          java.util.Map.entry(ISSUING_AUTHORITY, "Autorité exportatrice"),
          java.util.Map.entry(IMPORTING_PARTICIPANT, "Participant importateur"),
          java.util.Map.entry(EXPORTER, "Exportateur"),
          java.util.Map.entry(IMPORTER, "Importateur"),
          java.util.Map.entry(ORIGIN, "Pays d'origine"),
          java.util.Map.entry(PARCELS, "Nombre de colis"),
          java.util.Map.entry(SEAL_ID, "N° du scellé"),
          java.util.Map.entry(GOODS, "Marchandises : diamants bruts"),
          java.util.Map.entry(GOODS_CONTINUED, "Marchandises : lignes suivantes"),
          java.util.Map.entry(HS_CODE, "Code SH"),
          java.util.Map.entry(DESCRIPTION, "Désignation"),
          java.util.Map.entry(CARATS, "Carats"),
          java.util.Map.entry(VALUE, "Valeur en USD"),
          java.util.Map.entry(TOTAL, "TOTAL"),
          java.util.Map.entry(VALIDATION, "Validation par l'autorité exportatrice"),
          java.util.Map.entry(SIGNED, "Signé électroniquement par l'autorité émettrice"),
          java.util.Map.entry(KEY_ID, "Clé"),
          java.util.Map.entry(PUBLIC_RECORD, "Registre public"),
          java.util.Map.entry(SCAN_TO_VERIFY, "Scanner pour vérifier :"),
          java.util.Map.entry("ISSUED", "DÉLIVRÉ"),
          java.util.Map.entry("CONFIRMED", "CONFIRMÉ"),
          java.util.Map.entry("CANCELLED", "ANNULÉ"),
          java.util.Map.entry("EXPIRED", "EXPIRÉ"),
          java.util.Map.entry(
              NOTICE,
              "Ce document reproduit un certificat du Processus de Kimberley délivré"
                  + " électroniquement. Son authenticité repose sur la signature de l'autorité"
                  + " émettrice contenue dans le code QR, que tout vérificateur peut contrôler hors"
                  + " ligne. Toute altération rend le certificat nul."));

  /** The French of a fixed text, or the text itself when it has none. */
  static String french(String english) {
    return FRENCH.getOrDefault(english, english);
  }

  /** A fixed text in English and French, as one line: "Exporter / Exportateur". */
  static String both(String english) {
    String french = french(english);
    return french.equals(english) ? english : english + " / " + french;
  }

  /** The producer named in the document information and the footer. */
  static final String PRODUCER = "Kimberlite";

  private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}");

  private CertificateWording() {}

  /** The title in the document information. */
  static String documentTitle(KpCertificate c) {
    return TITLE + " " + c.number();
  }

  /** The subject in the document information. */
  static String documentSubject(KpCertificate c) {
    return "KP certificate "
        + c.number()
        + " issued by "
        + c.issuingParticipant()
        + " for "
        + c.importingParticipant()
        + ": "
        + c.carats()
        + " carats, USD "
        + c.valueUsd();
  }

  /** The keywords in the document information. */
  static String documentKeywords(KpCertificate c) {
    return "Kimberley Process; KPCS; rough diamonds; " + c.number();
  }

  static String since(KpCertificate c, boolean french) {
    String day = c.statusOn().toString();
    return "since " + day + (french ? " / depuis le " + day : "");
  }

  /** The status word: "CONFIRMED", or "CONFIRMED / CONFIRMÉ" in both languages. */
  static String status(KpCertificate c, boolean french) {
    String english = c.status().name();
    return french ? both(english) : english;
  }

  /** The note under the goods of page 1 when some lines go to the continuation sheet. */
  static String continued(int rest, int all) {
    return rest
        + " further line(s) on the continuation sheet; totals below cover all "
        + all
        + " lines.";
  }

  /** The French of {@link #continued}, printed on its own line under it. */
  static String continuedInFrench(int rest, int all) {
    return rest
        + " ligne(s) sur la feuille de suite ; les totaux ci-dessous portent sur les "
        + all
        + " lignes.";
  }

  static String lineCount(int lines, int parcels, boolean french) {
    String english = lines + (lines == 1 ? " line, " : " lines, ") + parcels + " parcel(s)";
    return french
        ? english + " / " + lines + (lines == 1 ? " ligne, " : " lignes, ") + parcels + " colis"
        : english;
  }

  static String totalValue(UsdAmount value) {
    return "USD " + amount(value);
  }

  static String signature(@Nullable String alg) {
    return "JSON Web Signature" + (alg == null ? "" : ", " + alg);
  }

  static String keyId(@Nullable String kid, boolean french) {
    if (kid != null) {
      return kid;
    }
    // Both languages in the narrow column: shorter, so that the block keeps its height.
    return french ? "not stated / non indiquée" : "not stated in the signature";
  }

  static String publicRecord(@Nullable Long logIndex, boolean french) {
    if (logIndex == null) {
      return french
          ? "not yet logged / pas encore inscrit"
          : "not yet recorded in the transparency log";
    }
    return "transparency log index "
        + logIndex
        + (french ? " / index " + logIndex + " du journal de transparence" : "");
  }

  /** The lead of the line under the QR code: "Scan to verify:", in both languages if asked. */
  static String scanLead(boolean french) {
    return french ? SCAN_TO_VERIFY + " / " + french(SCAN_TO_VERIFY) : SCAN_TO_VERIFY;
  }

  static String scanToVerify(String verifyUrl, boolean french) {
    return scanLead(french) + " " + verifyUrl;
  }

  static String continuationOf(KpCertificate c, boolean french) {
    return "Continuation sheet of certificate No. "
        + c.number()
        + (french ? " / Feuille de suite du certificat n° " + c.number() : "");
  }

  static String footer(KpCertificate c, int page, int of, boolean french) {
    String pages = "page " + page + " of " + of + (french ? " / page " + page + " sur " + of : "");
    return "Certificate No. " + c.number() + "  |  " + pages + "  |  " + PRODUCER;
  }

  static String amount(Carats value) {
    return amount(value.value());
  }

  static String amount(UsdAmount value) {
    return amount(value.value());
  }

  static String amount(BigDecimal value) {
    return String.format(Locale.ROOT, "%,.2f", value);
  }

  static String country(ParticipantCode code) {
    return country(code.code());
  }

  static String country(CountryCode code) {
    return country(code.code());
  }

  /** "Botswana (BW)" for an ISO 3166-1 alpha-2 code Java knows, else the text as it is. */
  static String country(String code) {
    if (!COUNTRY_CODE.matcher(code).matches()) {
      return code;
    }
    String name = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
    return name.isBlank() || name.equals(code) ? code : name + " (" + code + ")";
  }

  static String origin(Origin origin) {
    return origin.kind() == OriginKind.SINGLE && origin.countries().size() == 1
        ? country(origin.countries().get(0))
        : origin.display();
  }

  static String hsDescription(HsCode hsCode) {
    return hsDescription(hsCode.code());
  }

  /** The HS 2022 wording of the three KP codes (heading 7102, docs/rules.md). */
  static String hsDescription(String hsCode) {
    String digits = hsCode.replace(".", "").strip();
    return switch (digits.length() >= 6 ? digits.substring(0, 6) : digits) {
      case "710210" -> "Diamonds, unsorted";
      case "710221" -> "Industrial diamonds, unworked or simply sawn, cleaved or bruted";
      case "710231" -> "Non-industrial diamonds, unworked or simply sawn, cleaved or bruted";
      default -> "Not a Kimberley Process HS code";
    };
  }
}
