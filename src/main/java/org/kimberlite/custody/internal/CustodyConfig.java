package org.kimberlite.custody.internal;

import org.kimberlite.custody.CustodyProperties;
import org.kimberlite.platform.web.BodyLimit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Custody's settings for the web: the capture interface takes documents up to its own limit. */
@Configuration
class CustodyConfig {
  @Bean
  BodyLimit epcisCaptureBodyLimit(CustodyProperties properties) {
    return new BodyLimit("/epcis/capture", properties.maxDocumentBytes());
  }
}
