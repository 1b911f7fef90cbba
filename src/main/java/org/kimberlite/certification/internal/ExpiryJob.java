package org.kimberlite.certification.internal;

import org.kimberlite.certification.ExpiringCertificates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Marks certificates past their expiry date as EXPIRED (KP-05, KP-08), every minute by default. */
@Configuration
@EnableScheduling
@ConditionalOnWebApplication
class ExpiryJob {
  private static final Logger log = LoggerFactory.getLogger(ExpiryJob.class);
  private final ExpiringCertificates certificates;

  ExpiryJob(ExpiringCertificates certificates) {
    this.certificates = certificates;
  }

  @Scheduled(
      fixedDelayString = "${kimberlite.certification.expiry-check:PT1M}",
      initialDelayString = "PT5S")
  void expire() {
    int n = certificates.expireDue();
    if (n > 0) {
      log.info("{} certificate(s) expired", n);
    }
  }
}
