package org.kimberlite.diligence;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kimberlite.diligence.internal.RiskListRepository;
import org.kimberlite.registry.Caller;
import org.kimberlite.registry.OrganisationRole;
import org.kimberlite.shared.CountryCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The country and entity risk lists: read by any signed-in caller, kept by the KP secretariat.
 * Entries are added and ended, never changed or deleted, so every finding's evidence stays as it
 * was when it was raised.
 */
@Service
public class RiskLists {
  private static final Set<String> LISTS =
      Set.of(
          RiskEntry.CAHRA,
          RiskEntry.TRANSIT,
          RiskEntry.SANCTIONED_ORIGIN,
          RiskEntry.SANCTIONED_ENTITY);

  private final RiskListRepository repository;
  private final Clock clock;

  public RiskLists(RiskListRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<RiskEntry> all() {
    return repository.all();
  }

  @Transactional(readOnly = true)
  public Optional<RiskEntry> get(UUID id) {
    return repository.find(id);
  }

  /** An entry as asked. */
  public record NewEntry(
      @Nullable String list,
      @Nullable String subject,
      @Nullable String relatedTo,
      @Nullable LocalDate validFrom,
      @Nullable String source) {}

  public sealed interface ChangeOutcome {
    record Done(RiskEntry entry) implements ChangeOutcome {}

    record NotAllowed() implements ChangeOutcome {}

    record NotFound() implements ChangeOutcome {}

    /** Ended already, or the day given is before it began. */
    record NotOpen() implements ChangeOutcome {}

    record Invalid(Map<String, String> errors) implements ChangeOutcome {
      public Invalid {
        errors = Map.copyOf(errors);
      }
    }
  }

  @Transactional
  public ChangeOutcome add(Caller caller, NewEntry e) {
    if (!caller.has(OrganisationRole.KP_SECRETARIAT)) {
      return new ChangeOutcome.NotAllowed();
    }
    Map<String, String> errors = new LinkedHashMap<>();
    String list = e.list() == null ? "" : e.list();
    if (!LISTS.contains(list)) {
      errors.put("list", "CAHRA, TRANSIT, SANCTIONED_ORIGIN or SANCTIONED_ENTITY");
    }
    String subject = e.subject() == null ? "" : e.subject().strip();
    if (list.equals(RiskEntry.SANCTIONED_ENTITY)) {
      try {
        subject = UUID.fromString(subject).toString();
      } catch (IllegalArgumentException x) {
        errors.put("subject", "an organisation id");
      }
    } else if (!CountryCode.isValid(subject)) {
      errors.put("subject", "an ISO 3166-1 alpha-2 country code");
    }
    String related = e.relatedTo() == null || e.relatedTo().isBlank() ? null : e.relatedTo();
    if (list.equals(RiskEntry.TRANSIT) && (related == null || !CountryCode.isValid(related))) {
      errors.put("relatedTo", "the conflict-affected area's country code");
    }
    if (!list.equals(RiskEntry.TRANSIT) && related != null) {
      errors.put("relatedTo", "only a transit entry names the area it is a transit for");
    }
    if (e.validFrom() == null || e.validFrom().getYear() < 2000) {
      errors.put("validFrom", "a date from 2000");
    }
    String source = e.source() == null ? "" : e.source().strip();
    if (source.isEmpty()
        || source.length() > 2000
        || source.codePoints().anyMatch(Character::isISOControl)) {
      errors.put("source", "where the fact comes from, 1 to 2000 characters");
    }
    if (!errors.isEmpty() || e.validFrom() == null) {
      return new ChangeOutcome.Invalid(errors);
    }
    RiskEntry entry =
        new RiskEntry(
            UUID.randomUUID(),
            list,
            subject,
            related,
            e.validFrom(),
            null,
            source,
            caller.username(),
            clock.instant().truncatedTo(ChronoUnit.MILLIS));
    repository.insert(entry);
    return new ChangeOutcome.Done(entry);
  }

  /** Ends an entry: {@code validTo} is its last day in force. */
  @Transactional
  public ChangeOutcome end(Caller caller, UUID id, @Nullable LocalDate validTo) {
    if (!caller.has(OrganisationRole.KP_SECRETARIAT)) {
      return new ChangeOutcome.NotAllowed();
    }
    if (validTo == null) {
      return new ChangeOutcome.Invalid(Map.of("validTo", "the entry's last day in force"));
    }
    if (repository.find(id).isEmpty()) {
      return new ChangeOutcome.NotFound();
    }
    if (repository.end(id, validTo, caller.username()) == 0) {
      return new ChangeOutcome.NotOpen();
    }
    return new ChangeOutcome.Done(repository.find(id).orElseThrow());
  }
}
