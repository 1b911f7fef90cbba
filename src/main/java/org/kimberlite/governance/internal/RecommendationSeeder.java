package org.kimberlite.governance.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.kimberlite.governance.Monitoring;
import org.kimberlite.governance.NewRecommendation;
import org.kimberlite.shared.ParticipantCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Records the KP's past recommendations to lift restrictions (the review mission's on the Central
 * African Republic in 2024) from {@code governance/recommendations.csv}, each once under its
 * constant id, before the decisions that follow them are seeded ({@link DecisionSeeder}).
 */
@Component
@Order(4)
public class RecommendationSeeder implements ApplicationRunner {
  static final String RESOURCE = "governance/recommendations.csv";
  private static final Logger log = LoggerFactory.getLogger(RecommendationSeeder.class);

  private final Monitoring monitoring;

  RecommendationSeeder(Monitoring monitoring) {
    this.monitoring = monitoring;
  }

  /** One seeded recommendation: its constant id, participant, the request, who made it. */
  record Seeded(UUID id, ParticipantCode participant, NewRecommendation request, String by) {}

  @Override
  public void run(ApplicationArguments args) {
    int recorded = 0;
    for (Seeded s : read()) {
      if (monitoring
          .recordPast(s.id(), s.participant(), s.request(), s.by(), DecisionSeeder.ISSUER)
          .isPresent()) {
        recorded++;
      }
    }
    if (recorded > 0) {
      log.info("Recorded {} past KP recommendations from {}", recorded, RESOURCE);
    }
  }

  static List<Seeded> read() {
    return SeedCsv.read(
        RESOURCE,
        r ->
            new Seeded(
                UUID.fromString(r.get("id")),
                ParticipantCode.of(r.get("participant")),
                new NewRecommendation(
                    LocalDate.parse(r.get("recommended_on")),
                    r.get("text"),
                    LocalDate.parse(r.get("evidence_from")),
                    LocalDate.parse(r.get("evidence_to")),
                    r.get("source")),
                r.get("by")));
  }
}
