package org.kimberlite.certification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.kimberlite.certification.internal.CertificateRepository;
import org.kimberlite.certification.internal.CertificateRepository.Stored;
import org.kimberlite.ledger.Commitment;
import org.kimberlite.ledger.TransparencyLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Expiry (KP-05, KP-08): certificates still issued after their expiry date become expired. */
@Service
public class ExpiringCertificates {
  private final CertificateRepository repository;
  private final TransparencyLog log;
  private final Clock clock;

  public ExpiringCertificates(CertificateRepository repository, TransparencyLog log, Clock clock) {
    this.repository = repository;
    this.log = log;
    this.clock = clock;
  }

  /** The same use case as of another clock. */
  public ExpiringCertificates on(Clock other) {
    return new ExpiringCertificates(repository, log, other);
  }

  /** Marks certificates past their expiry date as expired; returns how many. */
  @Transactional
  public int expireDue() {
    int expired = 0;
    for (String number : repository.dueForExpiry(LocalDate.now(clock), 500)) {
      Stored stored = repository.lock(number).orElseThrow();
      if (stored.certificate().status() != CertificateStatus.ISSUED) {
        continue;
      }
      KpCertificate c = stored.certificate();
      LocalDate on = c.expiresOn().plusDays(1);
      if (repository.changeStatus(number, CertificateStatus.EXPIRED, on, stored.version()) != 1) {
        continue;
      }
      Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      long id =
          repository.insertEvent(number, CertificateStatus.EXPIRED, on, null, "expired", null, at);
      log.record(
          Commitment.privateRecord(
              CertificateRecords.STATUS,
              Long.toString(id),
              c.issuingParticipant().code(),
              at,
              CertificateRecords.status(
                  number, CertificateStatus.EXPIRED, on.toString(), null, "expired", null),
              stored.audience()));
      expired++;
    }
    return expired;
  }
}
