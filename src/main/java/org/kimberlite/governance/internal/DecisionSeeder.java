package org.kimberlite.governance.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.commons.csv.CSVRecord;
import org.kimberlite.governance.DecisionBody;
import org.kimberlite.governance.DecisionNumber;
import org.kimberlite.governance.DecisionOrder;
import org.kimberlite.governance.Decisions;
import org.kimberlite.governance.NewDecision;
import org.kimberlite.registry.DatePrecision;
import org.kimberlite.registry.StatusChangeType;
import org.kimberlite.shared.ParticipantCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Records the KP's past decisions behind the registry's seeded history (the Central African
 * Republic's suspension and way back, Venezuela's self-suspension) from {@code
 * governance/decisions.csv}, once per decision, linking the seeded status changes and zones to
 * them. Runs after the registry is seeded, on a new database and on one seeded before decisions
 * were kept.
 */
@Component
@Order(5)
public class DecisionSeeder implements ApplicationRunner {
  static final String RESOURCE = "governance/decisions.csv";
  static final String ISSUER = "kimberlite-seed";
  private static final Logger log = LoggerFactory.getLogger(DecisionSeeder.class);
  private static final java.util.regex.Pattern ORDERS = java.util.regex.Pattern.compile("\\|");
  private static final java.util.regex.Pattern ORDER_PARTS = java.util.regex.Pattern.compile(":");

  private final Decisions decisions;

  DecisionSeeder(Decisions decisions) {
    this.decisions = decisions;
  }

  @Override
  public void run(ApplicationArguments args) {
    int recorded = 0;
    for (NewDecision d : read()) {
      if (decisions.recordPast(d, ISSUER, "seed").isPresent()) {
        recorded++;
      }
    }
    if (recorded > 0) {
      log.info("Recorded {} past KP decisions from {}", recorded, RESOURCE);
    }
  }

  /** The seeded decisions, in file order. */
  static List<NewDecision> read() {
    return SeedCsv.read(RESOURCE, DecisionSeeder::decision);
  }

  private static NewDecision decision(CSVRecord r) {
    List<DecisionOrder> orders = new ArrayList<>();
    List<ParticipantCode> concerned = new ArrayList<>();
    for (String o : ORDERS.split(r.get("orders"))) {
      String[] parts = ORDER_PARTS.split(o, 3);
      ParticipantCode code = ParticipantCode.of(parts[0]);
      if (!concerned.contains(code)) {
        concerned.add(code);
      }
      orders.add(
          parts[1].equals("ZONE")
              ? new DecisionOrder.ZoneDeclaration(code, parts[2])
              : new DecisionOrder.StatusOrder(code, StatusChangeType.valueOf(parts[1])));
    }
    String recommendation = r.get("recommendation");
    return new NewDecision(
        DecisionNumber.of(r.get("number")),
        r.get("title"),
        DecisionBody.valueOf(r.get("body").toUpperCase(Locale.ROOT)),
        LocalDate.parse(r.get("adopted_on")),
        LocalDate.parse(r.get("effective_on")),
        DatePrecision.valueOf(r.get("precision")),
        r.get("text"),
        concerned,
        orders,
        recommendation.isBlank() ? null : UUID.fromString(recommendation),
        r.get("source"));
  }
}
