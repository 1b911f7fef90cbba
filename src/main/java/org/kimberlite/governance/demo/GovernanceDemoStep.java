package org.kimberlite.governance.demo;

import java.util.Map;
import org.kimberlite.registry.Caller;

/**
 * One part of the demo world's governance (annual reports, a review visit, ...), run in {@link
 * org.springframework.core.annotation.Order} order after the working bodies are seated.
 */
public interface GovernanceDemoStep {
  /**
   * Creates this part of the demo.
   *
   * @param callers the demo's signed-in accounts by username (kp-secretariat, kp-za, ...)
   * @return one line for the demo's summary
   */
  String create(Map<String, Caller> callers);
}
