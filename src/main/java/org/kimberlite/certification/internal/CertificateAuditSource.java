package org.kimberlite.certification.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kimberlite.certification.CertificateRecords;
import org.kimberlite.certification.CertificateStatus;
import org.kimberlite.ledger.CommittedRecords;
import org.springframework.stereotype.Component;

/** Certificates and their status changes as their tables hold them today, for the audit. */
@Component
class CertificateAuditSource implements CommittedRecords {
  private final CertificateRepository repository;

  CertificateAuditSource(CertificateRepository repository) {
    this.repository = repository;
  }

  @Override
  public Set<String> types() {
    return Set.of(CertificateRecords.CERTIFICATE, CertificateRecords.STATUS);
  }

  @Override
  public Optional<Map<String, ?>> current(String type, String recordId) {
    if (type.equals(CertificateRecords.CERTIFICATE)) {
      return repository
          .find(recordId)
          .map(s -> CertificateRecords.issued(s.certificate(), s.originZone()));
    }
    long id;
    try {
      id = Long.parseLong(recordId);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return repository
        .event(id)
        .map(
            e ->
                CertificateRecords.status(
                    e.number(),
                    e.status(),
                    e.effectiveOn().toString(),
                    e.organisation() == null ? null : e.organisation().toString(),
                    e.details(),
                    e.signature()));
  }

  @Override
  public List<String> ids(String type) {
    if (type.equals(CertificateRecords.CERTIFICATE)) {
      return repository.numbers();
    }
    return repository.eventIds().stream()
        .filter(
            id ->
                repository.event(id).map(e -> e.status() != CertificateStatus.ISSUED).orElse(false))
        .map(String::valueOf)
        .toList();
  }
}
