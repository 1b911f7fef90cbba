package org.kimberlite.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class CheckpointCacheTest {
  private final AtomicLong nanos = new AtomicLong(1_000);
  private final AtomicInteger reads = new AtomicInteger();
  private final CheckpointCache cache = new CheckpointCache(nanos::get);
  private String stored = "note 1\n";
  private final Supplier<Optional<String>> database =
      () -> {
        reads.incrementAndGet();
        return Optional.ofNullable(stored);
      };

  @AfterEach
  void noTransactionLeft() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.clearSynchronization();
    }
  }

  private String text() {
    return new String(cache.note(database).orElseThrow().body(), StandardCharsets.UTF_8);
  }

  @Test
  void aNoteIsKeptForLessThanItsMaximumAgeThenReadAgain() {
    assertThat(text()).isEqualTo("note 1\n");
    stored = "note 2\n"; // written by another server process: this one is not told
    nanos.addAndGet(CheckpointCache.MAX_AGE.toNanos() - 1);
    assertThat(text()).isEqualTo("note 1\n");
    assertThat(reads).hasValue(1);
    nanos.addAndGet(1);
    assertThat(text()).isEqualTo("note 2\n");
    assertThat(reads).hasValue(2);
  }

  @Test
  void noCheckpointYetIsNeverKept() {
    stored = null;
    assertThat(cache.note(database)).isEmpty();
    assertThat(cache.note(database)).isEmpty();
    assertThat(reads).hasValue(2);
  }

  @Test
  void aChangeOutsideATransactionDropsTheKeptNoteAtOnce() {
    assertThat(text()).isEqualTo("note 1\n");
    stored = "note 2\n";
    cache.changing();
    assertThat(text()).isEqualTo("note 2\n");
  }

  @Test
  void fromJustBeforeACommitUntilItCompletesNothingIsKeptOrServedFromMemory() {
    assertThat(text()).isEqualTo("note 1\n");
    TransactionSynchronizationManager.initSynchronization();
    cache.changing();
    TransactionSynchronization change =
        TransactionSynchronizationManager.getSynchronizations().get(0);
    // Before the commit begins the old note is still the database's.
    assertThat(text()).isEqualTo("note 1\n");
    assertThat(reads).hasValue(1);

    change.beforeCompletion();
    stored = "note 2\n"; // committed
    assertThat(text()).isEqualTo("note 2\n");
    assertThat(text()).isEqualTo("note 2\n");
    assertThat(reads).hasValue(3); // read each time: nothing kept while the change completes

    change.afterCompletion(TransactionSynchronization.STATUS_COMMITTED);
    assertThat(text()).isEqualTo("note 2\n");
    assertThat(text()).isEqualTo("note 2\n");
    assertThat(reads).hasValue(4); // kept again once the change has completed
  }

  @Test
  void aNoteReadWhileTheLogChangedIsServedButNotKept() {
    Supplier<Optional<String>> racing =
        () -> {
          reads.incrementAndGet();
          String before = stored;
          stored = "note 2\n";
          cache.changing(); // a change completes while this read is under way
          return Optional.of(before);
        };
    assertThat(new String(cache.note(racing).orElseThrow().body(), StandardCharsets.UTF_8))
        .isEqualTo("note 1\n");
    assertThat(text()).isEqualTo("note 2\n");
    assertThat(reads).hasValue(2);
  }

  @Test
  void theEntityTagFollowsTheBytesAndMatchesIfNoneMatchLists() {
    KeptBody one = KeptBody.of("note 1\n".getBytes(StandardCharsets.UTF_8));
    KeptBody same = KeptBody.of("note 1\n".getBytes(StandardCharsets.UTF_8));
    KeptBody other = KeptBody.of("note 2\n".getBytes(StandardCharsets.UTF_8));
    assertThat(one.etag()).isEqualTo(same.etag()).isNotEqualTo(other.etag()).startsWith("\"");
    assertThat(one.matches(one.etag())).isTrue();
    assertThat(one.matches("\"x\", W/" + one.etag())).isTrue();
    assertThat(one.matches("*")).isTrue();
    assertThat(one.matches(other.etag())).isFalse();
    assertThat(one.matches("")).isFalse();
  }
}
