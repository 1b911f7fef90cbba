package org.kimberlite.governance.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.kimberlite.governance.AnnualReportAttachment;
import org.kimberlite.governance.AnnualReportVersion;
import org.kimberlite.governance.ReportSection;
import org.kimberlite.ledger.Commitment;
import org.kimberlite.ledger.CommittedRecords;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submitted annual-report versions in the transparency log: each version commits a private record
 * (the public sees only that the authority filed something at that time) holding the SHA-256 of
 * every section's text and of every attached file, so that nobody can change a submitted version
 * unseen; the audit recomputes it from {@code governance_report_version}.
 */
@Component
public class AnnualReportRecords implements CommittedRecords {
  /** The record type of a submitted version. */
  public static final String TYPE = "governance.annual-report";

  private final AnnualReportRepository repository;

  AnnualReportRecords(AnnualReportRepository repository) {
    this.repository = repository;
  }

  /** The committed shape of a version. */
  public static Map<String, Object> record(AnnualReportVersion v) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("id", v.id().toString());
    r.put("participant", v.participant().code());
    r.put("year", v.year().value());
    r.put("version", v.version());
    r.put("supersedes", v.supersedes() == null ? "" : v.supersedes().toString());
    Map<String, Object> sections = new LinkedHashMap<>();
    for (ReportSection s : ReportSection.values()) {
      sections.put(s.name(), sha256(v.sections().getOrDefault(s, "")));
    }
    r.put("sectionsSha256", sections);
    r.put(
        "attachments",
        v.attachments().stream()
            .sorted(java.util.Comparator.comparing(AnnualReportAttachment::id))
            .map(
                a -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("id", a.id().toString());
                  m.put("name", a.name());
                  m.put("mediaType", a.mediaType());
                  m.put("size", a.size());
                  m.put("sha256", a.sha256());
                  return m;
                })
            .toList());
    r.put("organisationId", v.organisationId().toString());
    r.put("submittedAt", v.submittedAt().toString());
    r.put("submittedBy", v.submittedBy());
    return r;
  }

  /** The commitment of a submitted version: private to the authority that submitted it. */
  public static Commitment commitment(AnnualReportVersion v) {
    return Commitment.privateRecord(
        TYPE,
        v.id().toString(),
        v.organisationId().toString(),
        v.submittedAt(),
        record(v),
        Set.of(v.organisationId()));
  }

  /** The SHA-256 of {@code text} in UTF-8, lower-case hex. */
  public static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The SHA-256 of {@code bytes}, lower-case hex. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public Set<String> types() {
    return Set.of(TYPE);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Map<String, ?>> current(String type, String recordId) {
    if (!type.equals(TYPE)) {
      return Optional.empty();
    }
    Optional<UUID> id = CommittedRecords.uuid(recordId);
    return id.flatMap(repository::version).map(AnnualReportRecords::record);
  }

  @Override
  @Transactional(readOnly = true)
  public List<String> ids(String type) {
    return type.equals(TYPE)
        ? repository.versionIds().stream().map(UUID::toString).toList()
        : List.of();
  }
}
