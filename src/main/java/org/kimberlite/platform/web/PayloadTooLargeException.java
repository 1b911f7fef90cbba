package org.kimberlite.platform.web;

import java.io.IOException;

/** Raised while reading a request body that is larger than the configured limit. */
public class PayloadTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  public PayloadTooLargeException(long limit) {
    super("The request body exceeds the limit of " + limit + " bytes");
  }
}
