package org.kimberlite.diligence;

/** How serious a finding is: HIGH asks for an answer before trading on (docs/diligence.md). */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH
}
