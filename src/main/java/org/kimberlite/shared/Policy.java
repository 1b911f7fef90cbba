package org.kimberlite.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a policy: a pure function from facts to a decision (the violations of a rule, the findings
 * of a check). A policy has no Spring, JDBC, HTTP or servlet type in it, reads no clock of its own
 * and touches no database; {@code PolicyPurityTest} keeps it so. Tested with plain unit tests at
 * the boundaries of each rule it decides.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Policy {
  /** The IDs of the rules this policy decides (docs/rules.md). */
  String[] rules() default {};
}
