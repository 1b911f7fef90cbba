package org.kimberlite.shared.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Master-key rotation without downtime. In the background, every {@code
 * kimberlite.keys.reseal-interval}, the server re-reads the keyring ({@link MasterKeys#reload}) and
 * re-seals, a batch at a time, every secret still sealed under a key other than the sealing one;
 * requests go on being served meanwhile (a secret opens under any key of the keyring). When nothing
 * is left under the old keys, {@link #retireOld} removes them from the key file. A secret sealed
 * only under a key no longer in the keyring is reported ({@link Status#stranded}).
 */
@Component
public class MasterKeyRotation implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(MasterKeyRotation.class);

  private final MasterKeys keys;
  private final List<SealedSecrets> secrets;
  private @Nullable ScheduledExecutorService scheduler;
  private volatile Map<String, Long> lastStranded = Map.of();

  public MasterKeyRotation(MasterKeys keys, List<SealedSecrets> secrets) {
    this.keys = keys;
    this.secrets = List.copyOf(secrets);
  }

  /** Where the secrets stand: the keyring, and what is sealed under which key. */
  public record Status(
      String sealingKey,
      List<String> keys,
      Set<String> retired,
      Map<String, Map<String, Long>> sealed,
      Map<String, Long> stranded) {

    /** Secrets sealed under a key other than the sealing one (re-sealing still to do). */
    public long notUnderSealingKey() {
      return sealed.values().stream()
          .flatMap(m -> m.entrySet().stream())
          .filter(e -> !e.getKey().equals(sealingKey))
          .mapToLong(Map.Entry::getValue)
          .sum();
    }
  }

  /** What came of retiring the old master keys. */
  public sealed interface Retirement {
    /** Done: these keys are gone from the key file. */
    record Retired(Set<String> keys) implements Retirement {}

    /** Nothing to retire: the keyring holds only the sealing key. */
    record NothingToRetire() implements Retirement {}

    /** Refused: secrets are still sealed under an old key, or under no key known. */
    record StillSealed(Status status) implements Retirement {}

    /** Refused: the keyring is given in configuration, not kept in a file this can change. */
    record NotInAFile() implements Retirement {}
  }

  /** One round: re-read the keyring, then re-seal everything left; returns how many re-sealed. */
  public synchronized int round() {
    keys.reload();
    MasterKey master = keys.current();
    int total = 0;
    for (SealedSecrets s : secrets) {
      int done;
      do {
        done = s.resealBatch(master, keys.properties().resealBatch());
        total += done;
      } while (done > 0);
    }
    if (total > 0) {
      log.info(
          "Re-sealed {} secret(s) under master key {}", total, MasterKey.hex(master.primaryId()));
    }
    Map<String, Long> stranded = status().stranded();
    if (!stranded.isEmpty() && !stranded.equals(lastStranded)) {
      log.error(
          "Secrets sealed only under master keys not in the keyring (retired or unknown): {}."
              + " They cannot be opened; put the key back in the keyring.",
          stranded);
    }
    lastStranded = stranded;
    return total;
  }

  /** The keyring and what is sealed under which of its keys. */
  public Status status() {
    MasterKey master = keys.current();
    Set<String> known = new java.util.HashSet<>();
    master.ids().forEach(id -> known.add(MasterKey.hex(id)));
    Map<String, Map<String, Long>> sealed = new TreeMap<>();
    Map<String, Long> stranded = new TreeMap<>();
    for (SealedSecrets s : secrets) {
      Map<String, Long> counts = new TreeMap<>(s.countBySealingKey(master));
      counts.values().removeIf(n -> n == 0);
      sealed.put(s.name(), Map.copyOf(counts));
      counts.forEach(
          (key, n) -> {
            if (!known.contains(key)) {
              stranded.merge(
                  master.retiredIds().stream().map(MasterKey::hex).anyMatch(key::equals)
                      ? key + " (retired)"
                      : key,
                  n,
                  Long::sum);
            }
          });
    }
    return new Status(
        MasterKey.hex(master.primaryId()),
        master.ids().stream().map(MasterKey::hex).toList(),
        Set.copyOf(master.retiredIds().stream().map(MasterKey::hex).toList()),
        Map.copyOf(sealed),
        Map.copyOf(stranded));
  }

  /**
   * Re-seals what is left, then removes every key but the sealing one from the key file, unless a
   * secret is still sealed under one of them or under no key known.
   */
  public synchronized Retirement retireOld() {
    Optional<Path> file = keys.file();
    if (file.isEmpty()) {
      return new Retirement.NotInAFile();
    }
    round();
    if (keys.current().ids().size() == 1) {
      return new Retirement.NothingToRetire();
    }
    Status status = status();
    if (status.notUnderSealingKey() > 0 || !status.stranded().isEmpty()) {
      return new Retirement.StillSealed(status);
    }
    try {
      Set<Integer> retired = MasterKeyFile.retire(file.get());
      keys.reload();
      List<String> names = new ArrayList<>(retired.stream().map(MasterKey::hex).toList());
      log.info("Retired master key(s) {}", names);
      return new Retirement.Retired(Set.copyOf(names));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot rewrite the master key file " + file.get(), e);
    }
  }

  @Override
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    ScheduledExecutorService s =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "master-key-reseal");
              t.setDaemon(true);
              return t;
            });
    long every = keys.properties().resealInterval().toMillis();
    s.scheduleWithFixedDelay(this::safeRound, 0, every, TimeUnit.MILLISECONDS);
    scheduler = s;
  }

  private void safeRound() {
    try {
      round();
    } catch (RuntimeException e) {
      log.error("Master-key re-sealing round failed; trying again next round", e);
    }
  }

  @Override
  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }
}
