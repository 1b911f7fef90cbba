package org.kimberlite.custody.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CaptureWorkerTest {
  private final CaptureWorker worker = new CaptureWorker();
  private final List<List<UUID>> groups = Collections.synchronizedList(new ArrayList<>());

  @AfterEach
  void stop() throws InterruptedException {
    worker.stop();
  }

  /** Records each group; the first one waits for {@code release}. */
  private Consumer<List<UUID>> recorder(CountDownLatch started, CountDownLatch release) {
    return group -> {
      groups.add(group);
      started.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  private static List<UUID> ids(int n) {
    List<UUID> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new UUID(0, i));
    }
    return out;
  }

  @Test
  void jobsWaitingBehindABusyWorkerAreTakenTogetherInOrder() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Consumer<List<UUID>> process = recorder(started, release);
    List<UUID> jobs = ids(6);
    worker.afterCommit(jobs.get(0), 100, process);
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    for (UUID job : jobs.subList(1, 6)) {
      worker.afterCommit(job, 100, process);
    }
    release.countDown();
    assertThat(worker.drain(Duration.ofSeconds(10))).isTrue();
    assertThat(groups).containsExactly(jobs.subList(0, 1), jobs.subList(1, 6));
  }

  @Test
  void aGroupStopsAtItsBoundsAndAFirstLargeJobGoesAlone() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Consumer<List<UUID>> process = recorder(started, release);
    List<UUID> jobs = ids(4 + CaptureWorker.MAX_GROUP_JOBS + 1);
    worker.afterCommit(jobs.get(0), 1, process);
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    // Larger than a group's events on its own: it still runs, alone.
    worker.afterCommit(jobs.get(1), CaptureWorker.MAX_GROUP_EVENTS + 1, process);
    // Exactly at the bound together.
    worker.afterCommit(jobs.get(2), CaptureWorker.MAX_GROUP_EVENTS - 1, process);
    worker.afterCommit(jobs.get(3), 1, process);
    // More jobs than a group holds.
    for (UUID job : jobs.subList(4, jobs.size())) {
      worker.afterCommit(job, 1, process);
    }
    release.countDown();
    assertThat(worker.drain(Duration.ofSeconds(10))).isTrue();
    List<UUID> small = jobs.subList(4, jobs.size());
    assertThat(groups)
        .containsExactly(
            jobs.subList(0, 1),
            jobs.subList(1, 2),
            jobs.subList(2, 4),
            small.subList(0, CaptureWorker.MAX_GROUP_JOBS),
            small.subList(CaptureWorker.MAX_GROUP_JOBS, small.size()));
  }
}
