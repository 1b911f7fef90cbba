package org.kimberlite.certification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.certification.internal.CertificateRepository;
import org.kimberlite.certification.internal.CertificateRepository.Stored;
import org.kimberlite.certification.internal.CertificateRepository.Viewer;
import org.kimberlite.certification.internal.RejectionLog;
import org.kimberlite.certification.internal.Rollback;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.OrganisationRole;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading certificates: one certificate, its history and flags for its parties and authorities
 * (anyone else finds nothing), an authority's lists; and KP-10, originals are never deleted.
 */
@Service
public class ReadingCertificates {
  /** Pages beyond this are refused: 500 × 100,000 certificates is far past any authority's. */
  static final int MAX_PAGE = 100_000;

  private final CertificateRepository repository;
  private final RejectionLog rejections;
  private final CertificationProperties properties;
  private final Clock clock;

  public ReadingCertificates(
      CertificateRepository repository,
      RejectionLog rejections,
      CertificationProperties properties,
      Clock clock) {
    this.repository = repository;
    this.rejections = rejections;
    this.properties = properties;
    this.clock = clock;
  }

  /** A certificate for one of its parties or authorities; empty for anyone else. */
  @Transactional(readOnly = true)
  public Optional<KpCertificate> get(Caller caller, String number) {
    return repository.findVisible(number, viewer(caller)).map(Stored::certificate);
  }

  /** The flags raised on a certificate, for its parties and authorities. */
  @Transactional(readOnly = true)
  public Optional<List<CertificateFinding>> findings(Caller caller, String number) {
    return get(caller, number)
        .map(
            c ->
                repository.findings(number).stream()
                    .map(f -> new CertificateFinding(f.rule(), f.detail(), f.raisedAt()))
                    .toList());
  }

  /** Its status events in order, for its parties and authorities. */
  @Transactional(readOnly = true)
  public Optional<List<CertificateEvent>> history(Caller caller, String number) {
    return get(caller, number)
        .map(
            c ->
                repository.events(number).stream()
                    .map(
                        e ->
                            new CertificateEvent(
                                e.status(), e.effectiveOn(), e.details(), e.recordedAt()))
                    .toList());
  }

  /** An authority's own certificates: outgoing (issued by it) or incoming (to its participant). */
  @Transactional(readOnly = true)
  public ListOutcome list(
      Caller caller,
      boolean incoming,
      @Nullable CertificateStatus status,
      @Nullable String participant,
      @Nullable LocalDate from,
      @Nullable LocalDate to,
      int page,
      int size) {
    if (!caller.has(OrganisationRole.KP_AUTHORITY)) {
      return Rollback.with(NotAllowed.notAnAuthority());
    }
    if (size < 1 || size > 500) {
      return new ListOutcome.Invalid("size", "size from 1 to 500");
    }
    if (page < 0 || page > MAX_PAGE) {
      return new ListOutcome.Invalid("page", "page from 0 to " + MAX_PAGE);
    }
    return new ListOutcome.Listed(
        repository
            .list(viewer(caller), status, participant, from, to, incoming, page * size, size)
            .stream()
            .map(Stored::certificate)
            .toList());
  }

  /** KP-10: originals are kept; no deletion before the retention period ends, nor after. */
  @Transactional(readOnly = true)
  public DeleteOutcome delete(Caller caller, String number) {
    Optional<KpCertificate> found = get(caller, number);
    if (found.isEmpty()) {
      return Rollback.with(new NotFound(number));
    }
    LocalDate keptUntil = found.get().issuedOn().plusYears(properties.retentionYears());
    List<Violation> v =
        List.of(
            new Violation(
                "KP-10",
                "number",
                LocalDate.now(clock).isBefore(keptUntil)
                    ? "originals are kept at least "
                        + properties.retentionYears()
                        + " years: "
                        + number
                        + " until "
                        + keptUntil
                    : "certificates are archived, never deleted through the API"));
    rejections.record("DELETE", number, caller.organisationId(), v);
    return Rollback.with(new Refused(v));
  }

  /** The stored certificate for public verification (what is shown is decided by the caller). */
  @Transactional(readOnly = true)
  Optional<Stored> forVerification(String number) {
    return repository.find(number);
  }

  /** Whether the viewer is a party or one of the two authorities of a certificate. */
  public boolean mayReadDetails(@Nullable Caller caller, KpCertificate c) {
    if (caller == null) {
      return false;
    }
    UUID org = caller.organisationId();
    return org.equals(c.issuingAuthority().organisationId())
        || org.equals(c.exporter().organisationId())
        || org.equals(c.importer().organisationId())
        || (caller.has(OrganisationRole.KP_AUTHORITY)
            && c.importingParticipant().equals(caller.participant()));
  }

  private static Viewer viewer(Caller caller) {
    return Viewer.of(caller);
  }
}
