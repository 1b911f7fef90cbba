package org.kimberlite.certification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The canonical shapes of a certificate and of its status events, as signed and committed. */
public final class CertificateRecords {
  public static final String CERTIFICATE = "kp.certificate";
  public static final String STATUS = "kp.certificate.status";

  /** The JWS {@code typ} of a signed status event (confirmation, cancellation). */
  public static final String STATUS_JWS_TYPE = "kp-status+jws";

  private CertificateRecords() {}

  private static Map<String, Object> party(Party p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.organisationId().toString());
    m.put("name", p.name());
    m.put("country", p.country().code());
    return m;
  }

  /** The certificate document that the issuing authority signs (everything but the signature). */
  public static Map<String, @Nullable Object> document(
      KpCertificate c, @Nullable String originZone) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    m.put("title", KpCertificate.TITLE);
    m.put("statement", KpCertificate.STATEMENT);
    m.put("number", c.number());
    m.put("issuingParticipant", c.issuingParticipant().code());
    m.put("issuingAuthority", party(c.issuingAuthority()));
    m.put("exporter", party(c.exporter()));
    m.put("importer", party(c.importer()));
    m.put("importingParticipant", c.importingParticipant().code());
    Map<String, @Nullable Object> origin = new LinkedHashMap<>();
    origin.put("kind", c.origin().kind().name());
    origin.put("countries", c.origin().codes());
    origin.put("zone", originZone);
    m.put("origin", origin);
    List<Map<String, Object>> lines = new ArrayList<>();
    for (CertificateLine l : c.lines()) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("hsCode", l.hsCode().code());
      line.put("carats", l.carats().toString());
      line.put("valueUsd", l.valueUsd().toString());
      lines.add(line);
    }
    m.put("lines", lines);
    m.put("carats", c.carats().toString());
    m.put("valueUsd", c.valueUsd().toString());
    m.put("parcels", c.parcels());
    m.put("sealId", c.sealId());
    m.put("issuedOn", c.issuedOn().toString());
    m.put("expiresOn", c.expiresOn().toString());
    return m;
  }

  /** The committed record of an issued certificate: the document and its signature. */
  public static Map<String, @Nullable Object> issued(KpCertificate c, @Nullable String originZone) {
    Map<String, @Nullable Object> m = document(c, originZone);
    m.put("signature", c.signature());
    return m;
  }

  /** The committed record of a status change. */
  public static Map<String, @Nullable Object> status(
      String number,
      CertificateStatus status,
      String effectiveOn,
      @Nullable String organisation,
      String details,
      @Nullable String signature) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    m.put("number", number);
    m.put("status", status.name());
    m.put("effectiveOn", effectiveOn);
    m.put("organisation", organisation);
    m.put("details", details);
    m.put("signature", signature);
    return m;
  }
}
