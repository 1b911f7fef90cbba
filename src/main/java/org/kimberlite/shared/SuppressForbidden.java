package org.kimberlite.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets one method or class use an API the build's guardrails forbid (src/build/forbidden-apis.txt),
 * for a reason given in {@link #value()}: a command-line tool that measures wall time, say.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.TYPE, ElementType.FIELD})
public @interface SuppressForbidden {
  /** Why the forbidden API is the right one here. */
  String value();
}
