package org.kimberlite.diligence.internal;

import java.util.concurrent.Executor;
import org.springframework.beans.factory.DisposableBean;
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
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
class DiligenceConfig implements AsyncConfigurer, DisposableBean {
  private final ThreadPoolTaskExecutor workers = new ThreadPoolTaskExecutor();

  DiligenceConfig() {
    workers.setCorePoolSize(2);
    workers.setMaxPoolSize(2);
    workers.setThreadNamePrefix("diligence-");
    workers.setWaitForTasksToCompleteOnShutdown(false);
    workers.initialize();
  }

  @Override
  public Executor getAsyncExecutor() {
    return workers;
  }

  @Override
  public void destroy() {
    workers.shutdown();
  }
}
