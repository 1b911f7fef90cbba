package org.kimberlite.platform.idempotency.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kimberlite.shared.problem.Problem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mark an action's transaction puts on its Idempotency-Key just before it commits: kept when
 * the attempt still holds the key, and when a later attempt has taken the key over (the first one
 * outlived its lease) the late transaction commits nothing and its client is told the key is in
 * progress, not that the server failed.
 */
@SpringBootTest(properties = {"kimberlite.data-dir=target/it-data"})
class EffectMarkH2IT {
  private static final String SCOPE = "test:effect-mark";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url",
        () ->
            "jdbc:h2:mem:effect-mark-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
  }

  @Autowired IdempotencyRepository keys;
  @Autowired TransactionTemplate tx;

  @Test
  void anAttemptWhoseKeyWasTakenOverCommitsNothingAndIsToldTheKeyIsInProgress() {
    String key = UUID.randomUUID().toString();
    UUID later = UUID.randomUUID();
    claimed(key, later);
    String write = UUID.randomUUID().toString();

    EffectMark.begin(new EffectMark.Attempt(SCOPE, key, UUID.randomUUID()));
    try {
      assertThatThrownBy(() -> tx.executeWithoutResult(s -> claimed(write, UUID.randomUUID())))
          .isInstanceOfSatisfying(
              Problem.class,
              p -> {
                assertThat(p.status()).isEqualTo(409);
                assertThat(p.type()).isEqualTo("idempotency/in-progress");
              });
    } finally {
      EffectMark.end();
    }
    assertThat(keys.find(SCOPE, write)).as("the late attempt's write").isEmpty();
    assertThat(row(key).state()).isEqualTo("IN_FLIGHT");
    assertThat(row(key).attempt()).isEqualTo(later);
  }

  @Test
  void theAttemptHoldingItsKeyMarksItEffectedInItsOwnCommit() {
    String key = UUID.randomUUID().toString();
    UUID holder = UUID.randomUUID();
    claimed(key, holder);
    String write = UUID.randomUUID().toString();

    EffectMark.begin(new EffectMark.Attempt(SCOPE, key, holder));
    try {
      tx.executeWithoutResult(s -> claimed(write, UUID.randomUUID()));
    } finally {
      EffectMark.end();
    }
    assertThat(keys.find(SCOPE, write)).isPresent();
    assertThat(row(key).state()).isEqualTo("EFFECTED");
  }

  private void claimed(String key, UUID attempt) {
    Instant now = Instant.now();
    keys.insert(SCOPE, key, "0".repeat(64), attempt, now, now.plus(Duration.ofDays(1)));
  }

  private IdempotencyRepository.Row row(String key) {
    return keys.find(SCOPE, key).orElseThrow();
  }
}
