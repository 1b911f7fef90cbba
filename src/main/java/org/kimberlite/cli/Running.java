package org.kimberlite.cli;

import java.util.concurrent.CountDownLatch;
import org.kimberlite.platform.web.WebProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/** Helpers for commands that keep the platform running until Ctrl-C. */
final class Running {
  private Running() {}

  /** The address a person should open, with the port actually bound. */
  static String baseUrl(ConfigurableApplicationContext context) {
    String configured = context.getBean(WebProperties.class).publicUrl();
    if (context instanceof WebServerApplicationContext web && web.getWebServer() != null) {
      int port = web.getWebServer().getPort();
      String host = context.getEnvironment().getProperty("server.address", "127.0.0.1");
      if (host.equals("0.0.0.0") || host.equals("::")) {
        host = "127.0.0.1";
      }
      return configured.equals("http://127.0.0.1:8080")
          ? "http://" + host + ":" + port
          : configured;
    }
    return configured;
  }

  /** Blocks until the context closes (Ctrl-C runs Spring's shutdown hook). */
  static void awaitClose(ConfigurableApplicationContext context) throws InterruptedException {
    CountDownLatch closed = new CountDownLatch(1);
    context.addApplicationListener(
        event -> {
          if (event instanceof ContextClosedEvent) {
            closed.countDown();
          }
        });
    if (!context.isActive()) {
      return;
    }
    closed.await();
  }
}
