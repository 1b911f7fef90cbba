package org.kimberlite.certification;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.internal.CertificateRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Certificates as facts for due diligence, read by the system itself (never on behalf of a caller:
 * whoever uses this decides what a caller may see of its results).
 */
@Service
public class CertificateFacts {
  /** The most certificates one window answers. */
  public static final int MAX_WINDOW = 100_000;

  private final CertificateRepository repository;

  public CertificateFacts(CertificateRepository repository) {
    this.repository = repository;
  }

  /**
   * A certificate with what its confirmation recorded.
   *
   * @param receivedSeal the seal the importing authority reported, when confirmed
   * @param flags the flags certification raised on it (KP-09, KP-11)
   */
  public record Fact(
      KpCertificate certificate,
      @Nullable String receivedSeal,
      @Nullable LocalDate receivedOn,
      List<CertificateFinding> flags) {
    public Fact {
      flags = List.copyOf(flags);
    }
  }

  @Transactional(readOnly = true)
  public Optional<Fact> fact(String number) {
    return repository
        .find(number)
        .map(
            s -> {
              String seal = null;
              LocalDate receivedOn = null;
              for (CertificateRepository.Event e : repository.events(number)) {
                if (e.status() == CertificateStatus.CONFIRMED) {
                  seal = ConfirmingImports.sealOf(e.details());
                  receivedOn = e.effectiveOn();
                }
              }
              List<CertificateFinding> flags =
                  repository.findings(number).stream()
                      .map(f -> new CertificateFinding(f.rule(), f.detail(), f.raisedAt()))
                      .toList();
              return new Fact(s.certificate(), seal, receivedOn, flags);
            });
  }

  /** Every certificate's number, in order (re-evaluation over history). */
  @Transactional(readOnly = true)
  public List<String> numbers() {
    return repository.numbers();
  }

  /** Certificates issued from {@code from} to {@code to}, any status, oldest first. */
  @Transactional(readOnly = true)
  public List<KpCertificate> issuedBetween(LocalDate from, LocalDate to) {
    return repository.issuedBetween(from, to, MAX_WINDOW).stream()
        .map(CertificateRepository.Stored::certificate)
        .toList();
  }
}
