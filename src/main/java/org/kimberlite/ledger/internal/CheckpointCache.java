package org.kimberlite.ledger.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The served checkpoint (the latest signed note with its cosignatures), kept in memory until this
 * process signs a checkpoint or stores a cosignature, and at most {@link #MAX_AGE} in any case:
 * another server process sharing the database may be the one integrating, and this one is not told.
 * {@code GET /log/checkpoint} already lets any cache keep the note for 2 s ({@code max-age=2}), so
 * a note at most {@link #MAX_AGE} old there changes nothing a client may rely on.
 *
 * <p>In this process the kept note is never older than the database: a transaction that changes the
 * checkpoint calls {@link #changing()}, and from just before its commit until it has completed
 * nothing kept is served and nothing read is kept (each change also moves a generation counter, so
 * a note read before the change is not kept after it).
 */
@Component
public class CheckpointCache {
  /** How long a kept note is served at most without reading the database again. */
  public static final Duration MAX_AGE = Duration.ofSeconds(1);

  private record Kept(KeptBody body, long generation, long readAt) {}

  private final AtomicLong generation = new AtomicLong();
  private final AtomicInteger changes = new AtomicInteger();
  private final LongSupplier nanos;
  private volatile @Nullable Kept kept;

  @Autowired
  CheckpointCache() {
    this(System::nanoTime);
  }

  CheckpointCache(LongSupplier nanos) {
    this.nanos = nanos;
  }

  /**
   * The kept note, or the one {@code read} gives now (kept for the next callers when nothing
   * changed meanwhile); empty when the log has signed no checkpoint yet (never kept).
   */
  public Optional<KeptBody> note(Supplier<Optional<String>> read) {
    long now = nanos.getAsLong();
    long g = generation.get();
    boolean quiet = changes.get() == 0;
    Kept k = kept;
    if (quiet && k != null && k.generation() == g && now - k.readAt() < MAX_AGE.toNanos()) {
      return Optional.of(k.body());
    }
    Optional<KeptBody> fresh =
        read.get().map(note -> KeptBody.of(note.getBytes(StandardCharsets.UTF_8)));
    if (quiet && fresh.isPresent() && generation.get() == g) {
      kept = new Kept(fresh.get(), g, now);
    }
    return fresh;
  }

  /**
   * The current transaction changes the checkpoint (a new one signed, a cosignature stored): the
   * kept note is dropped just before it commits and nothing is kept until it has completed. Without
   * a transaction, the note is dropped at once.
   */
  public void changing() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      generation.incrementAndGet();
      kept = null;
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          private boolean begun;

          @Override
          public void beforeCompletion() {
            changes.incrementAndGet();
            generation.incrementAndGet();
            kept = null;
            begun = true;
          }

          @Override
          public void afterCompletion(int status) {
            if (begun) {
              generation.incrementAndGet();
              changes.decrementAndGet();
            }
          }
        });
  }
}
