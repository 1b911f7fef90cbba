package org.kimberlite.diligence.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Listeners run on worker threads after the commit; the time-driven checks on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
class DiligenceConfig {}
