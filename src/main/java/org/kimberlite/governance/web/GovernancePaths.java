package org.kimberlite.governance.web;

import org.kimberlite.platform.web.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What of governance anyone may read: seats on the working bodies, decisions and standings. */
@Configuration(proxyBeanMethods = false)
class GovernancePaths {
  @Bean
  static PublicPaths governancePublicPaths() {
    return PublicPaths.of(
        "/api/v1/governance/memberships",
        "/api/v1/governance/decisions",
        "/api/v1/governance/decisions/*",
        "/governance/decisions",
        "/governance/decisions/*");
  }
}
