package org.kimberlite.platform.operations;

import org.kimberlite.platform.web.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health and metrics are read without login. On the main port only {@code /livez} and {@code
 * /readyz} exist (a status, no details), for load balancers; {@code /health/**} and {@code
 * /metrics} exist only on the management port, which listens on loopback unless the operator says
 * otherwise (docs/operations.md): who can reach that port may read them.
 */
@Configuration
class OperationsPaths {
  @Bean
  static PublicPaths operationsPublicPaths() {
    return PublicPaths.of("/livez", "/readyz", "/health", "/health/**", "/metrics", "/info");
  }
}
