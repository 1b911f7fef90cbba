package org.kimberlite.certification;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.internal.CertificateRepository;
import org.kimberlite.shared.Carats;
import org.kimberlite.shared.ParticipantCode;
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

  /**
   * The id of the event that recorded {@code status} of certificate {@code number}: the record id
   * of that event's log entry (federation delivers it with its proof).
   */
  @Transactional(readOnly = true)
  public Optional<Long> eventId(String number, CertificateStatus status) {
    return repository.events(number).stream()
        .filter(e -> e.status() == status)
        .map(CertificateRepository.Event::id)
        .findFirst();
  }

  /** Every certificate's number, in order (re-evaluation over history). */
  @Transactional(readOnly = true)
  public List<String> numbers() {
    return repository.numbers();
  }

  /** Certificates imported by an organisation, issued from {@code from} to {@code to}. */
  @Transactional(readOnly = true)
  public List<KpCertificate> importedBy(UUID importer, LocalDate from, LocalDate to) {
    return window(from, to, importer, null, null);
  }

  /** Certificates bound for a participant, issued from {@code from} to {@code to}. */
  @Transactional(readOnly = true)
  public List<KpCertificate> importedInto(ParticipantCode importing, LocalDate from, LocalDate to) {
    return window(from, to, null, importing.code(), null);
  }

  /** Every certificate issued from {@code from} to {@code to}, oldest first (bounded). */
  @Transactional(readOnly = true)
  public List<KpCertificate> issuedBetween(LocalDate from, LocalDate to) {
    return window(from, to, null, null, null);
  }

  /**
   * A participant's exports of its own origin in a year (a single origin that is the issuing
   * authority's country; cancelled certificates left out).
   *
   * @param examples certificate numbers named at most
   */
  public record OwnOrigin(Carats carats, List<String> examples, Set<UUID> organisations) {
    public OwnOrigin {
      examples = List.copyOf(examples);
      organisations = Set.copyOf(organisations);
    }
  }

  @Transactional(readOnly = true)
  public OwnOrigin ownOrigin(ParticipantCode participant, int year, int examples) {
    CertificateRepository.OwnOrigin o = repository.ownOrigin(participant.code(), year, examples);
    return new OwnOrigin(Carats.of(o.carats()), o.numbers(), o.organisations());
  }

  private List<KpCertificate> window(
      LocalDate from,
      LocalDate to,
      @Nullable UUID importer,
      @Nullable String importing,
      @Nullable String issuing) {
    return repository.window(from, to, importer, importing, issuing, MAX_WINDOW).stream()
        .map(CertificateRepository.Stored::certificate)
        .toList();
  }
}
