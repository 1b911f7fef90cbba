package org.kimberlite.custody.internal;

import org.kimberlite.custody.Capturing;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the server is ready, hands the capture jobs a previous run accepted and did not finish to
 * the worker. Only the server does: a one-shot command (an audit, an import) that starts the
 * platform must not process captures behind the operator's back.
 */
@Component
@ConditionalOnWebApplication
class CaptureResumption {
  private final Capturing capturing;

  CaptureResumption(Capturing capturing) {
    this.capturing = capturing;
  }

  @EventListener(ApplicationReadyEvent.class)
  void resume() {
    capturing.resume();
  }
}
