package org.kimberlite.certification.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kimberlite.certification.CertificationProperties;
import org.kimberlite.certification.KpRules;
import org.kimberlite.certification.KpValueBands;
import org.kimberlite.registry.Organisation;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.registry.Organisations;
import org.kimberlite.registry.Participants;
import org.kimberlite.registry.Standing;
import org.kimberlite.shared.CountryCode;
import org.kimberlite.shared.ParticipantCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** What the rules read about an issue, from the registry, the store and valuation's bands. */
@Component
public class IssueContexts {
  private final Organisations organisations;
  private final Participants participants;
  private final CertificateRepository repository;
  private final ObjectProvider<KpValueBands> bands;
  private final CertificationProperties properties;

  public IssueContexts(
      Organisations organisations,
      Participants participants,
      CertificateRepository repository,
      ObjectProvider<KpValueBands> bands,
      CertificationProperties properties) {
    this.organisations = organisations;
    this.participants = participants;
    this.repository = repository;
    this.bands = bands;
    this.properties = properties;
  }

  /** The context of an issue by the authority {@code issuerId} on {@code today}. */
  public KpRules.IssueContext of(UUID issuerId, LocalDate today) {
    KpRules.OrganisationFacts issuer =
        facts(
            organisations
                .directoryEntry(issuerId)
                .orElseThrow(() -> new IllegalStateException("No organisation " + issuerId)));
    return new KpRules.IssueContext() {
      @Override
      public LocalDate today() {
        return today;
      }

      @Override
      public KpRules.OrganisationFacts issuer() {
        return issuer;
      }

      @Override
      public Optional<KpRules.OrganisationFacts> organisation(UUID id) {
        return organisations.directoryEntry(id).map(IssueContexts::facts);
      }

      @Override
      public Optional<ParticipantCode> participantForCountry(CountryCode country) {
        return participants.participantForCountry(country);
      }

      @Override
      public Optional<Standing> standing(ParticipantCode participant, LocalDate day) {
        return participants.standing(participant, day);
      }

      @Override
      public boolean numberTaken(String number) {
        return repository.exists(number);
      }

      @Override
      public boolean inRange(String number) {
        String prefix = issuer.country().code();
        String digits = number.substring(prefix.length());
        if (!digits.matches("\\d{1,12}")) {
          return false;
        }
        long n = Long.parseLong(digits);
        return repository
            .range(prefix, false)
            .map(r -> n >= r.first() && n <= r.last())
            .orElse(n >= properties.firstNumber() && n <= properties.lastNumber());
      }

      @Override
      public Optional<KpValueBands.ValueBand> valueBand(List<CountryCode> origins, boolean mixed) {
        KpValueBands source = bands.getIfAvailable();
        ParticipantCode exporter = issuer.participant();
        if (source == null || exporter == null) {
          return Optional.empty();
        }
        return source.band(origins, mixed, exporter, today);
      }

      @Override
      public int issueDateToleranceDays() {
        return properties.issueDateToleranceDays();
      }

      @Override
      public int maxValidityDays() {
        return properties.maxValidityDays();
      }
    };
  }

  static KpRules.OrganisationFacts facts(Organisation o) {
    return new KpRules.OrganisationFacts(
        o.id(), o.name(), o.country(), o.participant(), o.has(OrganisationRole.KP_AUTHORITY));
  }
}
