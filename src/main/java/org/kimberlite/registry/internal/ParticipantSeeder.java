package org.kimberlite.registry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.kimberlite.ledger.TransparencyLog;
import org.kimberlite.registry.CompliantZone;
import org.kimberlite.registry.DatePrecision;
import org.kimberlite.registry.Participant;
import org.kimberlite.registry.ParticipantHistory;
import org.kimberlite.registry.ParticipantKind;
import org.kimberlite.registry.ParticipantStatus;
import org.kimberlite.registry.RegistryRecords;
import org.kimberlite.registry.RuleBreach;
import org.kimberlite.registry.StatusChange;
import org.kimberlite.registry.StatusChangeType;
import org.kimberlite.shared.CountryCode;
import org.kimberlite.shared.ParticipantCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the KP participants list, the EU member states and the recorded status history into an
 * empty registry, once, in one transaction (see {@code registry/SOURCES.md}).
 */
@Component
@Order(0)
public class ParticipantSeeder implements ApplicationRunner {
  static final String SEED = "kp-participants.csv";
  static final LocalDate AS_OF = LocalDate.of(2024, 11, 15);
  static final LocalDate SCHEME_START = LocalDate.of(2003, 1, 1);
  private static final String BY = "seed";
  private static final Logger log = LoggerFactory.getLogger(ParticipantSeeder.class);

  static final String ISSUER = "kimberlite-seed";
  private final ParticipantRepository repository;
  private final TransparencyLog transparencyLog;
  private final TransactionTemplate tx;
  private final Clock clock;

  public ParticipantSeeder(
      ParticipantRepository repository, TransparencyLog log, TransactionTemplate tx, Clock clock) {
    this.repository = repository;
    this.transparencyLog = log;
    this.tx = tx;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    tx.executeWithoutResult(status -> seed());
  }

  /** Seeds the registry unless it was seeded before; returns whether it did. */
  public boolean seed() {
    if (repository.seeded(SEED)) {
      return false;
    }
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    Map<String, List<String[]>> history = group(read("registry/participant-history.csv", 6));
    Map<String, List<String[]>> zones = group(read("registry/compliant-zones.csv", 6));
    int count = 0;
    for (String[] row : read("registry/" + SEED, 6)) {
      ParticipantCode code = ParticipantCode.of(row[0]);
      Participant participant =
          new Participant(
              code,
              row[1],
              ParticipantKind.valueOf(row[2].toUpperCase(Locale.ROOT)),
              row[5].isBlank() ? null : row[5]);
      repository.insert(participant, now, BY);
      List<StatusChange> changes = new ArrayList<>();
      List<String[]> recorded = history.getOrDefault(code.code(), List.of());
      if (recorded.isEmpty() && !row[4].isBlank() && row[3].equals("active")) {
        changes.add(change(StatusChangeType.ADMISSION, row[4], "Admitted (seed list)", SEED, now));
      } else {
        changes.add(
            new StatusChange(
                StatusChangeType.ADMISSION,
                SCHEME_START,
                DatePrecision.UNKNOWN,
                "Participant by the seed list's as-of date; admission date not recorded",
                "kp-participants.csv",
                now,
                BY));
      }
      for (String[] h : recorded) {
        changes.add(
            new StatusChange(
                StatusChangeType.valueOf(h[1]),
                LocalDate.parse(h[2]),
                DatePrecision.valueOf(h[3]),
                h[5],
                h[4],
                now,
                BY));
      }
      ParticipantHistory checked = new ParticipantHistory(code, List.of(), List.of());
      for (StatusChange c : changes) {
        Optional<RuleBreach> breach = checked.appendBreach(c.type(), c.effectiveOn());
        if (breach.isPresent()) {
          throw new IllegalStateException(
              "Seed history of " + code + " breaks a rule: " + breach.get().detail());
        }
        checked = checked.append(c);
        long id = repository.insertChange(code, c);
        transparencyLog.record(RegistryRecords.changeCommitment(id, code, c, ISSUER));
      }
      ParticipantStatus expected =
          ParticipantStatus.valueOf(row[3].toUpperCase(Locale.ROOT).replace('-', '_'));
      if (checked.statusOn(AS_OF) != expected) {
        throw new IllegalStateException(
            "Seed history of "
                + code
                + " ends in "
                + checked.statusOn(AS_OF)
                + ", list says "
                + expected);
      }
      for (String[] z : zones.getOrDefault(code.code(), List.of())) {
        CompliantZone zone =
            new CompliantZone(
                z[1],
                LocalDate.parse(z[2]),
                z[3].isBlank() ? null : LocalDate.parse(z[3]),
                DatePrecision.valueOf(z[4]),
                z[5]);
        long id = repository.insertZone(code, zone, now, BY);
        transparencyLog.record(RegistryRecords.zoneCommitment(id, code, zone, now, BY, ISSUER));
      }
      count++;
    }
    for (String[] row : read("registry/eu-member-states.csv", 2)) {
      repository.insertMemberState(CountryCode.of(row[0]), row[1], ParticipantCode.EU);
    }
    repository.recordSeed(
        SEED,
        AS_OF,
        "KP participants list as of "
            + AS_OF
            + ", compiled from the KP's published participants page and decisions"
            + " (sources in registry/SOURCES.md)",
        now);
    log.info("Registry seeded with {} participants as of {}", count, AS_OF);
    return true;
  }

  private static StatusChange change(
      StatusChangeType type, String partialDate, String reason, String source, Instant now) {
    DatePrecision precision =
        switch (partialDate.length()) {
          case 4 -> DatePrecision.YEAR;
          case 7 -> DatePrecision.MONTH;
          default -> DatePrecision.DAY;
        };
    LocalDate date =
        switch (precision) {
          case YEAR -> LocalDate.parse(partialDate + "-01-01");
          case MONTH -> LocalDate.parse(partialDate + "-01");
          default -> LocalDate.parse(partialDate);
        };
    return new StatusChange(type, date, precision, reason, source, now, BY);
  }

  private static Map<String, List<String[]>> group(List<String[]> rows) {
    Map<String, List<String[]>> out = new LinkedHashMap<>();
    rows.forEach(r -> out.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r));
    return out;
  }

  /** Reads a header-first RFC 4180 CSV resource of exactly {@code columns} columns, trimmed. */
  static List<String[]> read(String resource, int columns) {
    InputStream in = ParticipantSeeder.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("Missing seed resource " + resource);
    }
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();
    List<String[]> rows = new ArrayList<>();
    try (CSVParser parser =
        CSVParser.builder()
            .setReader(new InputStreamReader(in, StandardCharsets.UTF_8))
            .setFormat(format)
            .get()) {
      if (parser.getHeaderNames().size() != columns) {
        throw new IllegalStateException(
            resource + " has " + parser.getHeaderNames().size() + " columns, not " + columns);
      }
      for (CSVRecord record : parser) {
        if (record.size() != columns) {
          throw new IllegalStateException(
              "Malformed line " + record.getRecordNumber() + " in " + resource + ": " + record);
        }
        rows.add(record.values());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
