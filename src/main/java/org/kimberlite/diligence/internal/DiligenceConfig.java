package org.kimberlite.diligence.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Listeners run after the commit on a small pool of worker threads (two: a burst of facts, such as
 * a bulk import, queues up instead of taking every database connection); the queue is in memory and
 * the facts themselves wait in the event publication registry, so a restart loses none. The
 * time-driven checks run on a schedule.
 *
 * <p>On shutdown the pool stops after everything that publishes facts (the web server, the capture
 * worker) and before the database pool closes: the evaluations under way finish (up to 30 s), the
 * queued ones are dropped, and a fact published after that is left to the registry; all of them are
 * published again at the next start.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
class DiligenceConfig implements AsyncConfigurer, SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(DiligenceConfig.class);

  private final ThreadPoolTaskExecutor workers = new ThreadPoolTaskExecutor();
  private volatile boolean running;

  DiligenceConfig() {
    workers.setCorePoolSize(2);
    workers.setMaxPoolSize(2);
    workers.setThreadNamePrefix("diligence-");
    workers.setRejectedExecutionHandler(
        (task, pool) ->
            log.debug(
                "A fact is left to the event publication registry: the workers have stopped"));
    workers.initialize();
  }

  @Override
  public Executor getAsyncExecutor() {
    return workers;
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    // Below the capture worker's phase (DEFAULT_PHASE - 4096): stopped after it.
    return SmartLifecycle.DEFAULT_PHASE - 8192;
  }

  @Override
  public void stop() {
    running = false;
    ThreadPoolExecutor pool = workers.getThreadPoolExecutor();
    pool.getQueue().clear();
    pool.shutdown();
    try {
      if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
